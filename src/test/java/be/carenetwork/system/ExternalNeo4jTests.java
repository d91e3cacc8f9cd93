package be.carenetwork.system;

import java.util.List;

import be.carenetwork.CareNetworkApplication;
import be.carenetwork.directory.Actors;
import be.carenetwork.taxonomy.HelpCategories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same application against an external Neo4j server (the official image), configured only by URI and
 * credentials: no embedded server starts, the migrations run there, no demo data is loaded. Skipped where there
 * is no Docker engine (as on our development machines).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = CareNetworkApplication.class, properties = "care.demo.data=auto")
class ExternalNeo4jTests {

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08-community").withAdminPassword("external-secret");

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", NEO4J::getBoltUrl);
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", () -> "external-secret");
    }

    @Autowired ApplicationContext context;
    @Autowired HelpCategories categories;
    @Autowired Actors actors;

    @Test
    void shouldRunOnAnExternalServerWithoutStartingOneOrLoadingTheDemo() {
        assertThat(context.getBeansOfType(EmbeddedNeo4jLauncher.class)).isEmpty();
        assertThat(categories.all()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(actors.list(null, 0, 10, true).total()).isZero();
        assertThat(List.of(NEO4J.getBoltUrl())).allMatch(uri -> uri.startsWith("bolt://"));
    }
}
