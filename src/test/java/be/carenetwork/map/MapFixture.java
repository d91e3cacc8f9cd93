package be.carenetwork.map;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.ResidentInput;
import be.carenetwork.directory.Residents;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.TestGraph;

import static be.carenetwork.support.Fixtures.LAT;
import static be.carenetwork.support.Fixtures.LON;
import static be.carenetwork.support.Fixtures.north;
import static be.carenetwork.support.Fixtures.square;

/**
 * A small map: one square neighbourhood (coded like the first demo one, so the widget example finds it), four public
 * actors, one private neighbour, one actor whose name is an XSS attempt, one resident who must never show.
 */
final class MapFixture {

    static final String CODE = "JET-GARE";
    static final String XSS_NAME = "<img src=x onerror=alert(1)>";
    static final String RESIDENT_NAME = "Resident Zyxwv (fixture)";
    static final String RESIDENT_PHONE = "+32 499 11 22 33";
    static final String RESIDENT_PSEUDONYM = "R-FIXTURE-Q7";

    String pharmacy;
    String school;
    String mentalHealth;
    String privateNeighbour;
    String xss;
    String resident;

    static MapFixture build(TestGraph graph, Neighbourhoods neighbourhoods, MunicipalityOverlap overlap, Actors actors,
                            Capacities capacities, Residents residents) {
        graph.clear();
        MapFixture f = new MapFixture();
        neighbourhoods.save(List.of(square(CODE)), overlap.calculator());
        f.pharmacy = actors.create(new ActorInput("Pharmacie du Centre", "Medication review and home delivery.",
                ActorKind.ORGANISATION, north(100), LON, "Rue de la Gare 1", List.of("fr", "nl"), "24/7",
                List.of("older people"), "YES", Visibility.PUBLIC, "+32 2 111 11 11", "pharma@example.org",
                "https://example.org/pharmacy", true)).id();
        f.school = actors.create(new ActorInput("School De Linde", "Homework club.", ActorKind.SCHOOL, north(-300),
                LON + 0.004, null, List.of("nl"), "Mo-Su off", List.of("children"), "NO", Visibility.PUBLIC,
                "+32 2 222 22 22", "school@example.org", null, false)).id();
        f.mentalHealth = actors.create(new ActorInput("Centre Le Pont", "Consultations.", ActorKind.ORGANISATION,
                north(400), LON - 0.004, null, List.of("fr", "en"), null, List.of("adults"), "LIMITED", Visibility.PUBLIC,
                null, null, null, false)).id();
        f.privateNeighbour = actors.create(new ActorInput("Marie N. (private neighbour)", "Shopping on Saturdays.",
                ActorKind.NEIGHBOUR, north(-100), LON - 0.002, null, List.of("fr"), null, List.of(), "UNKNOWN",
                Visibility.PRIVATE, "+32 470 00 00 01", null, null, false)).id();
        f.xss = actors.create(new ActorInput(XSS_NAME, "<script>window.__xss = 1</script><b onmouseover=alert(2)>bold</b>",
                ActorKind.SERVICE, north(250), LON + 0.006, "<svg onload=alert(3)>", List.of("fr"), null, List.of(),
                "UNKNOWN", Visibility.PUBLIC, null, null, null, false)).id();
        capacities.offer(f.pharmacy, new Capacities.CapacityData("pharmacy", 2000, null, 5, null));
        capacities.offer(f.school, new Capacities.CapacityData("homework_support", 1000, null, 5, null));
        capacities.offer(f.mentalHealth, new Capacities.CapacityData("mental_health", 3000, null, 5, null));
        capacities.offer(f.privateNeighbour, new Capacities.CapacityData("shopping", 500, null, 2, null));
        capacities.offer(f.xss, new Capacities.CapacityData("paperwork", 1000, null, 2, null));
        f.resident = "resident-fixture-1";
        // Written as the demo loader does (no signed-in coordinator in a fixture); the flag changes nothing here.
        residents.write(f.resident, RESIDENT_PSEUDONYM, new ResidentInput(RESIDENT_NAME, RESIDENT_PHONE, "zyxwv@example.org",
                1950, List.of("fr"), LAT, LON, LocalDate.of(2026, 1, 1)), true);
        capacities.offer(f.resident, new Capacities.CapacityData("shopping", 500, null, 1, null));
        return f;
    }

    /** Today's care meeting in the neighbourhood with the pharmacy and the school present, who know each other. */
    void meetingToday(TestGraph graph) {
        graph.run("""
                MATCH (n:Neighbourhood {code: $code}), (p:Actor {id: $pharmacy}), (s:Actor {id: $school}),
                      (h:Actor {id: $health}), (x:Actor {id: $private})
                CREATE (m:CareMeeting {id: 'm1', date: $today, title: 'Buurtoverleg', mode: 'IN_PERSON'})-[:HELD_IN]->(n)
                CREATE (p)-[:ATTENDED]->(m), (s)-[:ATTENDED]->(m), (x)-[:ATTENDED]->(m)
                CREATE (p)-[:KNOWS {strength: 2}]->(s), (h)-[:KNOWS {strength: 1}]->(x)
                CREATE (p)-[:REFERS_TO {categories: ['mental_health']}]->(h), (p)-[:REFERS_TO {categories: ['shopping']}]->(x)""",
                Map.of("code", CODE, "pharmacy", pharmacy, "school", school, "health", mentalHealth, "private", privateNeighbour,
                        "today", LocalDate.now(ActorFeatures.BRUSSELS)));
    }
}
