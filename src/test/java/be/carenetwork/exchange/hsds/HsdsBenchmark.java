package be.carenetwork.exchange.hsds;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import be.carenetwork.benchmark.BenchmarkReport;
import be.carenetwork.benchmark.CityGraph;
import be.carenetwork.benchmark.CityScaleBenchmark;
import be.carenetwork.benchmark.Measurement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The HSDS API on the city-scale graph: the whole export streamed, a page, and proximity. */
@CityScaleBenchmark
class HsdsBenchmark {

    @Autowired CityGraph city;
    @Autowired BenchmarkReport report;
    @Autowired Neo4jClient neo4j;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void hsds() {
        List<CityGraph.QueryPoint> points = city.ensureGenerated().queryPoints();
        long publicActors = neo4j.query("MATCH (a:Actor {visibility: 'PUBLIC'}) RETURN count(a)").fetchAs(Long.class).one().orElseThrow();
        report.section("HSDS 3.0 API on the city-scale graph (" + publicActors + " public actors of 20,000; private ones are never served)");
        long[] lines = new long[1];
        report.add(Measurement.of("HTTP GET /api/export/hsds.ndjson: every public actor as a fully nested service, streamed", 1, 3,
                i -> lines[0] = countLines("/api/export/hsds.ndjson")));
        assertThat(lines[0]).isEqualTo(publicActors);
        report.add(Measurement.of("HTTP GET /hsds/services?per_page=50&page=N (one-to-one fields)", 20, 200,
                i -> get("/hsds/services?per_page=50&page=" + (1 + i % 100))));
        report.add(Measurement.of("HTTP GET /hsds/service_at_locations?proximity=1000&lat&lon&taxonomy_term_id (nearest first)", 50, 500, i -> {
            var p = points.get(i % points.size());
            get("/hsds/service_at_locations?proximity=1000&lat=" + p.point().lat() + "&lon=" + p.point().lon()
                    + "&taxonomy_term_id=" + HsdsIds.term(p.category()) + "&per_page=20");
        }));
    }

    private void get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long countLines(String path) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long lines = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = response.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int k = 0; k < n; k++) {
                        lines += buffer[k] == '\n' ? 1 : 0;
                    }
                }
            }
            return lines;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
