package be.carenetwork.system;

import java.util.Map;

import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CareNetworkTest
class SchemaMigrationsTests {

    @Autowired SchemaMigrations migrations;
    @Autowired TestGraph graph;

    @Test
    void shouldRecordEveryMigrationOnceAndApplyNothingTwice() {
        long recorded = graph.count("MATCH (m:Migration) RETURN count(m)");

        migrations.apply();

        assertThat(recorded).isEqualTo(SchemaMigrations.load().size());
        assertThat(graph.count("MATCH (m:Migration) RETURN count(m)")).isEqualTo(recorded);
    }

    @Test
    void shouldRefuseToStartWhenAnAppliedMigrationWasEdited() {
        var original = graph.rows("MATCH (m:Migration {version: 1}) RETURN m.checksum AS checksum", Map.of()).getFirst().get("checksum");
        graph.run("MATCH (m:Migration {version: 1}) SET m.checksum = 'edited'");
        try {
            assertThatThrownBy(migrations::apply)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("V0001").hasMessageContaining("changed after it was applied");
        } finally {
            graph.run("MATCH (m:Migration {version: 1}) SET m.checksum = $checksum", Map.of("checksum", original));
        }
    }

    @Test
    void shouldCreateAPointIndexForEveryHelpCategory() {
        long categories = graph.count("MATCH (c:HelpCategory) RETURN count(c)");
        long indexes = graph.count("SHOW INDEXES YIELD type, labelsOrTypes WHERE type = 'POINT' AND labelsOrTypes[0] STARTS WITH 'Offers_' RETURN count(*)");

        assertThat(categories).isGreaterThanOrEqualTo(25);
        assertThat(indexes).isEqualTo(categories);
    }

    @Test
    void shouldSplitAFileIntoStatementsAndIgnoreComments() {
        Migration migration = Migration.parse("V0042__Two_things.cypher", """
                // a comment
                CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);
                CREATE INDEX b IF NOT EXISTS
                  FOR (n:B) ON (n.y);
                """);

        assertThat(migration.version()).isEqualTo(42);
        assertThat(migration.description()).isEqualTo("Two things");
        assertThat(migration.statements()).containsExactly(
                "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)", "CREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.y)");
    }
}
