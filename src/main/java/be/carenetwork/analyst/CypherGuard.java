package be.carenetwork.analyst;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import be.carenetwork.system.BadInputException;
import org.neo4j.graphdb.ExecutionPlanDescription;
import org.neo4j.graphdb.QueryExecutionType;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * Checks an analyst's own Cypher before it runs, on the plan Neo4j makes for it ({@code EXPLAIN}), not on the text
 * alone: administration commands, {@code LOAD CSV}, procedures outside the short list analysts need, and commands
 * that reach other people's transactions or the server's settings are refused with a 403.
 * <p>
 * Writes are not pre-empted here: the analyst graph is read-only and every analyst transaction runs in read mode,
 * so Neo4j itself refuses them, and the 403 carries its reason. The same store-level protection covers analysts'
 * own tools on the Bolt port, where no guard of ours sits in between.
 */
final class CypherGuard {

    static final int MAX_LENGTH = 20_000;
    /** On a line of its own, so that Neo4j's positions of errors are the query's own, one line down. */
    static final String EXPLAIN = "EXPLAIN\n";
    private static final Pattern LOAD_CSV = Pattern.compile("(?is)\\bLOAD\\s+CSV\\b");
    private static final Pattern MODE_PREFIX = Pattern.compile("(?is)^\\s*(EXPLAIN|PROFILE)\\b.*");
    /** Operators that reach beyond the graph: other users' transactions, the server's settings. */
    private static final List<String> REFUSED_OPERATORS = List.of("TerminateTransactions", "ShowTransactions",
            "ShowSettings", "ShowServers", "ShowDatabase", "ShowDatabases");

    private CypherGuard() {
    }

    /** The checks on the text alone: a 400 for what cannot be a query, a 403 for LOAD CSV. */
    static void checkText(String cypher) {
        if (cypher.isBlank()) {
            throw new BadInputException("cypher", "is empty; send a Cypher query");
        }
        if (cypher.length() > MAX_LENGTH) {
            throw new BadInputException("cypher", "has " + cypher.length() + " characters; the limit is " + MAX_LENGTH);
        }
        if (MODE_PREFIX.matcher(cypher).matches()) {
            throw new BadInputException("cypher", "must not start with EXPLAIN or PROFILE; set \"profile\": true to "
                    + "get the plan with the rows");
        }
        if (LOAD_CSV.matcher(cypher).find()) {
            throw QueryFailure.refused("LOAD CSV is not available to analysts: the analyst graph reads no files or URLs");
        }
    }

    /** Plans the query in {@code tx} and refuses what analysts may not run. */
    static QueryExecutionType.QueryType checkPlan(Transaction tx, String cypher) {
        try {
            return plan(tx, cypher);
        } catch (RuntimeException e) {
            RuntimeException failure = QueryFailure.from(e, "?");
            throw failure instanceof QueryFailure q ? q.withoutPrefixLine(EXPLAIN.length(), cypher) : failure;
        }
    }

    private static QueryExecutionType.QueryType plan(Transaction tx, String cypher) {
        try (Result plan = tx.execute(EXPLAIN + cypher)) {
            Deque<ExecutionPlanDescription> todo = new ArrayDeque<>();
            todo.push(plan.getExecutionPlanDescription());
            while (!todo.isEmpty()) {
                ExecutionPlanDescription step = todo.pop();
                check(step);
                step.getChildren().forEach(todo::push);
            }
            QueryExecutionType.QueryType type = plan.getQueryExecutionType().queryType();
            if (type == QueryExecutionType.QueryType.DBMS) {
                throw QueryFailure.refused("Administration commands are not available to analysts");
            }
            return type;
        }
    }

    private static void check(ExecutionPlanDescription step) {
        String operator = step.getName();
        if (operator.equals("LoadCSV")) {
            throw QueryFailure.refused("LOAD CSV is not available to analysts: the analyst graph reads no files or URLs");
        }
        if (REFUSED_OPERATORS.stream().anyMatch(operator::startsWith)) {
            throw QueryFailure.refused(operator + " is not available to analysts");
        }
        if (operator.equals("ProcedureCall")) {
            String details = String.valueOf(step.getArguments().getOrDefault("Details", ""));
            String procedure = details.contains("(") ? details.substring(0, details.indexOf('(')).strip() : details.strip();
            if (AnalystGraph.PROCEDURES.stream().noneMatch(allowed -> allowed.equalsIgnoreCase(procedure))) {
                throw QueryFailure.refused("The procedure " + procedure + " is not available to analysts; they may call "
                        + String.join(", ", AnalystGraph.PROCEDURES.stream().filter(p -> p.startsWith("db.")).toList()));
            }
        }
        if (operator.toLowerCase(Locale.ROOT).contains("loadcsv")) {
            throw QueryFailure.refused("LOAD CSV is not available to analysts");
        }
    }
}
