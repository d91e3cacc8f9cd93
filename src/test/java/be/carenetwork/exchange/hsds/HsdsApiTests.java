package be.carenetwork.exchange.hsds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.ResidentInput;
import be.carenetwork.directory.Residents;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.Boundary;
import be.carenetwork.neighbourhood.Municipalities;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.Fixtures;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static be.carenetwork.support.Fixtures.LAT;
import static be.carenetwork.support.Fixtures.LON;
import static be.carenetwork.support.Fixtures.north;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CareNetworkTest
class HsdsApiTests {

    static HsdsSchemas schemas;

    @Autowired TestGraph graph;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Actors actors;
    @Autowired Capacities capacities;
    @Autowired Residents residents;
    @Autowired Municipalities municipalities;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;

    String pharmacy;
    String hiddenContact;
    String neighbour;

    @BeforeEach
    void fixture() {
        assumeTrue(HsdsSchemas.present(), "../shared/data/openreferral-hsds-3.0 is not here");
        if (schemas == null) {
            schemas = new HsdsSchemas();
        }
        graph.clear();
        municipalities.save(List.of(new Municipalities.MunicipalityData("21009", "Jette", "Jette", Boundary.fromGeoJson("g",
                "{\"type\":\"Polygon\",\"coordinates\":[[[4.29,50.86],[4.35,50.86],[4.35,50.90],[4.29,50.90],[4.29,50.86]]]}"))));
        neighbourhoods.save(List.of(Fixtures.square("T1")), overlap.calculator());
        pharmacy = actors.create(new ActorInput("Pharmacie du Miroir", "Pharmacy with home delivery", ActorKind.ORGANISATION,
                north(200), LON, "Place Reine Astrid 1, 1090 Jette", List.of("fr", "nl"), "Mo-Fr 09:00-12:00,13:30-18:00; Sa 09:00-12:00",
                List.of("older people"), "YES", Visibility.PUBLIC, "+32 2 111 11 11", "info@miroir.be", "https://miroir.example",
                true)).id();
        capacities.offer(pharmacy, new Capacities.CapacityData("pharmacy", 3000, null, 10, null));
        hiddenContact = actors.create(new ActorInput("Centre de santé mentale", null, ActorKind.ORGANISATION, north(800), LON,
                null, List.of("fr"), null, List.of(), "UNKNOWN", Visibility.PUBLIC, "+32 2 222 22 22",
                "secret@example.org", null, false)).id();
        // As an import keeps opening hours it cannot parse: the text, no slots.
        graph.run("MATCH (a:Actor {id: $id}) SET a.openingHours = 'sometimes'", java.util.Map.of("id", hiddenContact));
        capacities.offer(hiddenContact, new Capacities.CapacityData("mental_health", 3000, null, 10, null));
        neighbour = actors.create(new ActorInput("Private Neighbour", null, ActorKind.NEIGHBOUR, north(100), LON, null, List.of("fr"),
                null, List.of(), "UNKNOWN", Visibility.PRIVATE, "+32 470 00 00 00", null, null, false)).id();
        capacities.offer(neighbour, new Capacities.CapacityData("shopping", 500, null, 2, null));
        String resident = java.util.UUID.randomUUID().toString();
        residents.write(resident, "R-TEST1", new ResidentInput("Secret Resident", "+32 470 99 99 99", null, 1940, List.of("fr"),
                north(150), LON, LocalDate.of(2026, 1, 1)), true);
        capacities.offer(resident, new Capacities.CapacityData("shopping", 500, null, 2, null));
    }

    JsonNode getJson(String url) throws Exception {
        MvcResult result = mvc.perform(get(url)).andExpect(status().isOk()).andReturn();
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("Secret").doesNotContain("Private Neighbour").doesNotContain("+32 470");
        return json.readTree(body);
    }

    List<JsonNode> ndjson(String url) throws Exception {
        MvcResult result = mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentTypeCompatibleWith("application/x-ndjson"))
                .andReturn();
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("Secret").doesNotContain("Private Neighbour");
        List<JsonNode> lines = new ArrayList<>();
        body.lines().filter(line -> !line.isBlank()).forEach(line -> lines.add(json.readTree(line)));
        return lines;
    }

    static void valid(String schema, JsonNode node) {
        assertThat(schemas.problems(schema, node)).as(schema + " for " + node).isEmpty();
    }

    static void validPage(String schema, JsonNode page) {
        for (String field : List.of("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents")) {
            assertThat(page.has(field)).as(field).isTrue();
        }
        page.get("contents").forEach(item -> valid(schema, item));
    }

    @Test
    void shouldDescribeItself() throws Exception {
        JsonNode meta = getJson("/hsds/");
        assertThat(meta.get("version").asString()).isEqualTo("3.0");
        assertThat(meta.get("openapi_url").asString()).endsWith("/openapi.json");
    }

    @Test
    void shouldListPublicServicesInTheSpecsPageWrapperValidAgainstTheListSchema() throws Exception {
        JsonNode page = getJson("/hsds/services");

        validPage("compiled/service_list.json", page);
        assertThat(page.get("total_items").asInt()).isEqualTo(2);
        assertThat(page.get("page_number").asInt()).isEqualTo(1);
        assertThat(page.get("first_page").asBoolean()).isTrue();
        assertThat(page.get("last_page").asBoolean()).isTrue();
        assertThat(page.get("contents")).extracting(s -> s.get("name").asString())
                .containsExactly("Centre de santé mentale", "Pharmacie du Miroir");
        valid("service.json", page.get("contents").get(1));
    }

    @Test
    void shouldServeAFullyNestedServiceWithScheduleLanguagesAccessibilityAndTerms() throws Exception {
        JsonNode service = getJson("/hsds/services/" + pharmacy + "?lang=fr");

        valid("service.json", service);
        assertThat(service.get("id").asString()).isEqualTo(pharmacy);
        assertThat(service.get("url").asString()).isEqualTo("https://miroir.example");
        assertThat(service.get("phones").get(0).get("number").asString()).isEqualTo("+32 2 111 11 11");
        assertThat(service.get("languages")).extracting(l -> l.get("code").asString()).containsExactly("fr", "nl");
        assertThat(service.get("languages").get(1).get("name").asString()).isEqualTo("Dutch");
        assertThat(service.get("schedules")).extracting(s -> s.get("byday").asString() + " " + s.get("opens_at").asString()
                + "-" + s.get("closes_at").asString())
                .containsExactly("MO,TU,WE,TH,FR 09:00-12:00", "MO,TU,WE,TH,FR 13:30-18:00", "SA 09:00-12:00");
        assertThat(service.get("schedules").get(0).get("description").asString()).isEqualTo("Mo-Fr 09:00-12:00,13:30-18:00; Sa 09:00-12:00");
        JsonNode term = service.get("attributes").get(0).get("taxonomy_term");
        assertThat(term.get("code").asString()).isEqualTo("pharmacy");
        assertThat(term.get("name").asString()).isEqualTo("Pharmacie");
        assertThat(term.get("taxonomy_id").asString()).isEqualTo(HsdsIds.TAXONOMY);
        JsonNode location = service.get("service_at_locations").get(0).get("location");
        assertThat(location.get("latitude").asDouble()).isEqualTo(north(200));
        assertThat(location.get("accessibility").get(0).get("details").asString()).isEqualTo("wheelchair=yes");
        JsonNode address = location.get("addresses").get(0);
        assertThat(address.get("address_1").asString()).isEqualTo("Place Reine Astrid 1");
        assertThat(address.get("postal_code").asString()).isEqualTo("1090");
        assertThat(address.get("city").asString()).isEqualTo("Jette");
        assertThat(address.get("state_province").asString()).isEqualTo("Région de Bruxelles-Capitale");
        assertThat(service.get("organization").get("id").asString()).isEqualTo(HsdsIds.organization(pharmacy));
    }

    @Test
    void shouldLeaveOutContactDetailsTheActorDidNotMakePublic() throws Exception {
        JsonNode service = getJson("/hsds/services/" + hiddenContact);

        valid("service.json", service);
        assertThat(service.has("email")).isFalse();
        assertThat(service.get("phones")).isEmpty();
        assertThat(service.get("schedules").get(0).get("description").asString()).isEqualTo("sometimes");
        assertThat(service.get("schedules").get(0).has("byday")).isFalse();
    }

    @Test
    void shouldNeverServePrivateActorsOrResidents() throws Exception {
        mvc.perform(get("/hsds/services/" + neighbour)).andExpect(status().isNotFound());
        mvc.perform(get("/hsds/organizations/" + HsdsIds.organization(neighbour))).andExpect(status().isNotFound());
        mvc.perform(get("/hsds/services/" + neighbour).with(httpBasic("coordinator", "coordinator-demo")))
                .andExpect(status().isNotFound());
        assertThat(getJson("/hsds/service_at_locations?per_page=200").get("total_items").asInt()).isEqualTo(2);
        assertThat(ndjson("/hsds/services?format=ndjson&full=true")).hasSize(2);
    }

    @Test
    void shouldServeOrganizationsAndServicesAtLocationsValidAgainstTheirSchemas() throws Exception {
        validPage("compiled/organization_list.json", getJson("/hsds/organizations"));
        getJson("/hsds/organizations?full=true&full_service=true").get("contents").forEach(o -> valid("organization.json", o));
        JsonNode organization = getJson("/hsds/organizations/" + HsdsIds.organization(pharmacy) + "?full_service=true");
        valid("organization.json", organization);
        assertThat(organization.get("services").get(0).get("id").asString()).isEqualTo(pharmacy);
        assertThat(organization.get("locations").get(0).get("id").asString()).isEqualTo(HsdsIds.location(pharmacy));

        validPage("compiled/service_at_location_list.json", getJson("/hsds/service_at_locations"));
        getJson("/hsds/service_at_locations?full=true").get("contents").forEach(s -> valid("service_at_location.json", s));
        JsonNode atLocation = getJson("/hsds/service_at_locations/" + HsdsIds.serviceAtLocation(pharmacy));
        valid("service_at_location.json", atLocation);
        assertThat(atLocation.get("service").get("id").asString()).isEqualTo(pharmacy);
    }

    @Test
    void shouldFindServicesAtLocationsByProximityNearestFirst() throws Exception {
        JsonNode near = getJson("/hsds/service_at_locations?proximity=500&lat=" + LAT + "&lon=" + LON);
        assertThat(near.get("contents")).extracting(s -> s.get("service_id").asString()).containsExactly(pharmacy);

        JsonNode both = getJson("/hsds/service_at_locations?proximity=1000&lat=" + north(1000) + "&lon=" + LON);
        assertThat(both.get("contents")).extracting(s -> s.get("service_id").asString()).containsExactly(hiddenContact, pharmacy);

        JsonNode pharmacies = getJson("/hsds/service_at_locations?proximity=2000&lat=" + LAT + "&lon=" + LON
                + "&taxonomy_term_id=" + HsdsIds.term("pharmacy"));
        assertThat(pharmacies.get("contents")).extracting(s -> s.get("service_id").asString()).containsExactly(pharmacy);
    }

    @Test
    void shouldFilterByTermTaxonomyOrganizationSearchPostcodeAndModificationTime() throws Exception {
        assertThat(getJson("/hsds/services?taxonomy_term_id=" + HsdsIds.term("mental_health")).get("contents"))
                .extracting(s -> s.get("id").asString()).containsExactly(hiddenContact);
        assertThat(getJson("/hsds/services?taxonomy_term_id=" + java.util.UUID.randomUUID()).get("total_items").asInt()).isZero();
        assertThat(getJson("/hsds/services?taxonomy_id=" + HsdsIds.TAXONOMY).get("total_items").asInt()).isEqualTo(2);
        assertThat(getJson("/hsds/services?taxonomy_id=" + java.util.UUID.randomUUID()).get("total_items").asInt()).isZero();
        assertThat(getJson("/hsds/services?organization_id=" + HsdsIds.organization(pharmacy)).get("contents"))
                .extracting(s -> s.get("id").asString()).containsExactly(pharmacy);
        assertThat(getJson("/hsds/services?search=miroir&lang=en").get("contents"))
                .extracting(s -> s.get("id").asString()).containsExactly(pharmacy);
        assertThat(getJson("/hsds/service_at_locations?postcode=1090").get("contents"))
                .extracting(s -> s.get("service_id").asString()).containsExactly(pharmacy);
        assertThat(getJson("/hsds/services?modified_after=2000-01-01").get("total_items").asInt()).isEqualTo(2);
        assertThat(getJson("/hsds/services?modified_after=2999-01-01T00:00:00Z").get("total_items").asInt()).isZero();
        JsonNode minimal = getJson("/hsds/services?minimal=true&per_page=1000");
        assertThat(minimal.get("contents").get(0).properties()).extracting(e -> e.getKey()).containsExactly("id", "last_modified");
    }

    @Test
    void shouldPageFromOne() throws Exception {
        JsonNode second = getJson("/hsds/services?per_page=1&page=2");

        assertThat(second.get("contents")).extracting(s -> s.get("name").asString()).containsExactly("Pharmacie du Miroir");
        assertThat(second.get("total_pages").asInt()).isEqualTo(2);
        assertThat(second.get("size").asInt()).isEqualTo(1);
        assertThat(second.get("first_page").asBoolean()).isFalse();
        assertThat(second.get("last_page").asBoolean()).isTrue();
        assertThat(getJson("/hsds/services?per_page=1&page=3").get("empty").asBoolean()).isTrue();
    }

    @Test
    void shouldServeTheTaxonomyAndItsTerms() throws Exception {
        JsonNode taxonomies = getJson("/hsds/taxonomies");
        validPage("taxonomy.json", taxonomies);
        valid("taxonomy.json", getJson("/hsds/taxonomies/" + HsdsIds.TAXONOMY));

        JsonNode terms = getJson("/hsds/taxonomy_terms?per_page=200&lang=nl");
        validPage("taxonomy_term.json", terms);
        assertThat(terms.get("total_items").asInt()).isEqualTo(36);
        JsonNode top = getJson("/hsds/taxonomy_terms?top_only=true");
        assertThat(top.get("contents")).extracting(t -> t.get("code").asString())
                .containsExactlyInAnyOrder("health_care", "social_support", "everyday_help", "community_life");
        JsonNode children = getJson("/hsds/taxonomy_terms?per_page=200&parent_id=" + HsdsIds.term("health_care"));
        assertThat(children.get("total_items").asInt()).isEqualTo(11);
        JsonNode term = getJson("/hsds/taxonomy_terms/" + HsdsIds.term("pharmacy") + "?lang=nl");
        valid("taxonomy_term.json", term);
        assertThat(term.get("name").asString()).isEqualTo("Apotheek");
        assertThat(term.get("parent_id").asString()).isEqualTo(HsdsIds.term("health_care"));
    }

    @Test
    void shouldStreamEveryResultAsNdjsonWithoutPages() throws Exception {
        List<JsonNode> services = ndjson("/hsds/services?format=ndjson&full=true");

        assertThat(services).hasSize(2);
        services.forEach(s -> valid("service.json", s));
        assertThat(ndjson("/hsds/service_at_locations?format=ndjson")).hasSize(2);
        assertThat(ndjson("/hsds/taxonomy_terms?format=ndjson")).hasSize(36);
    }

    @Test
    void shouldRefuseBadParametersNamingThem() throws Exception {
        mvc.perform(get("/hsds/services?per_page=0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("per_page"));
        mvc.perform(get("/hsds/services?page=0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/hsds/services?format=xml")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(get("/hsds/service_at_locations?proximity=500")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("proximity"));
        mvc.perform(get("/hsds/services?modified_after=yesterday")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("modified_after"));
        mvc.perform(get("/hsds/services?lang=de")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
        mvc.perform(get("/hsds/services/not-a-uuid")).andExpect(status().isNotFound());
    }
}
