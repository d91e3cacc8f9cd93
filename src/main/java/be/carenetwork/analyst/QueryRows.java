package be.carenetwork.analyst;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rows of a running analyst query, read one at a time, at most {@code maxRows}. Closing it ends the
 * transaction and writes the audit line; it may be closed from another thread than the one that opened it.
 */
interface QueryRows extends AutoCloseable {

    List<String> columns();

    /** The next row, or null at the end or at the row cap. */
    @Nullable List<@Nullable Object> next();

    /** Whether the cap cut the answer short; known once {@link #next()} returned null. */
    boolean truncated();

    /** {@code analyst} (the pseudonymised copy) or {@code main} (the main graph, library queries only). */
    String graph();

    /** When the analyst copy was made; null for the main graph, which is live. */
    @Nullable Instant refreshedAt();

    /** Neo4j's warnings (such as a label that does not exist yet), known at the end. */
    List<String> notifications();

    /** The profiled plan, when asked for, known at the end. */
    @Nullable String plan();

    /** Milliseconds since the query was started. */
    double millis();

    @Override
    void close();
}
