package be.carenetwork.analyst;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.TransactionTerminatedException;
import org.neo4j.graphdb.WriteOperationsNotAllowedException;
import org.springframework.http.HttpStatus;

/**
 * Why an analyst query did not run, as the HTTP answer says it: a 400 for the query's own mistakes (with the
 * position of a syntax error), a 403 for what analysts may not do (with Neo4j's reason when Neo4j refused it),
 * a 504 for a time-out, a 422 for a query that needs too much memory.
 */
final class QueryFailure extends RuntimeException {

    private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column (\\d+) \\(offset: (\\d+)\\)\\)");

    enum Kind {
        SYNTAX(HttpStatus.BAD_REQUEST, "Cypher syntax error"),
        INVALID(HttpStatus.BAD_REQUEST, "The query failed"),
        REFUSED(HttpStatus.FORBIDDEN, "Not allowed for analysts"),
        TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "Query time-out"),
        TOO_MUCH_MEMORY(HttpStatus.UNPROCESSABLE_CONTENT, "The query needs too much memory");

        final HttpStatus status;
        final String title;

        Kind(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    /** Where in the query text a syntax error is, as Neo4j reports it (1-based line and column, 0-based offset). */
    record Position(int line, int column, int offset) {
    }

    private final Kind kind;
    private final @Nullable String neo4jCode;
    private final @Nullable Position position;

    QueryFailure(Kind kind, String message, @Nullable String neo4jCode, @Nullable Position position) {
        super(message);
        this.kind = kind;
        this.neo4jCode = neo4jCode;
        this.position = position;
    }

    static QueryFailure refused(String message) {
        return new QueryFailure(Kind.REFUSED, message, null, null);
    }

    Kind kind() {
        return kind;
    }

    @Nullable String neo4jCode() {
        return neo4jCode;
    }

    @Nullable Position position() {
        return position;
    }

    /**
     * The same failure for a query that ran with one line put in front of it ({@code EXPLAIN}): the position moved
     * back to the analyst's own text, and the excerpt of it redrawn.
     */
    QueryFailure withoutPrefixLine(int prefixLength, String cypher) {
        if (position == null || position.line() < 2) {
            return this;
        }
        Position own = new Position(position.line() - 1, position.column(), position.offset() - prefixLength);
        String line = cypher.lines().skip(own.line() - 1).findFirst().orElse("");
        String reason = POSITION.matcher(firstLine(String.valueOf(getMessage()))).replaceFirst(
                "(line " + own.line() + ", column " + own.column() + " (offset: " + own.offset() + "))");
        return new QueryFailure(kind, reason + "\n\"" + line + "\"\n" + " ".repeat(Math.max(0, own.column())) + "^",
                neo4jCode, own);
    }

    /** What Neo4j (in-process or over Bolt) threw, translated; anything else is rethrown as it is. */
    static RuntimeException from(RuntimeException e, String timeoutText) {
        if (e instanceof QueryFailure || e instanceof AnalystGraph.NotReadyException) {
            return e;
        }
        String code = code(e);
        String message = String.valueOf(e.getMessage());
        if (e instanceof WriteOperationsNotAllowedException || code.endsWith("WriteOnReadOnlyAccessDatabase")
                || code.startsWith("Neo.ClientError.Security.") || code.endsWith("AccessMode")) {
            return new QueryFailure(Kind.REFUSED, "Analysts' queries are read-only; Neo4j refused this one: "
                    + firstLine(message), code, null);
        }
        if (code.endsWith("NotSystemDatabaseError") || code.endsWith("UnsupportedAdministrationCommand")) {
            return new QueryFailure(Kind.REFUSED, "Administration commands (users, databases, privileges, settings) "
                    + "are not available to analysts: " + firstLine(message), code, null);
        }
        if (code.endsWith("ProcedureNotFound")) {
            return new QueryFailure(Kind.REFUSED, "Only the procedures listed in docs/analysts.md are available to "
                    + "analysts (no APOC, nothing that reads files or the network): " + firstLine(message), code, null);
        }
        if (code.endsWith("ExternalResourceFailed")) {
            return new QueryFailure(Kind.REFUSED, "Reading files or URLs is not available to analysts: "
                    + firstLine(message), code, null);
        }
        if (code.contains("TransactionTimedOut") || message.contains("timeout specified")
                || (e instanceof TransactionTerminatedException && message.contains("timeout"))) {
            return new QueryFailure(Kind.TIMEOUT, "The query ran longer than " + timeoutText + " and was stopped. "
                    + "Narrow it down (one neighbourhood or category, a LIMIT, an aggregate) or ask for a longer "
                    + "time-out (timeoutSeconds, up to care.analyst.query-timeout).", code, null);
        }
        if (code.contains("MemoryPoolOutOfMemoryError") || code.contains("OutOfMemory")) {
            return new QueryFailure(Kind.TOO_MUCH_MEMORY, "The query needed more memory than an analyst query may use "
                    + "(care.analyst.query-memory): " + firstLine(message), code, null);
        }
        if (code.endsWith("SyntaxError")) {
            Matcher m = POSITION.matcher(message);
            Position position = m.find() ? new Position(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))) : null;
            return new QueryFailure(Kind.SYNTAX, message.strip(), code, position);
        }
        if (code.startsWith("Neo.ClientError.")) {
            return new QueryFailure(Kind.INVALID, firstLine(message), code, null);
        }
        return e;
    }

    private static String code(RuntimeException e) {
        if (e instanceof QueryExecutionException q) {
            return String.valueOf(q.getStatusCode());
        }
        if (e instanceof org.neo4j.driver.exceptions.Neo4jException n) {
            return String.valueOf(n.code());
        }
        if (e instanceof org.neo4j.kernel.api.exceptions.Status.HasStatus s) {
            return s.status().code().serialize();
        }
        return "";
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
