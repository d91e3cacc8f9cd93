package be.carenetwork.support;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.data.neo4j.core.Neo4jClient;

/** Direct access to the test graph: clearing it between tests, writing fixtures, reading what an API wrote. */
@TestComponent
public class TestGraph {

    private final Neo4jClient neo4j;

    TestGraph(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Deletes everything but the schema's own records and the seeded taxonomy. */
    public void clear() {
        neo4j.query("""
                MATCH (n) WHERE NOT n:Migration AND NOT n:HelpCategory
                CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS""").run();
    }

    public void run(String cypher, Map<String, Object> parameters) {
        neo4j.query(cypher).bindAll(parameters).run();
    }

    public void run(String cypher) {
        neo4j.query(cypher).run();
    }

    public long count(String cypher, Map<String, Object> parameters) {
        return neo4j.query(cypher).bindAll(parameters).fetchAs(Long.class).one().orElseThrow();
    }

    public long count(String cypher) {
        return count(cypher, Map.of());
    }

    public List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
        return List.copyOf(neo4j.query(cypher).bindAll(parameters).fetch().all());
    }
}
