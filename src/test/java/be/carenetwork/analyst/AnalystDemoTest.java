package be.carenetwork.analyst;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application with the demo network of Jette loaded, for the one test class that runs the analyst
 * library on it. A second context beside {@link be.carenetwork.support.CareNetworkTest} (whose graph is cleared by
 * every test); if other features need the demo too, this could move to {@code support/} and be shared.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "care.neo4j.embedded.bolt-port=0",
        "care.neo4j.embedded.data-dir=${java.io.tmpdir}/care-network-tests/${random.uuid}",
        "care.neo4j.embedded.page-cache=64MB",
        "care.demo.data=always",
        "spring.neo4j.uri="
})
@AutoConfigureMockMvc
@interface AnalystDemoTest {
}
