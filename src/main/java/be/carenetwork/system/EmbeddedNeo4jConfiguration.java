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

/**
 * With no {@code spring.neo4j.uri} (env {@code NEO4J_URI}), the application runs its own Neo4j in-process
 * and connects to it over Bolt like any other client. With a URI, none of this exists and Spring Boot's
 * own connection to that server is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalNeo4j.class)
@EnableConfigurationProperties(Neo4jProperties.class)
class EmbeddedNeo4jConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties, Neo4jProperties neo4j) {
        return EmbeddedNeo4j.start(properties, neo4j.getAuthentication().getPassword());
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnection(EmbeddedNeo4j embedded, Neo4jProperties neo4j) {
        Neo4jProperties.Authentication auth = neo4j.getAuthentication();
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return embedded.boltUri();
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.basic(auth.getUsername(), auth.getPassword());
            }
        };
    }
}
