package be.carenetwork.benchmark;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the city-scale graph: 145 real Brussels quarters, 20,000 actors, 100,000 residents,
 * about 310,000 capacities (see {@link CityGraph}). The graph is generated once into {@code target/city-graph}
 * and reused by later runs until {@code mvn clean}. Every benchmark class with exactly this annotation shares
 * one application context. Run them with {@code mvn -Pbenchmark test} (README, "Benchmark").
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "care.neo4j.embedded.bolt-port=0",
        "care.neo4j.embedded.data-dir=target/city-graph",
        "care.neo4j.embedded.page-cache=512MB",
        "care.demo.data=never",
        "spring.neo4j.uri=",
        "logging.level.org.springframework.data.neo4j.cypher=error",
        // No analyst graph copying the city in the background while others measure; AnalystBenchmark builds it.
        "care.analyst.refresh-interval=0"
})
@Import({CityGraph.class, BenchmarkReport.class})
public @interface CityScaleBenchmark {
}
