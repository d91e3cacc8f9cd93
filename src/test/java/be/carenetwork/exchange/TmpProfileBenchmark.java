package be.carenetwork.exchange;

import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static be.carenetwork.exchange.ExchangeFixtures.shared;

@CareNetworkTest
class TmpProfileBenchmark {
    @Autowired TestGraph graph;
    @Autowired Imports imports;

    @Test
    void run() {
        graph.clear();
        imports.municipalities(shared("brussels-neighbourhoods/brussels_municipalities_19.geojson"),
                new BoundaryOptions("NAT_CODE", "NAME_FRE", "NAME_DUT", null, null, null), ImportProgress.NONE);
        imports.neighbourhoods(shared("brussels-neighbourhoods/monitoring_quartiers_145.geojson"), BoundaryOptions.of("mdrc"), ImportProgress.NONE);
        SourceFile all = shared("brussels-osm-poi/brussels_osm_all_poi.geojson");
        for (int i = 0; i < 3; i++) {
            graph.run("MATCH (a:Actor) CALL (a) { DETACH DELETE a } IN TRANSACTIONS OF 5000 ROWS");
            long started = System.nanoTime();
            String[] phase = {"start"};
            imports.actors(all, ActorOptions.openStreetMap(), (current, done, total) -> {
                if (!current.equals(phase[0])) {
                    System.out.printf("TMP   %s done after %d ms%n", phase[0], (System.nanoTime() - started) / 1_000_000);
                    phase[0] = current;
                }
            });
            System.out.println("TMP create " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }
}
