package be.carenetwork.exchange;

import java.util.List;
import java.util.Map;

import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.Fixtures;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.ProfiledPlan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** PROFILE of the batch writer: db hits per operator for 1,000 new actors, then for the same 1,000 again. */
@CareNetworkTest
class WriteProfileBenchmark {

    @Autowired TestGraph graph;
    @Autowired Neo4jClient neo4j;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;

    @Test
    void profile() {
        graph.clear();
        neighbourhoods.save(List.of(Fixtures.square("T1")), overlap.calculator());
        for (int round = 0; round < 3; round++) {
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                var input = new ActorInput("Pharmacy " + i, null, ActorKind.ORGANISATION, 50.87 + i * 1e-5, 4.32, null, List.of("fr"),
                        "Mo-Fr 09:00-18:00", List.of(), "YES", Visibility.PUBLIC, null, null, null, true);
                rows.add(ImportedActors.row(new ImportedActor("p:" + round + ":" + i, input, List.of(1, 2, 3), List.of("pharmacy", "home_nursing"),
                        3000, 10, "p", null, null, null, "T1"), false));
            }
            List<Map<String, Object>> labels = List.of(Map.of("code", "pharmacy", "label", "Offers_pharmacy"),
                    Map.of("code", "home_nursing", "label", "Offers_home_nursing"));
            if (round == 1) {
                var simple = rows.stream().map(r -> {
                    Map<String, Object> copy = new java.util.HashMap<>(r);
                    copy.put("id", "s" + r.get("id"));
                    return (Map<String, Object>) copy;
                }).toList();
                long started = System.nanoTime();
                neo4j.query("UNWIND $rows AS row CREATE (a:Actor {id: row.id}) SET a += row.props, a.location = point({longitude: row.lon, latitude: row.lat})")
                        .bindAll(Map.of("rows", simple)).run();
                System.out.printf("PROFILE plain CREATE of 1000 actors: %d ms%n", (System.nanoTime() - started) / 1_000_000);
                var bare = simple.stream().map(r -> Map.<String, Object>of("id", "b" + r.get("id"))).toList();
                started = System.nanoTime();
                neo4j.query("UNWIND $rows AS row CREATE (a:Thing {id: row.id})").bindAll(Map.of("rows", bare)).run();
                System.out.printf("PROFILE bare CREATE of 1000 unindexed nodes: %d ms%n", (System.nanoTime() - started) / 1_000_000);
                started = System.nanoTime();
                neo4j.query(ImportedActors.WRITE).bindAll(Map.of("rows", rows.stream().map(r -> {
                    Map<String, Object> copy = new java.util.HashMap<>(r);
                    copy.put("id", "w" + r.get("id"));
                    return (Map<String, Object>) copy;
                }).toList(), "categoryLabels", List.of())).run();
                System.out.printf("PROFILE WRITE without PROFILE, 1000 new: %d ms%n", (System.nanoTime() - started) / 1_000_000);
            }
            for (int again = 0; again < 2; again++) {
                long started = System.nanoTime();
                var summary = neo4j.query("PROFILE " + ImportedActors.WRITE).bindAll(Map.of("rows", rows, "categoryLabels", labels)).run();
                System.out.printf("PROFILE round %d %s: %d ms%n", round, again == 0 ? "new" : "again", (System.nanoTime() - started) / 1_000_000);
                if (round == 2) {
                    print(summary.profile(), "");
                }
            }
        }
    }

    static void print(ProfiledPlan plan, String indent) {
        System.out.printf("PROFILE %s%s dbHits=%d rows=%d %s%n", indent, plan.operatorType(), plan.dbHits(), plan.records(),
                plan.arguments().getOrDefault("Details", org.neo4j.driver.Values.NULL).toString());
        plan.children().forEach(child -> print(child, indent + "  "));
    }
}
