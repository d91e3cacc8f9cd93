package be.carenetwork.glossary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CareNetworkTest
class GlossaryTests {

    static final String TERM = """
            {"termFr": "Pratiques inclusives", "termNl": "Inclusieve praktijken", "termEn": "Inclusive practices",
             "definitionFr": "Rendre un service accessible", "definitionNl": "Een dienst toegankelijk maken",
             "definitionEn": "Making a service accessible", "categories": %s}""";

    @Autowired TestGraph graph;
    @Autowired Glossary glossary;
    @Autowired MockMvc mvc;

    @BeforeEach
    void fixture() {
        graph.clear();
    }

    @Test
    void shouldSeedTermsInThreeLanguagesLinkedToKnownCategories() throws Exception {
        String text = new ClassPathResource("cypher/V0402__Seed_glossary.cypher").getContentAsString(StandardCharsets.UTF_8);
        Arrays.stream(text.split(";\\s*(\\r?\\n|$)"))
                .map(s -> s.lines().filter(l -> !l.strip().startsWith("//")).collect(Collectors.joining("\n")).strip())
                .filter(s -> !s.isBlank()).forEach(s -> graph.run(s, Map.of()));

        assertThat(glossary.all(null, null)).hasSize(16).allSatisfy(term -> {
            assertThat(term.categories()).isNotEmpty();
            assertThat(term.definitionFr()).isNotBlank();
            assertThat(term.definitionNl()).isNotBlank();
        });
        assertThat(glossary.all("language_help", null)).extracting(GlossaryTerm::termNl).containsExactly("Sociaal tolken");
        assertThat(glossary.all(null, "mantel")).extracting(GlossaryTerm::id).containsExactly("informal-carer");
    }

    @Test
    void shouldLetAnyoneReadAndOnlyCoordinatorsWrite() throws Exception {
        mvc.perform(put("/api/glossary/inclusive-practices").with(httpBasic("professional", "professional-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(TERM.formatted("[\"general_social_work\"]")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/glossary/inclusive-practices").with(httpBasic("coordinator", "coordinator-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(TERM.formatted("[\"general_social_work\"]")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.categories[0]").value("general_social_work"));

        mvc.perform(get("/api/glossary").param("category", "general_social_work"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].termFr").value("Pratiques inclusives"));
        mvc.perform(get("/api/glossary/inclusive-practices")).andExpect(status().isOk());
        mvc.perform(get("/api/glossary/nothing-here")).andExpect(status().isNotFound());
        mvc.perform(delete("/api/glossary/inclusive-practices").with(csrf())).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldRefuseAnUnknownCategoryOrABadIdAndChangeNothing() throws Exception {
        mvc.perform(put("/api/glossary/inclusive-practices").with(httpBasic("coordinator", "coordinator-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(TERM.formatted("[\"astrology\"]")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("categories"));
        mvc.perform(put("/api/glossary/Not A Slug").with(httpBasic("coordinator", "coordinator-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(TERM.formatted("[]")))
                .andExpect(status().isBadRequest());
        assertThat(graph.count("MATCH (t:GlossaryTerm) RETURN count(t)")).isZero();
    }
}
