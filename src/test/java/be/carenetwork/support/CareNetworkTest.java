package be.carenetwork.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real embedded Neo4j (Bolt on a free port, data in a fresh temporary folder, no demo
 * data). Every test class that uses exactly this annotation shares one application context, so one Neo4j starts
 * per test run; clear the graph with {@link TestGraph#clear()} before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "care.neo4j.embedded.bolt-port=0",
        "care.neo4j.embedded.data-dir=${java.io.tmpdir}/care-network-tests/${random.uuid}",
        "care.neo4j.embedded.page-cache=64MB",
        "care.demo.data=never",
        "spring.neo4j.uri="
})
@AutoConfigureMockMvc
@Import(TestGraph.class)
public @interface CareNetworkTest {
}
