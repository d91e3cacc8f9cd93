package be.carenetwork.system;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedNeo4jTests {

    private static final String PASSWORD = "a-test-password";

    @TempDir
    Path home;

    private EmbeddedNeo4jProperties properties() {
        return new EmbeddedNeo4jProperties(home, 0, DataSize.ofMegabytes(32), Duration.ofSeconds(30));
    }

    @Test
    void shouldKeepTheDataAcrossRestarts() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties(), PASSWORD);
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", PASSWORD))) {
            driver.executableQuery("CREATE (:Survivor {name: 'kept'})").execute();
        }

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties(), PASSWORD);
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", PASSWORD))) {
            var records = driver.executableQuery("MATCH (s:Survivor) RETURN s.name AS name").execute().records();
            assertThat(records).extracting(r -> r.get("name").asString()).containsExactly("kept");
        }
    }

    @Test
    void shouldRequireThePasswordOverBolt() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties(), PASSWORD);
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", "not-the-password"))) {
            assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void shouldTakeANewPasswordFromConfigurationOnRestart() {
        EmbeddedNeo4j.start(properties(), PASSWORD).close();

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties(), "a-changed-password");
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", "a-changed-password"))) {
            driver.verifyConnectivity();
        }
    }

    @Test
    void shouldRefuseLoadCsvFromLocalFiles() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties(), PASSWORD);
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", PASSWORD))) {
            assertThatThrownBy(() -> driver.executableQuery("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line").execute())
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("file");
        }
    }

    @Test
    void shouldListenOnLocalhostOnly() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties(), PASSWORD)) {
            assertThat(neo4j.boltUri().getHost()).isEqualTo("localhost");
            assertThat(neo4j.boltUri().getPort()).isPositive();
        }
    }
}
