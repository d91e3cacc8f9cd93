package be.carenetwork.analyst;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.NeedInput;
import be.carenetwork.directory.NeedStatus;
import be.carenetwork.directory.Needs;
import be.carenetwork.directory.ResidentInput;
import be.carenetwork.directory.Residents;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.Fixtures;
import be.carenetwork.support.TestGraph;
import org.springframework.boot.test.context.TestComponent;

/**
 * One small network, the same every time (fixed ids), with residents and a private neighbour whose names, contact
 * details and exact locations are easy to look for in anything an analyst gets. Also the relationships of features
 * built elsewhere (matches, meetings, KNOWS, REFERS_TO), written as docs/graph-model.md agrees them, with some free
 * text about a resident on them that must not reach analysts.
 */
@TestComponent
class AnalystFixture {

    static final String NEIGHBOURHOOD = "TA1";
    /** Everything that identifies a person in the fixture: none of it may reach an analyst. */
    static final List<String> SECRETS = List.of("Zebulon", "Quixotica", "Yolanda", "Fixturesque", "Xavier", "Testovich",
            "Wilhelmina", "Probe", "Vladimir", "Sampleton", "Ursula", "Mockingbird", "Hortensia", "Privatova",
            "499 87", "470 11", "example.org", "50.878123", "4.321987", "50.879123", "4.323123", "res-zeb", "res-yol",
            "need-zeb", "neighbour-ta1", "grumpy", "We discussed");
    static final String ZEBULON_PSEUDONYM = "R-FIXT0001";

    static final String PHARMACY = "pharmacy-ta1";
    static final String GP = "gp-ta1";
    static final String CPAS = "cpas-ta1";
    static final String POINT = "point-ta1";
    static final String NURSE = "nurse-ta1";
    static final String SCHOOL = "school-ta1";
    static final String NEIGHBOUR = "neighbour-ta1";

    private final TestGraph graph;
    private final Neighbourhoods neighbourhoods;
    private final MunicipalityOverlap overlap;
    private final Actors actors;
    private final Residents residents;
    private final Capacities capacities;
    private final Needs needs;
    private final AnalystGraph analystGraph;

    AnalystFixture(TestGraph graph, Neighbourhoods neighbourhoods, MunicipalityOverlap overlap, Actors actors,
                   Residents residents, Capacities capacities, Needs needs, AnalystGraph analystGraph) {
        this.graph = graph;
        this.neighbourhoods = neighbourhoods;
        this.overlap = overlap;
        this.actors = actors;
        this.residents = residents;
        this.capacities = capacities;
        this.needs = needs;
        this.analystGraph = analystGraph;
    }

    /** Clears the main graph, writes the fixture, and makes sure the analyst graph holds it. */
    void load() {
        graph.clear();
        write();
        if (!analystGraphHoldsFixture()) {
            analystGraph.refresh(true);
        }
    }

    private boolean analystGraphHoldsFixture() {
        try (AnalystGraph.Lease lease = analystGraph.lease(java.time.Duration.ofSeconds(30))) {
            return lease.tx().execute("""
                    MATCH (r:Resident {pseudonym: $pseudonym})-[:LIVES_IN]->(:Neighbourhood {code: $code})
                    WHERE EXISTS { (:Actor {id: $gp})-[:REFERS_TO]->(:Actor) }
                    RETURN count(r) AS n""", Map.of("pseudonym", ZEBULON_PSEUDONYM, "code", NEIGHBOURHOOD, "gp", GP))
                    .<Long>columnAs("n").next() == 1 && lease.tx().execute("MATCH (n) RETURN count(n) AS n")
                    .<Long>columnAs("n").next() == expectedNodes();
        } catch (AnalystGraph.NotReadyException notYet) {
            return false;
        }
    }

    private long expectedNodes() {
        return graph.count("MATCH (n) WHERE NOT n:Migration RETURN count(n)");
    }

    private void write() {
        neighbourhoods.save(List.of(Fixtures.square(NEIGHBOURHOOD)), overlap.calculator());
        actor(PHARMACY, "Pharmacie Fixture", ActorKind.ORGANISATION, 300, 0, Visibility.PUBLIC, List.of("fr", "nl"),
                "Mo-Fr 09:00-17:00", "pharmacy");
        actor(GP, "Dr Fixture, GP", ActorKind.PROFESSIONAL, -200, 100, Visibility.PUBLIC, List.of("fr", "en"),
                "Mo-Fr 08:00-20:00; Sa 09:00-12:00", "general_practice");
        actor(CPAS, "CPAS Fixture", ActorKind.ORGANISATION, 100, -100, Visibility.PUBLIC, List.of("fr", "nl"),
                "Mo-Fr 09:00-12:00", "paperwork", "general_social_work");
        actor(POINT, "Point info Fixture", ActorKind.REFERRAL_POINT, 0, 200, Visibility.PUBLIC, List.of("fr", "nl", "ar"),
                "Mo,We 09:00-12:00", "information_referral");
        actor(NURSE, "Soins Fixture", ActorKind.SERVICE, -300, -200, Visibility.PUBLIC, List.of("fr"),
                "Mo-Su 07:00-21:00", "home_nursing");
        actor(SCHOOL, "École Fixture", ActorKind.SCHOOL, 400, 400, Visibility.PUBLIC, List.of("fr", "nl"),
                "Mo-Fr 15:30-17:00", "homework_support");
        actors.write(NEIGHBOUR, new ActorInput("Hortensia Privatova", "Hortensia Privatova, happy to help", ActorKind.NEIGHBOUR,
                50.8791234, 4.3231234, "Rue Privée 7", List.of("fr"), null, List.of(), "UNKNOWN", Visibility.PRIVATE,
                "+32 470 11 22 33", "hortensia.privatova@example.org", null, false), false);
        capacities.offer(NEIGHBOUR, "cap-neighbour", new Capacities.CapacityData("shopping", 1000, "Sa 10:00-12:00", 2,
                "Hortensia Privatova only on Saturdays"));

        String[][] people = {
                {"res-zebulon", "R-FIXT0001", "Zebulon Quixotica", "+32 499 87 65 43", "zebulon.quixotica@example.org"},
                {"res-yolanda", "R-FIXT0002", "Yolanda Fixturesque", "+32 499 87 65 44", "yolanda@example.org"},
                {"res-xavier", "R-FIXT0003", "Xavier Testovich", "+32 499 87 65 45", "xavier@example.org"},
                {"res-wilhelmina", "R-FIXT0004", "Wilhelmina Probe", "+32 499 87 65 46", "wilhelmina@example.org"},
                {"res-vladimir", "R-FIXT0005", "Vladimir Sampleton", "+32 499 87 65 47", "vladimir@example.org"},
                {"res-ursula", "R-FIXT0006", "Ursula Mockingbird", "+32 499 87 65 48", "ursula@example.org"}};
        for (int i = 0; i < people.length; i++) {
            String[] p = people[i];
            double lat = i == 0 ? 50.8781234567 : Fixtures.north(-500 + 100 * i);
            double lon = i == 0 ? 4.3219876543 : 4.3151234 + 0.0011 * i;
            residents.write(p[0], p[1], new ResidentInput(p[2], p[3], p[4], 1940 + 7 * i,
                    i == 0 ? List.of("fr", "tr") : List.of("nl"), lat, lon, LocalDate.of(2026, 1, 10)), true);
            if (i > 0) {
                capacities.offer(p[0], "cap-" + p[0], new Capacities.CapacityData("shopping", 750, "Sa,Su 10:00-18:00", 2,
                        "Ask " + p[2] + " first"));
                needs.write("need-" + p[0], new NeedInput(p[0], POINT, "paperwork", p[2] + " needs help with forms",
                        lat, lon, 1500, null, null), NeedStatus.OPEN, true);
            }
        }
        capacities.offer("res-zebulon", "cap-zebulon", new Capacities.CapacityData("company_visits", 500, null, 1,
                "Ring Zebulon Quixotica at home"));
        needs.write("need-zebulon-1", new NeedInput("res-zebulon", null, "respite_care",
                "Zebulon Quixotica cares for his mother", 50.8781234567, 4.3219876543, 1000, "tr", null), NeedStatus.OPEN, true);

        graph.run("""
                MATCH (need:Need {id: 'need-zebulon-1'}), (cpas:Actor {id: $cpas})
                CREATE (m:Match {id: 'match-zebulon-1', capacityId: 'cap-zebulon', status: 'ACTIVE', score: 0.8,
                                 createdAt: datetime('2026-01-05T10:00:00Z'), dueDate: date('2026-01-15'),
                                 note: 'Zebulon Quixotica was grumpy'})
                CREATE (m)-[:FOR_NEED]->(need), (m)-[:BY]->(cpas)""", Map.of("cpas", CPAS));
        graph.run("""
                MATCH (n:Neighbourhood {code: $code})
                MATCH (pharmacy:Actor {id: $pharmacy}), (gp:Actor {id: $gp}), (cpas:Actor {id: $cpas}),
                      (nurse:Actor {id: $nurse}), (point:Actor {id: $point}), (neighbour:Actor {id: $neighbour})
                CREATE (m1:CareMeeting {id: 'meeting-ta1-1', date: date('2026-03-10'), mode: 'IN_PERSON',
                                        title: 'Care meeting TA1', description: 'We discussed Zebulon Quixotica'})-[:HELD_IN]->(n)
                CREATE (m2:CareMeeting {id: 'meeting-ta1-2', date: date('2026-06-10'), mode: 'IN_PERSON',
                                        title: 'Care meeting TA1'})-[:HELD_IN]->(n)
                CREATE (pharmacy)-[:ATTENDED {sharesContact: true}]->(m1), (gp)-[:ATTENDED {sharesContact: true}]->(m1),
                       (cpas)-[:ATTENDED {sharesContact: true}]->(m1), (gp)-[:ATTENDED {sharesContact: true}]->(m2),
                       (cpas)-[:ATTENDED {sharesContact: false}]->(m2), (nurse)-[:ATTENDED {sharesContact: true}]->(m2)
                CREATE (gp)-[:KNOWS {since: date('2026-03-10'), strength: 1, meetings: ['meeting-ta1-1']}]->(cpas),
                       (gp)-[:KNOWS {since: date('2026-03-10'), strength: 1, meetings: ['meeting-ta1-1']}]->(pharmacy),
                       (cpas)-[:KNOWS {since: date('2026-06-10'), strength: 1, meetings: ['meeting-ta1-2']}]->(nurse)
                CREATE (gp)-[:REFERS_TO {categories: ['paperwork'], since: date('2026-03-10')}]->(cpas),
                       (cpas)-[:REFERS_TO {categories: ['home_nursing'], since: date('2026-06-10')}]->(nurse),
                       (point)-[:REFERS_TO {categories: ['paperwork'], since: date('2026-01-02')}]->(cpas),
                       (neighbour)-[:REFERS_TO {categories: ['general_practice'], since: date('2026-02-02'),
                                               reason: 'Hortensia Privatova knows the doctor'}]->(gp)""",
                Map.of("code", NEIGHBOURHOOD, "pharmacy", PHARMACY, "gp", GP, "cpas", CPAS, "nurse", NURSE,
                        "point", POINT, "neighbour", NEIGHBOUR));
    }

    private void actor(String id, String name, ActorKind kind, double northMetres, double eastMetres, Visibility visibility,
                       List<String> languages, String openingHours, String... offers) {
        double lon = Fixtures.LON + eastMetres / (111_320 * Math.cos(Math.toRadians(Fixtures.LAT)));
        actors.write(id, new ActorInput(name, "About " + name, kind, Fixtures.north(northMetres), lon, "Rue Fixture 1",
                languages, openingHours, List.of("adults"), "YES", visibility, "+32 2 555 00 00", "info@example.org",
                null, true), false);
        for (String category : offers) {
            capacities.offer(id, "cap-" + id + "-" + category, new Capacities.CapacityData(category, 3000, openingHours, 10, null));
        }
    }
}
