package be.carenetwork.analyst;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What every answer to an analyst's query does whichever graph it comes from: the row cap, the first row read before
 * any answer (so that what fails early, most time-outs and type errors, fails before a byte is sent), failures made
 * readable, the plan and notifications once the rows are done, and the audit line when closed. A subclass reads its
 * result (the in-process analyst graph, or the main graph over Bolt) and calls {@link #start} once it is set up.
 */
abstract class CappedRows implements QueryRows {

    private final long started = System.nanoTime();
    private final List<String> notifications = new ArrayList<>();
    private final AnalystQueries.Audit audit;
    private List<String> columns = List.of();
    private long count;
    private boolean truncated;
    private boolean done;
    private @Nullable String plan;
    private @Nullable RuntimeException failure;
    private @Nullable List<@Nullable Object> first;

    CappedRows(AnalystQueries.Audit audit) {
        this.audit = audit;
    }

    /** Called by the subclass at the end of its constructor. */
    final void start(List<String> columns) {
        this.columns = List.copyOf(columns);
        this.first = read();
    }

    /** Whether the analyst asked for the plan (the query runs with PROFILE). */
    final boolean profiled() {
        return audit.limits().profile();
    }

    abstract boolean hasNextRow();

    /** The next row's values in the order of {@link #columns()}, made plain. */
    abstract List<@Nullable Object> nextRow(List<String> columns);

    /** After the last row: adds the notifications, and returns the plan when the query was profiled. */
    abstract @Nullable String summarise(List<String> notifications);

    /** Ends the transaction and gives back what it held; a transaction already ended (time-out) is no failure. */
    abstract void release();

    @Override
    public final List<String> columns() {
        return columns;
    }

    @Override
    public final @Nullable List<@Nullable Object> next() {
        if (first != null) {
            List<@Nullable Object> row = first;
            first = null;
            return row;
        }
        return read();
    }

    private @Nullable List<@Nullable Object> read() {
        if (done) {
            return null;
        }
        try {
            if (!hasNextRow()) {
                finish();
                return null;
            }
            if (count >= audit.limits().maxRows()) {
                truncated = true;
                finish();
                return null;
            }
            count++;
            return nextRow(columns);
        } catch (RuntimeException e) {
            done = true;
            failure = QueryFailure.from(e, AnalystQueries.seconds(audit.limits().timeout()));
            throw failure;
        }
    }

    private void finish() {
        done = true;
        plan = summarise(notifications);
    }

    @Override
    public final boolean truncated() {
        return truncated;
    }

    @Override
    public final List<String> notifications() {
        return notifications;
    }

    @Override
    public final @Nullable String plan() {
        return plan;
    }

    @Override
    public final double millis() {
        return (System.nanoTime() - started) / 1e6;
    }

    @Override
    public final void close() {
        double millis = millis();
        try {
            release();
        } finally {
            audit.write(count, millis, truncated, failure);
        }
    }
}
