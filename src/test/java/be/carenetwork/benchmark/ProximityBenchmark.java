package be.carenetwork.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.Actors;
import be.carenetwork.taxonomy.CategoryLabel;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 2's figures: proximity search (1 km, one category, top 20) at the service layer and over HTTP, the
 * core capacity query of PERFORMANCE.md in the label model and in the normalised model, and the heap.
 */
@CityScaleBenchmark
class ProximityBenchmark {

    private static final int WARMUP = 300;

    @Autowired CityGraph city;
    @Autowired BenchmarkReport report;
    @Autowired Actors actors;
    @Autowired Neo4jClient neo4j;
    @Autowired Driver driver;
    @LocalServerPort int port;

    @Test
    void proximity() throws Exception {
        List<CityGraph.QueryPoint> points = city.ensureGenerated().queryPoints();
        int n = points.size();
        report.section("Proximity: 1 km, one category, top 20 (city-scale graph, " + n + " query points)");
        report.note("Graph: " + neo4j.query("""
                        MATCH (a:Actor) WITH count(a) AS actors
                        MATCH (r:Resident) WITH actors, count(r) AS residents
                        MATCH ()-[o:OFFERS]->() RETURN actors, residents, count(o) AS capacities""")
                .fetch().one().orElseThrow());

        var found = new long[1];
        report.add(Measurement.of("service layer: Actors.nearby (actors, signed-in view)", WARMUP, n, i -> {
            var p = points.get(i % n);
            found[0] += actors.nearby(p.point(), 1000, p.category(), null, 20, true).size();
        }));
        assertThat(found[0]).as("the queries find actors").isPositive();

        String owners = """
                MATCH (o:%s)
                WHERE point.distance(o.location, $point) <= 1000
                WITH o, point.distance(o.location, $point) AS distance ORDER BY distance LIMIT 20
                RETURN o.id AS id, distance""";
        report.add(Measurement.of("core query, label model: any owner (actor or resident), Bolt auto-commit", WARMUP, n, i -> {
            var p = points.get(i % n);
            neo4j.query(owners.formatted(CategoryLabel.of(p.category()))).bind(p.point().toNeo4j()).to("point").fetch().all();
        }));
        String normalised = """
                MATCH (o:Actor|Resident)
                WHERE point.distance(o.location, $point) <= 1000
                  AND EXISTS { (o)-[:OFFERS]->(:HelpCategory {code: $category}) }
                WITH o, point.distance(o.location, $point) AS distance ORDER BY distance LIMIT 20
                RETURN o.id AS id, distance""";
        report.add(Measurement.of("core query, normalised model (for comparison): OFFERS filter after the point index", 50, n / 4, i -> {
            var p = points.get(i % n);
            neo4j.query(normalised).bindAll(Map.of("point", p.point().toNeo4j(), "category", p.category())).fetch().all();
        }));

        HttpClient http = HttpClient.newHttpClient();
        report.add(Measurement.of("HTTP GET /api/actors/nearby (anonymous: public actors), whole request", WARMUP, n, i -> {
            var p = points.get(i % n);
            URI uri = URI.create("http://localhost:%d/api/actors/nearby?lat=%f&lon=%f&distance=1000&category=%s&limit=20"
                    .formatted(port, p.point().lat(), p.point().lon(), p.category()));
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));

        var sample = points.getFirst();
        report.note("PROFILE of the service-layer query (category " + sample.category() + "):\n\n"
                + QueryPlans.profile(driver, "MATCH (a:" + CategoryLabel.of(sample.category()) + """
                        )
                        WHERE point.distance(a.location, $point) <= 1000 AND a:Actor
                        WITH a, point.distance(a.location, $point) AS distance ORDER BY distance LIMIT 20
                        RETURN a.id, distance""", Map.of("point", sample.point().toNeo4j())));

        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        report.note("Heap after the run and a GC: %d MB used, %d MB committed, max %d MB (the benchmark JVM runs with -Xmx1g)."
                .formatted(heap.getUsed() >> 20, heap.getCommitted() >> 20, heap.getMax() >> 20));
    }
}
