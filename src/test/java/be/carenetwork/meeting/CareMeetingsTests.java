package be.carenetwork.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static be.carenetwork.support.Fixtures.LON;
import static be.carenetwork.support.Fixtures.actor;
import static be.carenetwork.support.Fixtures.north;
import static be.carenetwork.support.Fixtures.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CareNetworkTest
class CareMeetingsTests {

    static final LocalDate MARCH = LocalDate.of(2026, 3, 10);
    static final LocalDate JUNE = LocalDate.of(2026, 6, 9);

    @Autowired TestGraph graph;
    @Autowired Actors actors;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;
    @Autowired CareMeetings meetings;
    @Autowired Acquaintances acquaintances;
    @Autowired MockMvc mvc;

    String gp;
    String nurse;
    String cpas;
    String school;

    @BeforeEach
    void fixture() {
        graph.clear();
        neighbourhoods.save(List.of(square("T1")), overlap.calculator());
        gp = actors.create(actor("GP", ActorKind.PROFESSIONAL, north(100), LON, Visibility.PUBLIC, List.of("fr"))).id();
        nurse = actors.create(actor("Nurse", ActorKind.SERVICE, north(200), LON, Visibility.PUBLIC, List.of("fr"))).id();
        cpas = actors.create(actor("CPAS", ActorKind.ORGANISATION, north(300), LON, Visibility.PUBLIC, List.of("fr"))).id();
        school = actors.create(actor("School", ActorKind.SCHOOL, north(400), LON, Visibility.PUBLIC, List.of("fr"))).id();
    }

    CareMeeting meeting(LocalDate date, String... attendees) {
        CareMeeting meeting = meetings.create(new CareMeetings.MeetingData("T1", date, MeetingMode.IN_PERSON, "Care meeting"));
        for (String attendee : attendees) {
            meeting = meetings.attend(meeting.id(), attendee, true);
        }
        return meeting;
    }

    Map<String, Object> knows(String x, String y) {
        List<Map<String, Object>> rows = graph.rows("""
                MATCH (:Actor {id: $x})-[k:KNOWS]-(:Actor {id: $y})
                RETURN k.strength AS strength, k.meetings AS meetings, k.since AS since, count(*) AS stored""", Map.of("x", x, "y", y));
        return rows.isEmpty() ? Map.of() : rows.getFirst();
    }

    @Test
    void shouldMakeEveryoneAttendingKnowEachOtherWithTheMeetingAsSource() {
        CareMeeting march = meeting(MARCH, gp, nurse, cpas);

        assertThat(graph.count("MATCH ()-[k:KNOWS]->() RETURN count(k)")).as("one per pair").isEqualTo(3);
        assertThat(knows(gp, cpas)).containsEntry("strength", 1L).containsEntry("meetings", List.of(march.id()))
                .containsEntry("since", MARCH).containsEntry("stored", 1L);
        assertThat(knows(gp, school)).isEmpty();
        assertThat(march.attendees()).extracting(CareMeeting.Attendee::name).containsExactly("CPAS", "GP", "Nurse");
    }

    @Test
    void shouldStrengthenWhatAnEarlierMeetingMadeAndKeepWhenTheyFirstMet() {
        CareMeeting march = meeting(MARCH, gp, nurse);
        CareMeeting june = meeting(JUNE, gp, nurse, school);
        meetings.attend(june.id(), gp, false);

        assertThat(knows(gp, nurse)).containsEntry("strength", 2L).containsEntry("since", MARCH)
                .containsEntry("meetings", List.of(march.id(), june.id())).containsEntry("stored", 1L);
        assertThat(knows(school, nurse)).containsEntry("strength", 1L).containsEntry("since", JUNE);
        assertThat(acquaintances.of(gp)).extracting(Acquaintances.Acquaintance::name, Acquaintances.Acquaintance::meetings)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Nurse", 2), org.assertj.core.groups.Tuple.tuple("School", 1));
    }

    @Test
    void shouldTakeBackWhatAMeetingMadeWhenAnAttendeeIsRemovedButKeepDeclaredAcquaintances() {
        CareMeeting march = meeting(MARCH, gp, nurse, cpas);
        meeting(JUNE, gp, nurse);
        acquaintances.declare(gp, cpas, LocalDate.of(2025, 1, 1));

        meetings.leave(march.id(), gp);

        assertThat(knows(gp, nurse)).containsEntry("strength", 1L).containsEntry("since", JUNE);
        assertThat(knows(gp, cpas)).as("declared, so kept").containsEntry("strength", 0L)
                .containsEntry("meetings", List.of()).containsEntry("since", LocalDate.of(2025, 1, 1));
        graph.run("MATCH ()-[k:KNOWS]-() SET k.declared = false");
        meetings.delete(march.id());
        assertThat(knows(nurse, cpas)).isEmpty();
        assertThat(knows(gp, nurse)).containsEntry("strength", 1L);
    }

    @Test
    void shouldShowContactDetailsOnlyBetweenAttendeesWhoAgreed() throws Exception {
        CareMeeting march = meetings.create(new CareMeetings.MeetingData("T1", MARCH, MeetingMode.ONLINE, "Online meeting"));
        meetings.attend(march.id(), gp, true);
        meetings.attend(march.id(), nurse, true);
        meetings.attend(march.id(), cpas, false);

        assertThat(meetings.contacts(march.id(), gp)).extracting(CareMeetings.Contact::name).containsExactly("Nurse");
        assertThat(meetings.contacts(march.id(), gp).getFirst().phone()).isEqualTo("+32 2 123 45 67");
        assertThatThrownBy(() -> meetings.contacts(march.id(), cpas)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("did not agree");
        assertThatThrownBy(() -> meetings.contacts(march.id(), school)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("did not attend");

        mvc.perform(get("/api/meetings/{id}/contacts", march.id()).param("actor", school)
                        .with(httpBasic("professional", "professional-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/meetings/{id}", march.id()).with(httpBasic("analyst", "analyst-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attendees[0].name").value("CPAS"))
                .andExpect(jsonPath("$.attendees[0].phone").doesNotExist());
    }

    @Test
    void shouldRefuseACaseWithIdentifyingDataNamingTheFieldAndStoreNothing() throws Exception {
        CareMeeting march = meeting(MARCH, gp, nurse);

        mvc.perform(post("/api/meetings/{id}/cases", march.id()).with(httpBasic("professional", "professional-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"categories": ["paperwork"], "situation": "Older woman living alone, letters unopened",
                                 "tried": "Her son, reachable at jan.peeters@example.org, was asked"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tried"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("e-mail")));
        mvc.perform(post("/api/meetings/{id}/cases", march.id()).with(httpBasic("professional", "professional-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"categories": ["paperwork"], "situation": "Register number 85.07.30-033.28 on file"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("situation"));
        assertThat(graph.count("MATCH (c:MeetingCase) RETURN count(c)")).isZero();

        mvc.perform(post("/api/meetings/{id}/cases", march.id()).with(httpBasic("professional", "professional-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"categories": ["paperwork", "language_help"], "situation": "Older woman living alone, letters unopened",
                                 "tried": "Family abroad", "localSolution": "The info point sorts letters with her every Monday"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.categories[1]").value("language_help"));
        assertThat(meetings.get(march.id()).cases()).singleElement()
                .satisfies(c -> assertThat(c.localSolution()).startsWith("The info point"));
    }

    @Test
    void shouldTagProblemsByCategoryAndRefuseUntagged() throws Exception {
        CareMeeting march = meeting(MARCH, gp);

        meetings.addProblem(march.id(), new CareMeetings.ProblemData(List.of("transport_appointments"), "No transport to the hospital"));
        mvc.perform(post("/api/meetings/{id}/problems", march.id()).with(httpBasic("professional", "professional-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"categories\": [], \"description\": \"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("categories"));

        assertThat(meetings.get(march.id()).problems()).singleElement()
                .satisfies(p -> assertThat(p.categories()).containsExactly("transport_appointments"));
    }

    @Test
    void shouldRecordAMeetingWithItsAttendeesThroughTheApi() throws Exception {
        mvc.perform(post("/api/meetings").with(httpBasic("coordinator", "coordinator-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"neighbourhood": "T1", "date": "2026-03-10", "mode": "IN_PERSON", "title": "Spring meeting",
                                 "attendees": [{"actorId": "%s", "sharesContact": true}, {"actorId": "%s"}]}""".formatted(gp, school)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attendees.length()").value(2));
        assertThat(knows(gp, school)).containsEntry("strength", 1L);

        mvc.perform(post("/api/meetings").with(httpBasic("coordinator", "coordinator-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"neighbourhood": "NOPE", "date": "2026-03-10", "mode": "IN_PERSON", "title": "x"}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("neighbourhood"));
        mvc.perform(post("/api/meetings").with(httpBasic("analyst", "analyst-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"neighbourhood": "T1", "date": "2026-03-10", "mode": "IN_PERSON", "title": "x"}"""))
                .andExpect(status().isForbidden());
    }
}
