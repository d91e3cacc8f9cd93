package be.carenetwork.analyst;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every query of the analyst library, run as an analyst runs it, on the demo network of Jette. */
@AnalystDemoTest
class AnalystLibraryDemoTests {

    /** Queries about features that add their data later (matches, meetings, KNOWS, REFERS_TO): empty on the demo for now. */
    static final Set<String> ABOUT_FEATURES_BUILT_ELSEWHERE = Set.of("aftercare_overdue", "bridging_actors",
            "match_outcomes_by_category", "meeting_attendance_over_time", "new_acquaintances_per_quarter",
            "referral_flows_between_sectors", "referrals_by_category_sector");

    @Autowired MockMvc mvc;
    @Autowired AnalystGraph analystGraph;
    @Autowired QueryLibrary library;
    @Autowired ObjectMapper json;

    @BeforeEach
    void analystGraphHoldsTheDemo() {
        analystGraph.refresh(false);
    }

    static Stream<String> libraryQueries() {
        return QueryLibrary.load("classpath*:cypher/analyst/*.cypher").stream().map(LibraryQuery::name).sorted();
    }

    @Test
    void shouldDocumentAtLeastFifteenQueries() {
        assertThat(library.all()).hasSizeGreaterThanOrEqualTo(15).allSatisfy(query -> {
            assertThat(query.title()).as(query.name()).isNotBlank();
            assertThat(query.question()).as(query.name()).contains("?").hasSizeGreaterThan(40);
            assertThat(query.example()).as(query.name()).contains("|");
            query.parameters().forEach(p -> assertThat(query.cypher()).as(query.name()).contains("$" + p.name()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraryQueries")
    void shouldRunEveryLibraryQueryOnTheDemoNetwork(String name) throws Exception {
        LibraryQuery query = library.get(name);
        Map<String, Object> parameters = name.equals("recurring_needs_per_quarter") ? Map.of("minQuarters", 1) : Map.of();

        String body = mvc.perform(post("/api/analyst/queries/" + name).with(httpBasic("analyst", "analyst-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("parameters", parameters))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.graph").value("analyst"))
                .andReturn().getResponse().getContentAsString();
        JsonNode answer = json.readTree(body);

        List<String> documented = Arrays.stream(query.example().lines().findFirst().orElseThrow().split("\\|"))
                .map(String::strip).toList();
        assertThat(answer.get("columns").valueStream().map(JsonNode::asString).toList())
                .as("the columns of " + name + " are the ones its header shows").isEqualTo(documented);
        if (!ABOUT_FEATURES_BUILT_ELSEWHERE.contains(name)) {
            assertThat(answer.get("rowCount").asInt()).as(name + " on the demo network").isPositive();
        }
        mvc.perform(post("/api/analyst/queries/" + name).with(httpBasic("analyst", "analyst-demo"))
                        .contentType(MediaType.APPLICATION_JSON).accept(new MediaType("text", "csv"))
                        .content(json.writeValueAsString(Map.of("parameters", parameters))))
                .andExpect(status().isOk());
    }

    @Test
    void shouldListTheLibraryWithItsParameters() throws Exception {
        mvc.perform(get("/api/analyst/queries").with(httpBasic("analyst", "analyst-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'needs_without_capacity_nearby')].parameters[0].name").value("walkMetres"))
                .andExpect(jsonPath("$[?(@.name == 'needs_without_capacity_nearby')].parameters[0].defaultValue").value(800));
    }

    @Test
    void shouldRefuseAParameterOfTheWrongTypeNamingIt() throws Exception {
        mvc.perform(post("/api/analyst/queries/needs_without_capacity_nearby").with(httpBasic("analyst", "analyst-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"parameters\": {\"walkMetres\": \"far\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parameters.walkMetres"));
        mvc.perform(post("/api/analyst/queries/needs_without_capacity_nearby").with(httpBasic("analyst", "analyst-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"parameters\": {\"radius\": 5}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parameters.radius"));
        mvc.perform(post("/api/analyst/queries/no_such_query").with(httpBasic("analyst", "analyst-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
    }
}
