package be.carenetwork.analyst;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.neo4j.gqlstatus.ErrorGqlStatusObject;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.api.query.ExecutingQuery;
import org.neo4j.kernel.impl.query.QueryExecutionMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit of analysts' queries: one line per query on the SLF4J logger {@code analyst.audit}, who, through which
 * path, which query, how long, how many rows, and how it ended. Route that logger to its own file to keep it (see
 * docs/analysts.md). Queries sent over the analyst graph's Bolt port are logged by {@link #boltMonitor()}.
 */
final class AnalystAudit {

    static final Logger LOG = LoggerFactory.getLogger("analyst.audit");

    private AnalystAudit() {
    }

    /**
     * @param via {@code http}, {@code library:<name>}, {@code export:<kind>} or {@code bolt}
     * @param outcome {@code ok}, {@code truncated}, {@code refused}, {@code invalid}, {@code timeout} or {@code failed}
     */
    static void record(String user, String via, String cypher, Map<String, ?> parameters, long rows,
                       double millis, String outcome, @Nullable String reason) {
        // A library query is named by its file; its text is in cypher/analyst/, not repeated on every line.
        String query = via.startsWith("library:") ? "cypher/analyst/" + via.substring("library:".length()) + ".cypher" : cypher;
        LOG.info("user={} via={} outcome={} rows={} ms={} params={} query=\"{}\"{}", user, via, outcome, rows,
                String.format(Locale.ROOT, "%.1f", millis), parameters(parameters), oneLine(query),
                reason == null ? "" : " reason=\"" + oneLine(reason) + "\"");
    }

    /** Parameter values as given, each cut at 100 characters, in name order. */
    static String parameters(Map<String, ?> parameters) {
        Map<String, String> shown = new TreeMap<>();
        parameters.forEach((name, value) -> {
            String text = String.valueOf(value);
            shown.put(name, text.length() > 100 ? text.substring(0, 100) + "..." : text);
        });
        return oneLine(shown.toString());
    }

    static String oneLine(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Logs the queries that arrive over Bolt (analysts' own tools); in-process queries are audited where they start. */
    static QueryExecutionMonitor boltMonitor() {
        return new QueryExecutionMonitor() {
            @Override
            public void startProcessing(ExecutingQuery query) {
            }

            @Override
            public void startExecution(ExecutingQuery query) {
            }

            @Override
            public void endFailure(ExecutingQuery query, Throwable failure) {
                bolt(query, "failed", failure.getMessage());
            }

            @Override
            public void endFailure(ExecutingQuery query, String reason, Status status, ErrorGqlStatusObject gqlStatus) {
                bolt(query, "failed", reason);
            }

            @Override
            public void endSuccess(ExecutingQuery query) {
                bolt(query, "ok", null);
            }
        };
    }

    private static void bolt(ExecutingQuery query, String outcome, @Nullable String reason) {
        var snapshot = query.snapshot();
        if (snapshot.clientConnection().isEmbedded()) {
            return;
        }
        String database = snapshot.databaseId().map(id -> id.name()).orElse("?");
        LOG.info("user={} via=bolt database={} client={} outcome={} ms={} query=\"{}\"{}", snapshot.executingUsername(),
                database, snapshot.clientConnection().clientAddress(), outcome, query.elapsedMillis(),
                oneLine(query.rawQueryText()), reason == null ? "" : " reason=\"" + oneLine(reason) + "\"");
    }
}
