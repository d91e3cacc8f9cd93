package be.carenetwork.analyst;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.carenetwork.system.BadInputException;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.graphdb.Notification;
import org.neo4j.graphdb.Result;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.stereotype.Service;

/**
 * Runs analysts' queries: their own Cypher (checked by {@link CypherGuard}, on the analyst graph only) and the
 * library's, read-only, with a time-out and a row cap, and audits each one.
 */
@Service
class AnalystQueries {

    private final AnalystGraph graph;
    private final QueryLibrary library;
    private final Driver driver;
    private final DatabaseSelectionProvider database;
    private final AnalystProperties properties;

    AnalystQueries(AnalystGraph graph, QueryLibrary library, Driver driver, DatabaseSelectionProvider database,
                   AnalystProperties properties) {
        this.graph = graph;
        this.library = library;
        this.driver = driver;
        this.database = database;
        this.properties = properties;
    }

    /** How much a query may take: rows (up to the cap of its format) and seconds (up to the configured time-out). */
    record Limits(int maxRows, Duration timeout, boolean profile) {
    }

    Limits limits(@Nullable Integer maxRows, @Nullable Integer timeoutSeconds, boolean streamed, boolean profile) {
        int cap = streamed ? properties.maxExportRows() : properties.maxRows();
        if (maxRows != null && (maxRows < 1 || maxRows > cap)) {
            throw new BadInputException("maxRows", "must be between 1 and " + cap + (streamed ? "" : " (CSV and GeoJSON answers may have up to " + properties.maxExportRows() + ")"));
        }
        long longest = properties.queryTimeout().toSeconds();
        if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > longest)) {
            throw new BadInputException("timeoutSeconds", "must be between 1 and " + longest);
        }
        return new Limits(maxRows == null ? cap : maxRows,
                timeoutSeconds == null ? properties.queryTimeout() : Duration.ofSeconds(timeoutSeconds), profile);
    }

    /** An analyst's own Cypher, on the pseudonymised analyst graph. */
    QueryRows custom(String user, String cypher, Map<String, ?> parameters, Limits limits) {
        Map<String, @Nullable Object> values = plainParameters(parameters);
        try {
            CypherGuard.checkText(cypher);
            if (!graph.enabled()) {
                throw QueryFailure.refused("Analysts' own Cypher runs on the pseudonymised analyst graph, which is off "
                        + "here (care.analyst.graph=OFF); the library queries are available, and with an external Neo4j "
                        + "ask your database administrator for a read-only account (see docs/analysts.md)");
            }
            return onAnalystGraph(user, "http", cypher, values, limits, true);
        } catch (RuntimeException e) {
            throw audited(user, "http", cypher, values, e, limits);
        }
    }

    /** A library query with its parameters: on the analyst graph when there is one, else on the main graph. */
    QueryRows library(String user, String name, Map<String, ?> parameters, Limits limits) {
        LibraryQuery query = library.get(name);
        Map<String, @Nullable Object> values = QueryLibrary.parameters(query, parameters);
        String via = "library:" + name;
        try {
            return graph.enabled() ? onAnalystGraph(user, via, query.cypher(), values, limits, false)
                    : onMainGraph(user, via, query.cypher(), values, limits);
        } catch (RuntimeException e) {
            throw audited(user, via, query.cypher(), values, e, limits);
        }
    }

    /** Reads every row (up to the cap) for a JSON answer. */
    static QueryAnswer answer(QueryRows rows, int maxRows) {
        try (rows) {
            List<List<@Nullable Object>> all = new ArrayList<>();
            for (List<@Nullable Object> row = rows.next(); row != null; row = rows.next()) {
                all.add(row);
            }
            return new QueryAnswer(rows.columns(), all, all.size(), rows.truncated(), maxRows, round(rows.millis()),
                    rows.graph(), rows.refreshedAt(), rows.notifications(), rows.plan());
        }
    }

    /** The JSON answer of a query. */
    record QueryAnswer(List<String> columns, List<List<@Nullable Object>> rows, int rowCount, boolean truncated,
                       int maxRows, double millis, String graph, @Nullable Instant graphRefreshedAt,
                       List<String> notifications, @Nullable String plan) {
    }

    private QueryRows onAnalystGraph(String user, String via, String cypher, Map<String, @Nullable Object> values,
                                     Limits limits, boolean guarded) {
        AnalystGraph.Lease lease = graph.lease(limits.timeout());
        try {
            if (guarded) {
                CypherGuard.checkPlan(lease.tx(), cypher);
            }
            Result result = lease.tx().execute(limits.profile() ? "PROFILE " + cypher : cypher, values);
            return new EmbeddedRows(lease, result, new Audit(user, via, cypher, values, limits));
        } catch (RuntimeException e) {
            lease.close();
            throw QueryFailure.from(e, seconds(limits.timeout()));
        }
    }

    private QueryRows onMainGraph(String user, String via, String cypher, Map<String, @Nullable Object> values,
                                  Limits limits) {
        String name = database.getDatabaseSelection().getValue();
        SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(org.neo4j.driver.AccessMode.READ);
        Session session = driver.session(name == null ? config.build() : config.withDatabase(name).build());
        try {
            var tx = session.beginTransaction(TransactionConfig.builder().withTimeout(limits.timeout())
                    .withMetadata(Map.of("app", "analyst", "user", user)).build());
            var result = tx.run(limits.profile() ? "PROFILE " + cypher : cypher, values);
            return new DriverRows(session, tx, result, new Audit(user, via, cypher, values, limits));
        } catch (RuntimeException e) {
            session.close();
            throw QueryFailure.from(e, seconds(limits.timeout()));
        }
    }

    private static RuntimeException audited(String user, String via, String cypher,
                                            Map<String, @Nullable Object> parameters, RuntimeException e, Limits limits) {
        RuntimeException failure = QueryFailure.from(e, seconds(limits.timeout()));
        AnalystAudit.record(user, via, cypher, parameters, 0, 0, outcome(failure), failure.getMessage());
        return failure;
    }

    static String outcome(RuntimeException failure) {
        return switch (failure) {
            case QueryFailure q -> switch (q.kind()) {
                case SYNTAX, INVALID -> "invalid";
                case REFUSED -> "refused";
                case TIMEOUT -> "timeout";
                case TOO_MUCH_MEMORY -> "too-much-memory";
            };
            case BadInputException b -> "invalid";
            case AnalystGraph.NotReadyException n -> "not-ready";
            default -> "failed";
        };
    }

    static String seconds(Duration timeout) {
        return timeout.toSeconds() + " s";
    }

    private static double round(double millis) {
        return Math.round(millis * 100) / 100.0;
    }

    /** JSON numbers as Long or Double, lists and maps all the way down: what Neo4j takes as parameters. */
    static Map<String, @Nullable Object> plainParameters(Map<String, ?> parameters) {
        Map<String, @Nullable Object> plain = new HashMap<>();
        parameters.forEach((name, value) -> plain.put(name, plainParameter(name, value)));
        return plain;
    }

    private static @Nullable Object plainParameter(String name, @Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case BigInteger b -> b.longValue();
            case BigDecimal d -> d.doubleValue();
            case Float f -> f.doubleValue();
            case String s -> s;
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b;
            case List<?> list -> list.stream().map(item -> plainParameter(name, item)).toList();
            case Map<?, ?> map -> {
                Map<String, @Nullable Object> nested = new LinkedHashMap<>();
                map.forEach((k, v) -> nested.put(String.valueOf(k), plainParameter(name, v)));
                yield nested;
            }
            default -> throw new BadInputException("parameters." + name, "must be text, a number, true or false, "
                    + "null, a list or a map");
        };
    }

    /** What the audit line of a query says, written when its rows are closed. */
    record Audit(String user, String via, String cypher, Map<String, @Nullable Object> parameters, Limits limits) {

        void write(long rows, double millis, boolean truncated, @Nullable RuntimeException failure) {
            AnalystAudit.record(user, via, cypher, parameters, rows, millis,
                    failure != null ? outcome(failure) : truncated ? "truncated" : "ok",
                    failure == null ? null : failure.getMessage());
        }
    }

    /** Rows of the in-process analyst graph. */
    private static final class EmbeddedRows extends CappedRows {
        private final AnalystGraph.Lease lease;
        private final Result result;

        EmbeddedRows(AnalystGraph.Lease lease, Result result, Audit audit) {
            super(audit);
            this.lease = lease;
            this.result = result;
            start(result.columns());
        }

        @Override
        boolean hasNextRow() {
            return result.hasNext();
        }

        @Override
        List<@Nullable Object> nextRow(List<String> columns) {
            Map<String, Object> row = result.next();
            List<@Nullable Object> values = new ArrayList<>(columns.size());
            columns.forEach(column -> values.add(AnalystValues.plain(row.get(column))));
            return values;
        }

        @Override
        @Nullable String summarise(List<String> notifications) {
            String plan = null;
            if (profiled()) {
                while (result.hasNext()) {
                    result.next();
                }
                plan = result.getExecutionPlanDescription().toString();
            }
            for (Notification notification : result.getNotifications()) {
                notifications.add(notification.getTitle() + ": " + notification.getDescription());
            }
            return plan;
        }

        @Override
        void release() {
            try {
                result.close();
            } catch (RuntimeException ignored) {
                // The transaction may already be gone (time-out); closing the lease below is what matters.
            } finally {
                lease.close();
            }
        }

        @Override
        public String graph() {
            return "analyst";
        }

        @Override
        public Instant refreshedAt() {
            return lease.refreshedAt();
        }
    }

    /** Rows of the main graph over Bolt (library queries when there is no analyst graph). */
    private static final class DriverRows extends CappedRows {
        private final Session session;
        private final org.neo4j.driver.Transaction tx;
        private final org.neo4j.driver.Result result;

        DriverRows(Session session, org.neo4j.driver.Transaction tx, org.neo4j.driver.Result result, Audit audit) {
            super(audit);
            this.session = session;
            this.tx = tx;
            this.result = result;
            start(result.keys());
        }

        @Override
        boolean hasNextRow() {
            return result.hasNext();
        }

        @Override
        List<@Nullable Object> nextRow(List<String> columns) {
            var record = result.next();
            List<@Nullable Object> values = new ArrayList<>(columns.size());
            columns.forEach(column -> values.add(AnalystValues.plain(record.get(column))));
            return values;
        }

        @Override
        @Nullable String summarise(List<String> notifications) {
            var summary = result.consume();
            summary.notifications().forEach(n -> notifications.add(n.title() + ": " + n.description()));
            return summary.hasProfile() ? summary.profile().toString() : null;
        }

        @Override
        void release() {
            try {
                tx.close();
            } catch (RuntimeException ignored) {
                // Already ended by the server (time-out).
            } finally {
                session.close();
            }
        }

        @Override
        public String graph() {
            return "main";
        }

        @Override
        public @Nullable Instant refreshedAt() {
            return null;
        }
    }
}
