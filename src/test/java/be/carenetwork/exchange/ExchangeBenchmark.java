package be.carenetwork.exchange;

import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static be.carenetwork.exchange.ExchangeFixtures.shared;
import static be.carenetwork.exchange.ExchangeFixtures.sharedDataPresent;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Import timings on the real Brussels files. Not part of the test run (the name does not end in Tests); run it with
 * {@code mvn -o test -Dtest=ExchangeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Prints one line per step.
 */
@CareNetworkTest
class ExchangeBenchmark {

    @Autowired TestGraph graph;
    @Autowired Imports imports;

    @Test
    void imports() {
        assumeTrue(sharedDataPresent("brussels-osm-poi/brussels_osm_all_poi.geojson"), "../shared/data is not here");
        graph.clear();
        time("19 municipalities", () -> imports.municipalities(shared("brussels-neighbourhoods/brussels_municipalities_19.geojson"),
                new BoundaryOptions("NAT_CODE", "NAME_FRE", "NAME_DUT", null, null, null), phases()));
        time("145 neighbourhoods", () -> imports.neighbourhoods(shared("brussels-neighbourhoods/monitoring_quartiers_145.geojson"),
                BoundaryOptions.of("mdrc"), phases()));
        time("145 neighbourhoods again (update in place)", () -> imports.neighbourhoods(
                shared("brussels-neighbourhoods/monitoring_quartiers_145.geojson"), BoundaryOptions.of("mdrc"), phases()));
        time("2,011 health and social POIs", () -> imports.actors(shared("brussels-osm-poi/brussels_osm_health_social_poi.geojson"),
                ActorOptions.openStreetMap(), phases()));
        graph.run("MATCH (a:Actor) CALL (a) { DETACH DELETE a } IN TRANSACTIONS OF 5000 ROWS");
        time("17,365 POIs", () -> imports.actors(shared("brussels-osm-poi/brussels_osm_all_poi.geojson"),
                ActorOptions.openStreetMap(), phases()));
        time("17,365 POIs again (update in place)", () -> imports.actors(shared("brussels-osm-poi/brussels_osm_all_poi.geojson"),
                ActorOptions.openStreetMap(), phases()));
    }

    /** Prints when each phase ends, to see where the time goes. */
    static ImportProgress phases() {
        long started = System.nanoTime();
        String[] phase = {"start"};
        return (current, done, total) -> {
            if (!current.equals(phase[0])) {
                System.out.printf("BENCHMARK     %s done after %d ms%n", phase[0], (System.nanoTime() - started) / 1_000_000);
                phase[0] = current;
            }
        };
    }

    static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    static void time(String what, java.util.function.Supplier<ImportSummary> step) {
        long started = System.nanoTime();
        long cpu = cpuMillis();
        ImportSummary summary = step.get();
        System.out.printf("BENCHMARK %-45s %6d ms wall, %6d ms CPU of this JVM  (%d read, %d created, %d updated)%n", what,
                (System.nanoTime() - started) / 1_000_000, cpuMillis() - cpu, summary.read(), summary.created(), summary.updated());
    }
}
