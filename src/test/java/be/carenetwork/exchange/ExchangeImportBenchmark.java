package be.carenetwork.exchange;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import be.carenetwork.benchmark.BenchmarkReport;
import be.carenetwork.benchmark.Measurement;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static be.carenetwork.exchange.ExchangeFixtures.shared;
import static be.carenetwork.exchange.ExchangeFixtures.sharedDataPresent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 3's figures on the real Brussels files, in a fresh graph of its own (imports must not change the shared
 * city-scale graph): boundary imports, the 2,011 and 17,365 OpenStreetMap places, updates in place, and the HSDS
 * export of 20,000 public actors over HTTP. Runs with {@code mvn -Pbenchmark test} (or alone:
 * {@code mvn -o test -Dtest=ExchangeImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}); the report goes to
 * target/benchmark/report.md.
 */
@CareNetworkTest
class ExchangeImportBenchmark {

    static final String QUARTERS = "brussels-neighbourhoods/monitoring_quartiers_145.geojson";
    static final String MUNICIPALITIES = "brussels-neighbourhoods/brussels_municipalities_19.geojson";
    static final String HEALTH_SOCIAL = "brussels-osm-poi/brussels_osm_health_social_poi.geojson";
    static final String ALL_POI = "brussels-osm-poi/brussels_osm_all_poi.geojson";

    @Autowired TestGraph graph;
    @Autowired Imports imports;
    @Autowired org.springframework.data.neo4j.core.Neo4jClient neo4j;
    @LocalServerPort int port;

    final BenchmarkReport report = new BenchmarkReport();

    @Test
    void importsAndExport() throws Exception {
        assumeTrue(sharedDataPresent(ALL_POI) && sharedDataPresent(QUARTERS), "../shared/data is not here");
        graph.clear();
        report.section("Exchange: imports of the real Brussels files and the HSDS export (fresh graph, "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        SourceFile municipalities = shared(MUNICIPALITIES);
        SourceFile quarters = shared(QUARTERS);
        SourceFile healthSocial = shared(HEALTH_SOCIAL);
        SourceFile all = shared(ALL_POI);
        var municipalityOptions = new BoundaryOptions("NAT_CODE", "NAME_FRE", "NAME_DUT", null, null, null);

        long cpu = cpuMillis();
        report.add(Measurement.of("import 19 municipalities (first, cold)", 0, 1,
                i -> imports.municipalities(municipalities, municipalityOptions, ImportProgress.NONE)));
        report.add(Measurement.of("import 145 neighbourhoods (first: created, cold)", 0, 1,
                i -> assertThat(imports.neighbourhoods(quarters, BoundaryOptions.of("mdrc"), ImportProgress.NONE).created()).isEqualTo(145)));
        report.add(Measurement.of("import 145 neighbourhoods again (updated in place)", 1, 3,
                i -> assertThat(imports.neighbourhoods(quarters, BoundaryOptions.of("mdrc"), ImportProgress.NONE).updated()).isEqualTo(145)));
        report.add(Measurement.of("import 2,011 health and social places (created)", 0, 1,
                i -> assertThat(imports.actors(healthSocial, ActorOptions.openStreetMap(), ImportProgress.NONE).created()).isEqualTo(2011)));
        long[] peak = new long[1];
        try (TransactionMemory memory = new TransactionMemory(neo4j)) {
            report.add(Measurement.of("import 17,365 places of brussels_osm_all_poi (created)", 0, 3, i -> {
                deleteActors();
                assertThat(imports.actors(all, ActorOptions.openStreetMap(), ImportProgress.NONE).created()).isEqualTo(17_365);
            }));
            peak[0] = memory.peak();
        }
        report.note("Peak memory of the import transaction of the 17,365 places, as Neo4j estimates it: %d MB."
                .formatted(peak[0] >> 20));
        report.add(Measurement.of("import 17,365 places again, unchanged (compared, left as they are)", 0, 2,
                i -> assertThat(imports.actors(all, ActorOptions.openStreetMap(), ImportProgress.NONE).updated()).isEqualTo(17_365)));
        graph.run("MATCH (a:Actor) SET a.importHash = 'stale'");
        try (TransactionMemory memory = new TransactionMemory(neo4j)) {
            report.add(Measurement.of("import 17,365 places again, every one rewritten (updated in place)", 0, 1,
                    i -> assertThat(imports.actors(all, ActorOptions.openStreetMap(), ImportProgress.NONE).updated()).isEqualTo(17_365)));
            peak[0] = memory.peak();
        }
        report.note("Peak memory of that update transaction: %d MB.".formatted(peak[0] >> 20));
        report.note("CPU time of this JVM over the imports above (the embedded Neo4j included): " + (cpuMillis() - cpu) + " ms.");

        imports.actors(ExchangeFixtures.file("extra.csv", extraPlaces(20_000 - 17_365)), new ActorOptions(null, "bench", null, null, false),
                ImportProgress.NONE);
        assertThat(graph.count("MATCH (a:Actor {visibility: 'PUBLIC'}) RETURN count(a)")).isEqualTo(20_000);
        HttpClient http = HttpClient.newHttpClient();
        long[] bytes = new long[2];
        report.add(Measurement.of("HTTP GET /api/export/hsds.ndjson, 20,000 public actors (fully nested services, streamed)", 1, 3, i -> {
            try {
                HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/export/hsds.ndjson")).build(), HttpResponse.BodyHandlers.ofInputStream());
                long size = 0;
                long lines = 0;
                byte[] buffer = new byte[1 << 16];
                try (var in = response.body()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        size += n;
                        for (int k = 0; k < n; k++) {
                            lines += buffer[k] == '\n' ? 1 : 0;
                        }
                    }
                }
                assertThat(lines).isEqualTo(20_000);
                bytes[0] = size;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        System.gc();
        report.note("HSDS export: %,d bytes (uncompressed), heap after it and a GC: %d MB."
                .formatted(bytes[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20));
    }

    /** Polls the largest estimated heap use of any running transaction but its own, for the report. */
    static final class TransactionMemory implements AutoCloseable {

        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final Thread poller;
        private volatile boolean running = true;

        TransactionMemory(org.springframework.data.neo4j.core.Neo4jClient neo4j) {
            poller = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    try {
                        neo4j.query("""
                                        SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory, currentQuery
                                        WHERE NOT currentQuery STARTS WITH 'SHOW'
                                        RETURN coalesce(max(estimatedUsedHeapMemory), 0)""")
                                .fetchAs(Long.class).one().ifPresent(used -> peak.accumulateAndGet(used, Math::max));
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException ignored) {
                        // a transaction that ended while being listed
                    }
                }
            });
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            poller.join();
        }
    }

    void deleteActors() {
        graph.run("MATCH (a:Actor) CALL (a) { DETACH DELETE a } IN TRANSACTIONS OF 5000 ROWS");
    }

    static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    /** Synthetic public places inside Brussels, to make up 20,000 public actors with the real ones. */
    static String extraPlaces(int count) {
        Random random = new Random(7);
        String[] amenities = {"pharmacy", "clinic", "dentist", "community_centre", "library", "social_facility"};
        StringBuilder csv = new StringBuilder("lon,lat,amenity,name,opening_hours,osm_id\n");
        for (int i = 0; i < count; i++) {
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%s,Benchmark place %d,Mo-Fr 09:00-17:00,%d%n",
                    4.30 + random.nextDouble() * 0.12, 50.80 + random.nextDouble() * 0.08,
                    amenities[random.nextInt(amenities.length)], i, i));
        }
        return csv.toString();
    }
}
