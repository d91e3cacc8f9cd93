package be.carenetwork.neighbourhood;

import java.util.List;

import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@CareNetworkTest
class NeighbourhoodApiTests {

    private static final String SQUARE = """
            {"type": "Polygon", "coordinates": [[[4.30, 50.87], [4.32, 50.87], [4.32, 50.88], [4.30, 50.88], [4.30, 50.87]]]}""";
    private static final String BOW_TIE = """
            {"type": "Polygon", "coordinates": [[[4.30, 50.87], [4.32, 50.88], [4.32, 50.87], [4.30, 50.88], [4.30, 50.87]]]}""";

    @Autowired MockMvcTester mvc;
    @Autowired TestGraph graph;
    @Autowired Municipalities municipalities;

    @BeforeEach
    void clear() {
        graph.clear();
        // Two municipalities split at longitude 4.315: the square lies 75% in West and 25% in East.
        municipalities.save(List.of(
                municipality("W", "West", "[[4.29, 50.86], [4.315, 50.86], [4.315, 50.89], [4.29, 50.89], [4.29, 50.86]]"),
                municipality("E", "East", "[[4.315, 50.86], [4.34, 50.86], [4.34, 50.89], [4.315, 50.89], [4.315, 50.86]]")));
    }

    private static Municipalities.MunicipalityData municipality(String code, String name, String ring) {
        return new Municipalities.MunicipalityData(code, name, name,
                Boundary.fromGeoJson("geometry", "{\"type\": \"Polygon\", \"coordinates\": [" + ring + "]}"));
    }

    private String body(String code, String geometry) {
        return """
                {"code": "%s", "nameFr": "Quartier", "nameNl": "Wijk", "geometry": %s}""".formatted(code, geometry);
    }

    @Test
    void shouldComputeTheCentroidAndTheMunicipalitiesItOverlaps() {
        assertThat(mvc.post().uri("/api/neighbourhoods").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body("Q1", SQUARE)))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .hasPathSatisfying("$.centroid.lon", v -> v.assertThat().asNumber().satisfies(
                        lon -> assertThat(lon.doubleValue()).isCloseTo(4.31, org.assertj.core.data.Offset.offset(1e-6))))
                .hasPathSatisfying("$.municipalities[*].code", v -> v.assertThat().asArray().containsExactly("W", "E"))
                .hasPathSatisfying("$.municipalities[0].share", v -> v.assertThat().asNumber().satisfies(
                        s -> assertThat(s.doubleValue()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.001))));
    }

    @Test
    void shouldUpdateInPlaceWhenTheSameCodeIsSavedAgain() {
        mvc.post().uri("/api/neighbourhoods").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body("Q1", SQUARE)).exchange();
        mvc.post().uri("/api/neighbourhoods").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body("Q1", SQUARE)).exchange();

        assertThat(graph.count("MATCH (n:Neighbourhood {code: 'Q1'}) RETURN count(n)")).isEqualTo(1);
        assertThat(graph.count("MATCH (:Neighbourhood {code: 'Q1'})-[r:IN_MUNICIPALITY]->() RETURN count(r)")).isEqualTo(2);
    }

    @Test
    void shouldRefuseASelfIntersectingPolygonAndSayWhere() {
        assertThat(mvc.post().uri("/api/neighbourhoods").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body("Q2", BOW_TIE)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("geometry"))
                .hasPathSatisfying("$.errors[0].reason", v -> v.assertThat().asString().contains("Self-intersection"));
        assertThat(graph.count("MATCH (n:Neighbourhood) RETURN count(n)")).isZero();
    }

    @Test
    void shouldRefuseProjectedCoordinatesAndPoints() {
        assertThat(mvc.post().uri("/api/neighbourhoods").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body("Q3", """
                        {"type": "Polygon", "coordinates": [[[148000, 170000], [149000, 170000], [149000, 171000], [148000, 170000]]]}""")))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].reason").asString().contains("Lambert");
        assertThat(mvc.post().uri("/api/neighbourhoods").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body("Q4", """
                        {"type": "Point", "coordinates": [4.3, 50.8]}""")))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].reason").asString().contains("Polygon");
    }

    @Test
    void shouldLetAnyoneReadButOnlyCoordinatorsWrite() {
        assertThat(mvc.post().uri("/api/neighbourhoods").with(httpBasic("professional", "professional-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body("Q5", SQUARE))).hasStatus(HttpStatus.FORBIDDEN);
        mvc.post().uri("/api/neighbourhoods").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body("Q5", SQUARE)).exchange();
        assertThat(mvc.get().uri("/api/neighbourhoods/Q5")).hasStatusOk().bodyJson().extractingPath("$.nameNl").isEqualTo("Wijk");
        assertThat(mvc.get().uri("/api/neighbourhoods")).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(1);
    }
}
