package be.carenetwork.analyst;

import java.util.Collection;

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
    static void record(String user, String via, String cypher, Collection<String> parameterNames, long rows,
                       double millis, String outcome, @Nullable String reason) {
        LOG.info("user={} via={} outcome={} rows={} ms={} params={} query=\"{}\"{}", user, via, outcome, rows,
                String.format(java.util.Locale.ROOT, "%.1f", millis), parameterNames, oneLine(cypher),
                reason == null ? "" : " reason=\"" + oneLine(reason) + "\"");
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
