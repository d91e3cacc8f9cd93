package be.carenetwork.exchange;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.ResidentInput;
import be.carenetwork.directory.Residents;
import be.carenetwork.directory.Visibility;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static be.carenetwork.exchange.ExchangeFixtures.file;
import static be.carenetwork.exchange.ExchangeFixtures.twoMunicipalities;
import static be.carenetwork.exchange.ExchangeFixtures.twoNeighbourhoods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CareNetworkTest
class ExportTests {

    static GeoJsonSchemas schemas;

    @Autowired MockMvc mvc;
    @Autowired TestGraph graph;
    @Autowired Imports imports;
    @Autowired Actors actors;
    @Autowired Capacities capacities;
    @Autowired Residents residents;
    @Autowired ObjectMapper json;

    String pharmacy;

    @BeforeEach
    void fixture() {
        graph.clear();
        imports.municipalities(file("m.geojson", twoMunicipalities()), new BoundaryOptions("nis", "name_fr", "name_nl", null, null,
                "Test municipalities"), ImportProgress.NONE);
        imports.neighbourhoods(file("n.geojson", twoNeighbourhoods()), new BoundaryOptions("code", "name_fr", "name_nl", null, null,
                "Test quarters"), ImportProgress.NONE);
        imports.actors(file("osm.csv", """
                lon,lat,amenity,name,name:fr,name:nl,opening_hours,wheelchair,contact:phone,osm_id
                4.305,50.875,pharmacy,"Pharmacie Centrale, Jette",Pharmacie Centrale,Apotheek Centraal,Mo-Fr 09:00-18:00,yes,=cmd|' /c calc'!A1,1
                4.315,50.875,community_centre,Maison de quartier,,,,,,2
                """), ActorOptions.openStreetMap(), ImportProgress.NONE);
        pharmacy = "osm:1";
        String hidden = actors.create(new ActorInput("Hidden Neighbour", null, ActorKind.NEIGHBOUR, 50.876, 4.306, null, List.of("fr"),
                null, List.of(), "UNKNOWN", Visibility.PRIVATE, "+32 470 11 11 11", null, null, false)).id();
        capacities.offer(hidden, new Capacities.CapacityData("shopping", 500, null, 2, null));
        residents.write(java.util.UUID.randomUUID().toString(), "R-EXP1", new ResidentInput("Secret Resident", "+32 470 22 22 22",
                null, 1950, List.of("fr"), 50.877, 4.307, LocalDate.of(2026, 1, 1)), true);
    }

    String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    JsonNode geoJson(MockHttpServletRequestBuilder request) throws Exception {
        assumeTrue(GeoJsonSchemas.present(), "../shared/data/geojson-schema is not here");
        if (schemas == null) {
            schemas = new GeoJsonSchemas();
        }
        JsonNode collection = json.readTree(body(request));
        assertThat(schemas.problems(collection)).isEmpty();
        return collection;
    }

    @Test
    void shouldExportNeighbourhoodsAsRfc7946GeoJsonWithTheirAttribution() throws Exception {
        mvc.perform(get("/api/export/neighbourhoods.geojson")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/geo+json;charset=UTF-8"));
        JsonNode collection = geoJson(get("/api/export/neighbourhoods.geojson?lang=nl"));

        assertThat(collection.get("features")).extracting(f -> f.get("id").asString()).containsExactly("A1", "A2");
        JsonNode a2 = collection.get("features").get(1).get("properties");
        assertThat(a2.get("name").asString()).isEqualTo("Wijk Twee");
        assertThat(a2.get("municipalities")).extracting(JsonNode::asString).containsExactlyInAnyOrder("21901", "21902");
        assertThat(a2.get("areaKm2").asDouble()).isGreaterThan(0.7);
        assertThat(collection.get("attribution").asString()).isEqualTo("Test quarters");
        JsonNode municipalities = geoJson(get("/api/export/municipalities.geojson"));
        assertThat(municipalities.get("features")).hasSize(2);
    }

    @Test
    void shouldWindExteriorRingsCounterclockwiseWhateverTheSource() throws Exception {
        String clockwise = ExchangeFixtures.collection(ExchangeFixtures.feature("{\"code\":\"CW\",\"name_fr\":\"Horaire\"}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[4.35,50.87],[4.35,50.88],[4.36,50.88],[4.36,50.87],[4.35,50.87]]]}"));
        imports.neighbourhoods(file("cw.geojson", clockwise), BoundaryOptions.of("code"), ImportProgress.NONE);

        assertThat(geoJson(get("/api/export/neighbourhoods.geojson")).get("features")).hasSize(3);
    }

    @Test
    void shouldExportOnlyPublicActorsToAnonymousReaders() throws Exception {
        String text = body(get("/api/export/actors.geojson"));
        assertThat(text).doesNotContain("Hidden Neighbour").doesNotContain("Secret Resident").doesNotContain("+32 470");
        JsonNode collection = geoJson(get("/api/export/actors.geojson?lang=nl"));

        assertThat(collection.get("features")).extracting(f -> f.get("id").asString()).containsExactly("osm:1", "osm:2");
        JsonNode pharmacyProps = collection.get("features").get(0).get("properties");
        assertThat(pharmacyProps.get("name").asString()).isEqualTo("Apotheek Centraal");
        assertThat(pharmacyProps.get("kindLabel").asString()).isEqualTo("Organisatie");
        assertThat(pharmacyProps.get("categoryLabels")).extracting(JsonNode::asString).containsExactly("Apotheek");
        assertThat(pharmacyProps.get("neighbourhood").asString()).isEqualTo("A1");
        assertThat(pharmacyProps.has("visibility")).isFalse();
        assertThat(collection.get("features").get(0).get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(4.305);
        assertThat(collection.get("attribution").asString()).isEqualTo("© OpenStreetMap contributors, ODbL 1.0");
    }

    @Test
    void shouldExportPrivateActorsButNoResidentsToSignedInReaders() throws Exception {
        JsonNode collection = geoJson(get("/api/export/actors.geojson").with(httpBasic("professional", "professional-demo")));

        assertThat(collection.get("features")).extracting(f -> f.get("properties").get("name").asString())
                .containsExactlyInAnyOrder("Pharmacie Centrale, Jette", "Maison de quartier", "Hidden Neighbour");
        assertThat(collection.toString()).doesNotContain("Secret Resident");
    }

    @Test
    void shouldFilterByNeighbourhoodAndCategory() throws Exception {
        assertThat(geoJson(get("/api/export/actors.geojson?neighbourhood=A2")).get("features"))
                .extracting(f -> f.get("id").asString()).containsExactly("osm:2");
        assertThat(geoJson(get("/api/export/actors.geojson?category=pharmacy")).get("features"))
                .extracting(f -> f.get("id").asString()).containsExactly("osm:1");
        mvc.perform(get("/api/export/actors.geojson?category=flying")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        mvc.perform(get("/api/export/actors.csv?separator=tab")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("separator"));
    }

    @Test
    void shouldExportActorsAsCsvInTheReadersLanguage() throws Exception {
        String french = body(get("/api/export/actors.csv").header("Accept-Language", "fr-BE"));
        assertThat(french).startsWith("\uFEFFidentifiant,nom,type,catégories d'aide,langues,adresse,quartier,code du quartier,");
        List<String> lines = french.substring(1).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("osm:1,Pharmacie Centrale,Organisation,Pharmacie,,,Quartier Un,A1,50.8750000,4.3050000,"
                + "Mo-Fr 09:00-18:00,oui,'=cmd|' /c calc'!A1,");
        assertThat(french).doesNotContain("Hidden Neighbour").doesNotContain("Secret");

        String dutch = body(get("/api/export/actors.csv?lang=nl&separator=semicolon"));
        assertThat(dutch.substring(1).lines().toList().get(1))
                .startsWith("osm:1;Apotheek Centraal;Organisatie;Apotheek;;;Wijk Een;A1;");
        String english = body(get("/api/export/actors.csv?lang=en"));
        assertThat(english.substring(1).lines().toList().get(2)).startsWith("osm:2,Maison de quartier,Organisation,"
                + "Community activities; Against isolation,");
        assertThat(english.substring(1).lines().toList().get(0)).endsWith(",source,attribution");
    }

    @Test
    void shouldExportTheWholePublicDirectoryAsHsds() throws Exception {
        List<String> lines = body(get("/api/export/hsds.ndjson")).lines().toList();

        assertThat(lines).hasSize(2);
        assertThat(json.readTree(lines.getFirst()).get("service_at_locations")).hasSize(1);
    }
}
