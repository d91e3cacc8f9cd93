package be.carenetwork.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.Fixtures;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static be.carenetwork.exchange.ExchangeFixtures.collection;
import static be.carenetwork.exchange.ExchangeFixtures.feature;
import static be.carenetwork.exchange.ExchangeFixtures.square;
import static be.carenetwork.exchange.ExchangeFixtures.twoNeighbourhoods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CareNetworkTest
class ImportControllerTests {

    @Autowired MockMvc mvc;
    @Autowired TestGraph graph;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;

    @BeforeEach
    void clear() {
        graph.clear();
    }

    static MockMultipartFile upload(String name, String content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldImportAnUploadForACoordinatorAndSaySo() throws Exception {
        mvc.perform(multipart("/api/import/neighbourhoods").file(upload("n.geojson", twoNeighbourhoods()))
                        .param("codeProperty", "code").with(httpBasic("coordinator", "coordinator-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("neighbourhoods"))
                .andExpect(jsonPath("$.file").value("n.geojson"))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.updated").value(0));

        assertThat(neighbourhoods.get("A2").nameNl()).isEqualTo("Wijk Twee");
    }

    @Test
    void shouldRefuseUploadsFromAnyoneButCoordinators() throws Exception {
        mvc.perform(multipart("/api/import/neighbourhoods").file(upload("n.geojson", twoNeighbourhoods())).param("codeProperty", "code")
                        .with(csrf()))
                .andExpect(status().isUnauthorized());
        mvc.perform(multipart("/api/import/neighbourhoods").file(upload("n.geojson", twoNeighbourhoods()))
                        .param("codeProperty", "code").with(httpBasic("professional", "professional-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/import/actors").file(upload("a.csv", "lon,lat,name,osm_id\n4.32,50.87,A,1\n"))
                        .with(httpBasic("analyst", "analyst-demo")))
                .andExpect(status().isForbidden());
        assertThat(graph.count("MATCH (n) WHERE n:Neighbourhood OR n:Actor RETURN count(n)")).isZero();
    }

    @Test
    void shouldAnswerARefusedFileWithEveryProblemAndLeaveTheGraphAsItWas() throws Exception {
        neighbourhoods.save(List.of(Fixtures.square("T1")), overlap.calculator());
        long before = graph.count("MATCH (n) RETURN count(n)") + graph.count("MATCH ()-[r]->() RETURN count(r)");
        String bad = collection(
                feature("{\"code\":\"B1\",\"name_fr\":\"Bon\"}", square(4.33, 50.87, 0.01)),
                feature("{\"name_fr\":\"Sans code\"}", square(4.34, 50.87, 0.01)),
                feature("{\"code\":\"B3\",\"name_fr\":\"Loin\"}", square(190, 50.87, 0.01)));

        mvc.perform(multipart("/api/import/neighbourhoods").file(upload("bad.geojson", bad))
                        .param("codeProperty", "code").with(httpBasic("coordinator", "coordinator-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("File refused"))
                .andExpect(jsonPath("$.file").value("bad.geojson"))
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("feature 2 (line 3)"))
                .andExpect(jsonPath("$.errors[0].reason").value("has no code: the property 'code' is missing or empty"))
                .andExpect(jsonPath("$.errors[1].field").value("feature 3 (line 4)"));

        assertThat(graph.count("MATCH (n) RETURN count(n)") + graph.count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(before);
    }

    @Test
    void shouldImportActorsWithAnUploadedMapping() throws Exception {
        neighbourhoods.save(List.of(Fixtures.square("T1")), overlap.calculator());
        byte[] csv = Files.readAllBytes(Path.of("src/test/resources/exchange/sociale-kaart.csv"));
        byte[] mapping = Files.readAllBytes(Path.of("src/test/resources/exchange/sociale-kaart-mapping.yml"));

        mvc.perform(multipart("/api/import/actors")
                        .file(new MockMultipartFile("file", "sociale-kaart.csv", "text/csv", csv))
                        .file(new MockMultipartFile("mapping", "mapping.yml", "application/yaml", mapping))
                        .with(httpBasic("coordinator", "coordinator-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3));
        assertThat(graph.count("MATCH (a:Actor {source: 'sociale-kaart'})-[:LOCATED_IN]->(:Neighbourhood {code: 'T1'}) RETURN count(a)"))
                .isEqualTo(3);
    }

    @Test
    void shouldRefuseAFileOverTheCapWith413() throws Exception {
        byte[] big = new byte[(int) org.springframework.util.unit.DataSize.ofMegabytes(20).toBytes() + 1];

        mvc.perform(multipart("/api/import/actors").file(new MockMultipartFile("file", "big.csv", "text/csv", big))
                        .with(httpBasic("coordinator", "coordinator-demo")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value("big.csv has 20971521 bytes; the limit for imports is 20971520 bytes (care.exchange.max-file-size)"));
    }

    @Test
    void shouldNameABadParameter() throws Exception {
        mvc.perform(multipart("/api/import/neighbourhoods").file(upload("n.geojson", twoNeighbourhoods()))
                        .param("codeProperty", "code").param("crs", "EPSG:3857").with(httpBasic("coordinator", "coordinator-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("crs"));
        mvc.perform(multipart("/api/import/actors").file(upload("a.csv", "lon,lat,name,osm_id\n4.32,50.87,A,1\n"))
                        .param("source", "Not Allowed!").with(httpBasic("coordinator", "coordinator-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"));
    }
}
