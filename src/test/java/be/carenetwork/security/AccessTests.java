package be.carenetwork.security;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.ResidentInput;
import be.carenetwork.directory.Residents;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static be.carenetwork.support.Fixtures.LAT;
import static be.carenetwork.support.Fixtures.LON;
import static be.carenetwork.support.Fixtures.actor;
import static be.carenetwork.support.Fixtures.north;
import static be.carenetwork.support.Fixtures.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@CareNetworkTest
class AccessTests {

    private static final String NAME = "Josephine Testresident";
    private static final String PHONE = "+32 470 99 88 77";

    @Autowired MockMvcTester mvc;
    @Autowired TestGraph graph;
    @Autowired Actors actors;
    @Autowired Residents residents;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;

    String residentId;

    @BeforeEach
    void fixture() {
        graph.clear();
        neighbourhoods.save(List.of(square("T1")), overlap.calculator());
        actors.create(actor("Public pharmacy", ActorKind.ORGANISATION, north(100), LON, Visibility.PUBLIC, List.of("fr")));
        actors.create(actor("Private neighbour", ActorKind.NEIGHBOUR, north(150), LON, Visibility.PRIVATE, List.of("fr")));
        residentId = java.util.UUID.randomUUID().toString();
        residents.write(residentId, "R-TEST0001", new ResidentInput(NAME, PHONE, "josephine@example.org", 1941,
                List.of("fr"), LAT, LON, LocalDate.of(2026, 3, 1)), true);
    }

    @Test
    void shouldNeverShowAResidentToAnonymousUsers() throws Exception {
        for (String uri : List.of("/api/actors", "/api/actors/nearby?lat=%f&lon=%f".formatted(LAT, LON),
                "/api/actors/search?q=Josephine&lang=fr", "/api/neighbourhoods", "/api/categories")) {
            var response = mvc.get().uri(uri).exchange();
            assertThat(response).as(uri).hasStatusOk();
            assertThat(response.getResponse().getContentAsString())
                    .as(uri).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("R-TEST0001");
        }
        assertThat(mvc.get().uri("/api/residents")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/residents/" + residentId)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/needs")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldShowPrivateActorsAndContactsOnlyToSignedInUsers() {
        assertThat(mvc.get().uri("/api/actors")).bodyJson().extractingPath("$.items[*].name").asArray()
                .containsExactly("Public pharmacy");
        assertThat(mvc.get().uri("/api/actors")).bodyJson().doesNotHavePath("$.items[0].phone");
        assertThat(mvc.get().uri("/api/actors").with(httpBasic("professional", "professional-demo")))
                .bodyJson().extractingPath("$.items[*].name").asArray().containsExactly("Private neighbour", "Public pharmacy");
    }

    @Test
    void shouldKeepResidentsFromProfessionalsAndAnalysts() {
        assertThat(mvc.get().uri("/api/residents/" + residentId).with(httpBasic("professional", "professional-demo")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/residents").with(httpBasic("analyst", "analyst-demo")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/residents/" + residentId).with(httpBasic("coordinator", "coordinator-demo")))
                .hasStatusOk().bodyJson().extractingPath("$.displayName").isEqualTo(NAME);
    }

    @Test
    void shouldKeepResidentsFromCoordinatorsOfOtherNeighbourhoods() {
        CareUser elsewhere = new CareUser("other", "x", List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR")), Set.of("T2"));

        assertThat(mvc.get().uri("/api/residents/" + residentId).with(user(elsewhere))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/residents").with(user(elsewhere))).bodyJson()
                .extractingPath("$.total").isEqualTo(0);
    }

    @Test
    void shouldNotLetAnAnalystWriteAnything() {
        long before = graph.count("MATCH (n) RETURN count(n)");
        String actorJson = """
                {"name": "Analyst's actor", "kind": "SHOP", "lat": 50.88, "lon": 4.32}""";

        assertThat(mvc.post().uri("/api/actors").with(httpBasic("analyst", "analyst-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(actorJson)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/categories").with(httpBasic("analyst", "analyst-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code": "astrology", "sector": "SOCIAL", "labelFr": "a", "labelNl": "b", "labelEn": "c"}"""))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.delete().uri("/api/residents/" + residentId).with(httpBasic("analyst", "analyst-demo")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(graph.count("MATCH (n) RETURN count(n)")).isEqualTo(before);
    }

    @Test
    void shouldRequireSignInForWrites() {
        assertThat(mvc.post().uri("/api/actors").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/actors").with(httpBasic("coordinator", "wrong-password")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldEraseAResidentAndTheirNeeds() {
        graph.run("""
                MATCH (r:Resident {id: $id}), (c:HelpCategory {code: 'shopping'})
                CREATE (r)-[:HAS_NEED]->(:Need {id: 'n1', status: 'OPEN', createdAt: datetime()})-[:FOR]->(c)""",
                Map.of("id", residentId));

        assertThat(mvc.delete().uri("/api/residents/" + residentId).with(httpBasic("coordinator", "coordinator-demo")))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(graph.count("MATCH (n) WHERE n:Resident OR n:Need RETURN count(n)")).isZero();
    }
}
