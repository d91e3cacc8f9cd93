package be.carenetwork.meeting;

import java.time.LocalDate;
import java.util.List;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.NeedInput;
import be.carenetwork.directory.NeedStatus;
import be.carenetwork.directory.Needs;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static be.carenetwork.support.Fixtures.LAT;
import static be.carenetwork.support.Fixtures.LON;
import static be.carenetwork.support.Fixtures.actor;
import static be.carenetwork.support.Fixtures.north;
import static be.carenetwork.support.Fixtures.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two groups in T1 joined only through the CPAS: {GP, Nurse} and {School, Youth club}; a lone shop; two meetings.
 */
@CareNetworkTest
class NetworkHealthTests {

    @Autowired TestGraph graph;
    @Autowired Actors actors;
    @Autowired Capacities capacities;
    @Autowired Needs needs;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;
    @Autowired CareMeetings meetings;
    @Autowired Acquaintances acquaintances;
    @Autowired NetworkHealth health;
    @Autowired MockMvc mvc;

    String gp;
    String nurse;
    String cpas;
    String school;
    String club;
    String shop;
    CareMeeting first;
    CareMeeting second;

    String actor(String name, ActorKind kind, double north, String... offers) {
        String id = actors.create(be.carenetwork.support.Fixtures.actor(name, kind, north(north), LON, Visibility.PUBLIC, List.of("fr"))).id();
        for (String category : offers) {
            capacities.offer(id, new Capacities.CapacityData(category, 1000, null, 5, null));
        }
        return id;
    }

    @BeforeEach
    void fixture() {
        graph.clear();
        neighbourhoods.save(List.of(square("T1")), overlap.calculator());
        gp = actor("GP", ActorKind.PROFESSIONAL, 100, "general_practice");
        nurse = actor("Nurse", ActorKind.SERVICE, 200, "home_nursing");
        cpas = actor("CPAS", ActorKind.ORGANISATION, 300, "paperwork", "general_social_work");
        school = actor("School", ActorKind.SCHOOL, 400, "homework_support");
        club = actor("Youth club", ActorKind.ORGANISATION, 500, "homework_support", "community_activities");
        shop = actor("Shop", ActorKind.SHOP, 600, "shopping");
        first = meetings.create(new CareMeetings.MeetingData("T1", LocalDate.of(2026, 3, 10), MeetingMode.IN_PERSON, "March"));
        for (String a : List.of(gp, nurse, cpas)) {
            meetings.attend(first.id(), a, true);
        }
        second = meetings.create(new CareMeetings.MeetingData("T1", LocalDate.of(2026, 6, 9), MeetingMode.ONLINE, "June"));
        for (String a : List.of(gp, cpas, school)) {
            meetings.attend(second.id(), a, true);
        }
        acquaintances.declare(school, club, LocalDate.of(2026, 1, 1));
        graph.run("MATCH (a:Actor {id: $gp}), (b:Actor {id: $school}) MATCH (a)-[k:KNOWS]-(b) DELETE k",
                java.util.Map.of("gp", gp, "school", school));
    }

    @Test
    void shouldCountNewAcquaintancesAndRenewedOnesPerMeeting() {
        NetworkHealth.Report report = health.of("T1");

        assertThat(report.meetings()).extracting(NetworkHealth.MeetingPoint::title).containsExactly("March", "June");
        assertThat(report.meetings().getFirst().attendees()).isEqualTo(3);
        assertThat(report.meetings().getFirst().newAcquaintances()).isEqualTo(3);
        assertThat(report.meetings().get(1).newAcquaintances()).as("CPAS-School; GP-School was taken back").isEqualTo(1);
        assertThat(report.meetings().get(1).strengthened()).as("GP-CPAS").isEqualTo(1);
        assertThat(report.meetings().getFirst().acquaintancesSoFar()).as("School-Youth club since January too").isEqualTo(4);
        assertThat(report.meetings().get(1).acquaintancesSoFar()).isEqualTo(5);
    }

    @Test
    void shouldFindTheBridgeAndTheIsolatedActor() {
        NetworkHealth.Report report = health.of("T1");

        assertThat(report.bridges()).first().satisfies(b -> assertThat(b.actor().name()).isEqualTo("CPAS"));
        assertThat(report.bridges()).extracting(b -> b.actor().name()).containsExactly("CPAS", "School");
        assertThat(report.isolated()).extracting(NetworkHealth.ActorNode::name).containsExactly("Shop");
        assertThat(report.nodes()).hasSize(6);
        assertThat(report.edges()).filteredOn(e -> e.type().equals("KNOWS")).hasSize(5);
    }

    @Test
    void shouldListCategoriesWithOneActorOrNoneAsFragile() {
        NetworkHealth.Report report = health.of("T1");

        assertThat(report.fragile()).extracting(f -> f.category().code())
                .contains("shopping", "paperwork", "meals", "home_nursing")
                .doesNotContain("homework_support", "health_care");
        assertThat(report.fragile()).filteredOn(f -> f.category().code().equals("shopping"))
                .singleElement().satisfies(f -> assertThat(f.actors()).extracting(NetworkHealth.ActorNode::name).containsExactly("Shop"));
        assertThat(report.fragile().getFirst().actors()).as("those with none come first").isEmpty();
    }

    @Test
    void shouldSuggestIntroducingActorsWhoReferToTheSameButNeverMet() {
        graph.run("""
                MATCH (gp:Actor {id: $gp}), (club:Actor {id: $club}), (nurse:Actor {id: $nurse}), (cpas:Actor {id: $cpas})
                CREATE (gp)-[:REFERS_TO {categories: ['paperwork']}]->(cpas),
                       (club)-[:REFERS_TO {categories: ['paperwork']}]->(cpas),
                       (nurse)-[:REFERS_TO {categories: ['paperwork']}]->(cpas)""",
                java.util.Map.of("gp", gp, "club", club, "nurse", nurse, "cpas", cpas));

        NetworkHealth.Report report = health.of("T1");

        assertThat(report.introductions()).extracting(i -> i.first().name() + " + " + i.second().name())
                .hasSize(2).allSatisfy(pair -> assertThat(pair).contains("Youth club"));
        assertThat(report.introductions().getFirst().bothReferTo()).extracting(NetworkHealth.ActorNode::name).containsExactly("CPAS");
    }

    @Test
    void shouldShowProblemsAndUnmatchedNeedsThatRecurAcrossMeetings() {
        meetings.addProblem(first.id(), new CareMeetings.ProblemData(List.of("transport_appointments"), "No way to get to the hospital"));
        meetings.addProblem(second.id(), new CareMeetings.ProblemData(List.of("transport_appointments", "meals"), "Transport again"));
        meetings.addProblem(second.id(), new CareMeetings.ProblemData(List.of("pet_care"), "Who takes the dog"));
        needs.write("need-1", new NeedInput(null, cpas, "shopping", "Shopping for an older man", LAT, LON, 1000, null, null),
                NeedStatus.OPEN, true);
        graph.run("MATCH (n:Need {id: 'need-1'}) SET n.createdAt = datetime('2026-02-01T10:00:00Z')");

        NetworkHealth.Report report = health.of("T1");

        assertThat(report.issues()).first().satisfies(issue -> {
            assertThat(issue.category().code()).isEqualTo("transport_appointments");
            assertThat(issue.meetingsRaised()).isEqualTo(2);
            assertThat(issue.recurring()).isTrue();
            assertThat(issue.recentProblems()).containsExactly("Transport again", "No way to get to the hospital");
        });
        assertThat(report.issues()).filteredOn(i -> i.category().code().equals("shopping")).singleElement().satisfies(issue -> {
            assertThat(issue.openNeeds()).isEqualTo(1);
            assertThat(issue.meetingsWhileOpen()).isEqualTo(2);
            assertThat(issue.recurring()).isTrue();
        });
        assertThat(report.issues()).filteredOn(i -> i.category().code().equals("pet_care")).singleElement()
                .satisfies(issue -> assertThat(issue.recurring()).isFalse());
    }

    @Test
    void shouldServeTheReportToSignedInUsersAnd404AnUnknownNeighbourhood() throws Exception {
        mvc.perform(get("/api/network-health/T1").with(httpBasic("analyst", "analyst-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.meetings.length()").value(2))
                .andExpect(jsonPath("$.nodes.length()").value(6));
        mvc.perform(get("/api/network-health/NOPE").with(httpBasic("analyst", "analyst-demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/network-health/T1")).andExpect(status().isUnauthorized());
    }
}
