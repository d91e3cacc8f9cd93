package be.carenetwork.analyst;

import java.util.List;
import java.util.Map;

import be.carenetwork.support.CareNetworkTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Analysts' own tools: a real Neo4j driver on the analyst graph's Bolt port, as the analyst account. */
@CareNetworkTest
@Import(AnalystFixture.class)
class AnalystBoltTests {

    @Autowired AnalystFixture fixture;
    @Autowired AnalystGraph analystGraph;
    @Autowired AnalystProperties properties;

    @BeforeEach
    void fixture() {
        fixture.load();
    }

    private Driver analyst() {
        return analyst(properties.password());
    }

    private Driver analyst(String password) {
        return GraphDatabase.driver("bolt://localhost:" + analystGraph.boltPort().orElseThrow(),
                AuthTokens.basic(properties.username(), password));
    }

    @Test
    void shouldLetTheAnalystReadThePseudonymisedGraph() {
        try (Driver driver = analyst(); Session session = driver.session()) {
            var record = session.run("""
                    MATCH (r:Resident {pseudonym: $pseudonym})-[:LIVES_IN]->(n:Neighbourhood)
                    RETURN r.blurredLocation AS blurred, n.code AS neighbourhood, COUNT { (r)-[:HAS_NEED]->() } AS needs""",
                    Map.of("pseudonym", AnalystFixture.ZEBULON_PSEUDONYM)).single();

            assertThat(record.get("neighbourhood").asString()).isEqualTo(AnalystFixture.NEIGHBOURHOOD);
            assertThat(record.get("needs").asLong()).isEqualTo(1);
            assertThat(record.get("blurred").asPoint().y()).isNotEqualTo(50.8781234567);
        }
    }

    @Test
    void shouldNotLetTheAnalystWrite() {
        try (Driver driver = analyst(); Session session = driver.session()) {
            long before = session.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
            for (String write : List.of("CREATE (:Resident {displayName: 'Injected'})",
                    "MATCH (r:Resident) SET r.displayName = 'Changed'", "MATCH (n) DETACH DELETE n",
                    "CREATE INDEX injected FOR (n:Resident) ON (n.displayName)", "CALL db.createLabel('Injected')")) {
                assertThatThrownBy(() -> session.run(write).consume()).as(write)
                        .isInstanceOf(ClientException.class)
                        .hasMessageContaining("read-only");
            }
            assertThat(session.run("MATCH (r:Resident) WHERE r.displayName IS NOT NULL RETURN count(r) AS n")
                    .single().get("n").asLong()).isZero();
            assertThat(session.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong()).isEqualTo(before);
        }
    }

    @Test
    void shouldNotShowTheAnalystAnyoneWhoIsNamed() {
        try (Driver driver = analyst(); Session session = driver.session()) {
            String everything = session.run("""
                    MATCH (n) OPTIONAL MATCH (n)-[r]->()
                    RETURN labels(n) AS labels, properties(n) AS node, type(r) AS type, properties(r) AS relationship""")
                    .list(record -> record.asMap().toString()).toString();

            assertThat(everything).contains(AnalystFixture.ZEBULON_PSEUDONYM);
            AnalystFixture.SECRETS.forEach(secret -> assertThat(everything).as(secret).doesNotContain(secret));
            assertThat(session.run("CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys")
                    .single().get("keys").asList(org.neo4j.driver.Value::asString))
                    .doesNotContain("displayName", "phone", "email", "note", "consentDate", "birthYear");
        }
    }

    @Test
    void shouldNotLetTheAnalystReadFilesOrUrls() {
        try (Driver driver = analyst(); Session session = driver.session()) {
            assertThatThrownBy(() -> session.run("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line").consume())
                    .isInstanceOf(ClientException.class).hasMessageContaining("allow_csv_import_from_file_urls");
            assertThatThrownBy(() -> session.run("LOAD CSV FROM 'http://127.0.0.1:1/secret.csv' AS line RETURN line").consume())
                    .isInstanceOf(ClientException.class).hasMessageContaining("blocked");
        }
    }

    @Test
    void shouldNotAcceptTheMainGraphsAccountsOnTheAnalystPort() {
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + analystGraph.boltPort().orElseThrow(),
                AuthTokens.basic("neo4j", "care-network-demo")); Session session = driver.session()) {
            assertThatThrownBy(() -> session.run("RETURN 1").consume()).isInstanceOf(AuthenticationException.class);
        }
        try (Driver driver = analyst("not-the-password"); Session session = driver.session()) {
            assertThatThrownBy(() -> session.run("RETURN 1").consume()).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void shouldUndoAccountChangesMadeOverBolt() {
        try (Driver driver = analyst(); Session system = driver.session(SessionConfig.forDatabase("system"))) {
            system.run("CREATE USER intruder SET PASSWORD 'intruder-password' CHANGE NOT REQUIRED").consume();
            system.run("ALTER CURRENT USER SET PASSWORD FROM $old TO 'hijacked-password'",
                    Map.of("old", properties.password())).consume();
        }

        analystGraph.guardAccounts();

        try (Driver driver = analyst(); Session system = driver.session(SessionConfig.forDatabase("system"))) {
            assertThat(system.run("SHOW USERS YIELD user RETURN collect(user) AS users").single().get("users")
                    .asList(org.neo4j.driver.Value::asString)).containsExactly(properties.username());
        }
        try (Driver driver = analyst("hijacked-password"); Session session = driver.session()) {
            assertThatThrownBy(() -> session.run("RETURN 1").consume()).isInstanceOf(Neo4jException.class);
        }
    }
}
