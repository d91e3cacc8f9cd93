package be.carenetwork.directory;

import java.util.List;

import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static be.carenetwork.support.Fixtures.LAT;
import static be.carenetwork.support.Fixtures.LON;
import static be.carenetwork.support.Fixtures.actor;
import static be.carenetwork.support.Fixtures.north;
import static be.carenetwork.support.Fixtures.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@CareNetworkTest
class ActorApiTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestGraph graph;
    @Autowired Actors actors;
    @Autowired Capacities capacities;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;

    String pharmacy;

    @BeforeEach
    void fixture() {
        graph.clear();
        neighbourhoods.save(List.of(square("T1")), overlap.calculator());
        pharmacy = actors.create(actor("Pharmacie du Centre", ActorKind.ORGANISATION, north(300), LON, Visibility.PUBLIC, List.of("fr"))).id();
        capacities.offer(pharmacy, new Capacities.CapacityData("pharmacy", 2000, null, 5, null));
    }

    @Test
    void shouldAnswerProximitySearchesOrderedWithDistances() {
        assertThat(mvc.get().uri("/api/actors/nearby?lat={lat}&lon={lon}&distance=1000&category=pharmacy", LAT, LON))
                .hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$[0].actor.name", v -> v.assertThat().isEqualTo("Pharmacie du Centre"))
                .hasPathSatisfying("$[0].distanceMetres", v -> v.assertThat().asNumber().satisfies(
                        d -> assertThat(d.intValue()).isBetween(298, 302)));
    }

    @Test
    void shouldFindActorsByTextWithStemming() {
        assertThat(mvc.get().uri("/api/actors/search?q=pharmacies&lang=fr")).hasStatusOk()
                .bodyJson().extractingPath("$[*].id").asArray().containsExactly(pharmacy);
    }

    @Test
    void shouldNameTheParameterWhenALatitudeIsOutOfRange() {
        assertThat(mvc.get().uri("/api/actors/nearby?lat=95&lon=4.3"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("lat");
    }

    @Test
    void shouldRefuseADistanceOverTheCapAndAnUnknownCategory() {
        assertThat(mvc.get().uri("/api/actors/nearby?lat=50.87&lon=4.3&distance=100000"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("distance");
        assertThat(mvc.get().uri("/api/actors/nearby?lat=50.87&lon=4.3&category=astrology"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("category");
    }

    @Test
    void shouldRefuseAPageSizeOverTheCap() {
        assertThat(mvc.get().uri("/api/actors?size=1000"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void shouldNameTheMissingIdIn404() {
        assertThat(mvc.get().uri("/api/actors/no-such-id"))
                .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.detail").asString().contains("no-such-id");
    }

    @Test
    void shouldNameEveryInvalidFieldAndWriteNothing() {
        long before = graph.count("MATCH (a:Actor) RETURN count(a)");

        assertThat(mvc.post().uri("/api/actors").with(httpBasic("professional", "professional-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "", "kind": "SHOP", "lat": 50.88, "lon": 200, "languages": ["French"]}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[*].field").asArray().contains("name", "lon", "languages[0]");
        assertThat(graph.count("MATCH (a:Actor) RETURN count(a)")).isEqualTo(before);
    }

    @Test
    void shouldRefuseInvalidOpeningHoursAndWriteNothing() {
        long before = graph.count("MATCH (a:Actor) RETURN count(a)");

        assertThat(mvc.post().uri("/api/actors").with(httpBasic("professional", "professional-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Shop", "kind": "SHOP", "lat": 50.88, "lon": 4.32, "openingHours": "nine to five"}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("openingHours");
        assertThat(graph.count("MATCH (a:Actor) RETURN count(a)")).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnOversizedBodyWith413() {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        assertThat(mvc.post().uri("/api/actors").with(httpBasic("professional", "professional-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(huge))
                .hasStatus(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Test
    void shouldCreateUpdateAndDeleteAnActor() {
        var created = mvc.post().uri("/api/actors").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Buurthuis", "kind": "ORGANISATION", "lat": %f, "lon": %f, "languages": ["nl"],
                         "openingHours": "Mo-Fr 10:00-18:00"}""".formatted(LAT, LON));
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.neighbourhood").isEqualTo("T1");
        String id = graph.rows("MATCH (a:Actor {name: 'Buurthuis'}) RETURN a.id AS id", java.util.Map.of()).getFirst().get("id").toString();

        assertThat(mvc.put().uri("/api/actors/" + id).with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Buurthuis De Kring", "kind": "ORGANISATION", "lat": %f, "lon": %f}""".formatted(LAT, LON)))
                .hasStatusOk().bodyJson().extractingPath("$.name").isEqualTo("Buurthuis De Kring");
        assertThat(mvc.delete().uri("/api/actors/" + id).with(httpBasic("coordinator", "coordinator-demo")))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/actors/" + id)).hasStatus(HttpStatus.NOT_FOUND);
    }
}
