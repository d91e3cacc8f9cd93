package be.carenetwork.referral;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.taxonomy.HelpCategories;
import be.carenetwork.taxonomy.HelpCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static be.carenetwork.support.Fixtures.LAT;
import static be.carenetwork.support.Fixtures.LON;
import static be.carenetwork.support.Fixtures.north;
import static be.carenetwork.support.Fixtures.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CareNetworkTest
class DecisionTreeTests {

    @Autowired TestGraph graph;
    @Autowired DecisionTree tree;
    @Autowired Triage triage;
    @Autowired HelpCategories categories;
    @Autowired Actors actors;
    @Autowired Capacities capacities;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;
    @Autowired MockMvc mvc;

    static final String START = """
            {"textFr": "De quoi s'agit-il ?", "textNl": "Waarover gaat het?", "textEn": "What is it about?", "start": true,
             "answers": [
               {"id": "a-paperwork", "textFr": "Papiers", "textNl": "Papieren", "textEn": "Paperwork", "next": "q-paperwork"},
               {"id": "a-lonely", "textFr": "Solitude", "textNl": "Eenzaamheid", "textEn": "Loneliness",
                "categories": ["social_contact"], "actorKinds": ["VOLUNTEER"]}]}""";

    static final String PAPERWORK = """
            {"textFr": "Qu'est-ce qui est difficile ?", "textNl": "Wat is moeilijk?", "textEn": "What is hard?",
             "answers": [
               {"id": "a-sort", "textFr": "Trier", "textNl": "Sorteren", "textEn": "Sorting",
                "categories": ["paperwork"], "actorKinds": ["REFERRAL_POINT"]},
               {"id": "a-back", "textFr": "Autre", "textNl": "Iets anders", "textEn": "Something else", "next": "%s"}]}""";

    @BeforeEach
    void fixture() throws Exception {
        graph.clear();
        coordinatorPuts("q-paperwork", PAPERWORK.formatted("q-money")).andExpect(status().isBadRequest());
        mvc.perform(put("/api/decision-tree/questions/q-money").with(httpBasic("coordinator", "coordinator-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"textFr": "Argent ?", "textNl": "Geld?", "textEn": "Money?", "start": true,
                                 "answers": [{"id": "a-bills", "textFr": "Factures", "textNl": "Rekeningen", "textEn": "Bills",
                                              "categories": ["financial_help"]}]}"""))
                .andExpect(status().isOk());
        coordinatorPuts("q-paperwork", PAPERWORK.formatted("q-money")).andExpect(status().isOk());
        coordinatorPuts("q-start", START).andExpect(status().isOk());
    }

    org.springframework.test.web.servlet.ResultActions coordinatorPuts(String id, String json) throws Exception {
        return mvc.perform(put("/api/decision-tree/questions/" + id).with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void shouldRefuseACycleWhenSavedNamingTheAnswerAndChangeNothing() throws Exception {
        int version = tree.currentVersion();
        List<DecisionQuestion> before = tree.questions();

        coordinatorPuts("q-paperwork", PAPERWORK.formatted("q-start"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers[1].next"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("q-paperwork -> q-start -> q-paperwork")));

        assertThat(tree.currentVersion()).isEqualTo(version);
        assertThat(tree.questions()).isEqualTo(before);
    }

    @Test
    void shouldRecordWhoChangedWhatAndWhenAndKeepEachVersionsTree() throws Exception {
        List<DecisionQuestion> atThree = tree.questions();
        coordinatorPuts("q-paperwork", PAPERWORK.formatted("q-money").replace("\"Sorting\"", "\"Sorting letters\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(4));

        List<DecisionTreeVersion> versions = tree.versions();
        assertThat(versions).extracting(DecisionTreeVersion::number).containsExactly(4, 3, 2, 1);
        assertThat(versions.getFirst().changedBy()).isEqualTo("coordinator");
        assertThat(versions.getFirst().summary()).isEqualTo("Changed question 'q-paperwork': answer 'a-sort': text");
        assertThat(versions.get(1).summary()).startsWith("Added question 'q-start'");
        assertThat(tree.version(3).questions()).isEqualTo(atThree);
        assertThat(tree.version(4).questions()).isEqualTo(tree.questions());
        assertThat(tree.question("q-paperwork").answers().getFirst().textEn()).isEqualTo("Sorting letters");
    }

    @Test
    void shouldRestoreAnEarlierVersionAsANewOne() throws Exception {
        mvc.perform(post("/api/decision-tree/versions/2/restore").with(httpBasic("coordinator", "coordinator-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(4));

        assertThat(tree.questions()).extracting(DecisionQuestion::id).containsExactly("q-money", "q-paperwork");
        assertThat(tree.versions().getFirst().summary()).isEqualTo("Restored version 2");
    }

    @Test
    void shouldRefuseAChangeMadeOnAnOldVersion() throws Exception {
        coordinatorPuts("q-money", """
                {"textFr": "Argent", "textNl": "Geld", "textEn": "Money", "start": true, "baseVersion": 1,
                 "answers": [{"textFr": "F", "textNl": "R", "textEn": "B", "categories": ["financial_help"]}]}""")
                .andExpect(status().isConflict());
    }

    @Test
    void shouldRefuseToRemoveAQuestionOthersLeadTo() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/decision-tree/questions/q-money")
                        .with(httpBasic("coordinator", "coordinator-demo")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("a-back")));
    }

    @Test
    void shouldLetOnlyCoordinatorsChangeTheTreeAndSignedInUsersReadIt() throws Exception {
        mvc.perform(put("/api/decision-tree/questions/q-x").with(httpBasic("professional", "professional-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(START))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/decision-tree").with(httpBasic("professional", "professional-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.questions[0].id").value("q-money"))
                .andExpect(jsonPath("$.questions[1].id").value("q-start"))
                .andExpect(jsonPath("$.questions[1].answers[0].next").value("q-paperwork"));
        mvc.perform(get("/api/decision-tree")).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldEndTheTriageOnActorsNearThePersonOfTheKindsTheAnswerNames() throws Exception {
        neighbourhoods.save(List.of(square("T1")), overlap.calculator());
        String office = actor("Social office", ActorKind.ORGANISATION, 300, List.of("fr"));
        String point = actor("Info point", ActorKind.REFERRAL_POINT, 800, List.of("fr", "ar"));
        actor("Far office", ActorKind.ORGANISATION, 5000, List.of("fr"));

        Triage.Outcome outcome = triage.outcome("a-sort", new GeoPoint(LAT, LON), 2000, "ar", 5);

        assertThat(outcome.categories()).hasSize(1);
        assertThat(outcome.categories().getFirst().category().code()).isEqualTo("paperwork");
        assertThat(outcome.categories().getFirst().actors()).extracting(a -> a.actor().id()).containsExactly(point, office);
        Triage.TriageActor first = outcome.categories().getFirst().actors().getFirst();
        assertThat(first.kindMatches()).isTrue();
        assertThat(first.speaksLanguage()).isTrue();
        assertThat(first.distanceMetres()).isBetween(795L, 805L);

        mvc.perform(get("/api/decision-tree/answers/a-sort/actors").param("lat", String.valueOf(LAT)).param("lon", String.valueOf(LON))
                        .with(httpBasic("professional", "professional-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.categories[0].actors[0].actor.name").value("Info point"));
        mvc.perform(get("/api/decision-tree/answers/a-none/actors").param("lat", String.valueOf(LAT)).param("lon", String.valueOf(LON))
                        .with(httpBasic("professional", "professional-demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldSeedAStartingTreeWithoutCyclesThatWalksFromTheOlderNeighboursPaperwork() throws IOException {
        graph.clear();
        runSeed("cypher/V0401__Seed_decision_tree.cypher");

        List<DecisionQuestion> seeded = tree.questions();
        DecisionTreeRules.check(seeded, categories.all().stream().map(HelpCategory::code).collect(Collectors.toSet()), null);
        assertThat(seeded).hasSize(7);
        assertThat(seeded.stream().mapToInt(q -> q.answers().size()).sum()).isEqualTo(33);
        DecisionAnswer paperwork = tree.question("q-start").answers().getFirst();
        assertThat(paperwork.textEn()).contains("an older neighbour can no longer do her paperwork");
        DecisionQuestion next = tree.question(paperwork.next());
        assertThat(next.answers()).extracting(DecisionAnswer::categories).contains(List.of("language_help", "paperwork"));
        assertThat(tree.versions()).extracting(DecisionTreeVersion::changedBy).containsExactly("migration V0401");
        // The seeded version gets its tree stored at the first change.
        assertThat(tree.version(1).questions()).isEqualTo(seeded);
    }

    void runSeed(String resource) throws IOException {
        String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        Arrays.stream(text.split(";\\s*(\\r?\\n|$)"))
                .map(s -> s.lines().filter(l -> !l.strip().startsWith("//")).collect(Collectors.joining("\n")).strip())
                .filter(s -> !s.isBlank())
                .forEach(s -> graph.run(s, Map.of()));
    }

    String actor(String name, ActorKind kind, double metresNorth, List<String> languages) {
        String id = actors.create(new ActorInput(name, null, kind, north(metresNorth), LON, null, languages, "Mo-Fr 09:00-17:00",
                List.of(), "UNKNOWN", Visibility.PUBLIC, null, null, null, false)).id();
        capacities.offer(id, new Capacities.CapacityData("paperwork", 2000, null, 5, null));
        return id;
    }
}
