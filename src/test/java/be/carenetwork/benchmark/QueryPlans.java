package be.carenetwork.benchmark;

import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;

/** PROFILE a query and render its plan as an indented tree with rows and db hits, for the report. */
public final class QueryPlans {

    private QueryPlans() {
    }

    public static String profile(Driver driver, String cypher, Map<String, Object> parameters) {
        try (Session session = driver.session()) {
            ProfiledPlan plan = session.run("PROFILE " + cypher, parameters).consume().profile();
            StringBuilder out = new StringBuilder("```\n");
            render(plan, 0, out);
            return out.append("```").toString();
        }
    }

    /** The total database hits of a profiled query: what "reads no more than it returns" is checked with. */
    public static long dbHits(Driver driver, String cypher, Map<String, Object> parameters) {
        try (Session session = driver.session()) {
            return total(session.run("PROFILE " + cypher, parameters).consume().profile());
        }
    }

    private static long total(ProfiledPlan plan) {
        return plan.dbHits() + plan.children().stream().mapToLong(QueryPlans::total).sum();
    }

    private static void render(ProfiledPlan plan, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(plan.operatorType())
                .append("  rows=").append(plan.records()).append(" dbHits=").append(plan.dbHits());
        Object details = plan.arguments().get("Details");
        if (details != null) {
            out.append("  ").append(details.toString().replace("\n", " "));
        }
        out.append('\n');
        plan.children().forEach(child -> render(child, depth + 1, out));
    }
}
