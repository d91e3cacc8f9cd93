package be.carenetwork.system;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * With no {@code spring.neo4j.uri} (env {@code NEO4J_URI}), the application runs its own Neo4j in-process
 * and connects to it over Bolt like any other client. With a URI, none of this exists and Spring Boot's
 * own connection to that server is used. The server itself is started by {@link EmbeddedNeo4jEarlyStart}, before
 * this configuration is read.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalNeo4j.class)
@EnableConfigurationProperties(Neo4jProperties.class)
class EmbeddedNeo4jConfiguration {

    /** The running server, for in-process work that must not go over Bolt; waits for the start when first injected. */
    @Bean(destroyMethod = "") // the launcher stops it
    @Lazy
    EmbeddedNeo4j embeddedNeo4jServer(EmbeddedNeo4jLauncher launcher) {
        return launcher.get();
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnection(EmbeddedNeo4jLauncher embedded, EmbeddedNeo4jProperties properties,
                                                   Neo4jProperties neo4j) {
        Neo4jProperties.Authentication auth = neo4j.getAuthentication();
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                // A fixed port is known before the server is up: the driver (which connects lazily) need not wait.
                return properties.boltPort() == 0 ? embedded.get().boltUri() : URI.create("bolt://localhost:" + properties.boltPort());
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.basic(auth.getUsername(), auth.getPassword());
            }
        };
    }
}
