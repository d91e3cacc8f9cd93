package be.carenetwork.map;

import java.util.List;

import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.Residents;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CareNetworkTest
class GeoApiTests {

    @Autowired MockMvc mvc;
    @org.springframework.boot.test.web.server.LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired TestGraph graph;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;
    @Autowired Actors actors;
    @Autowired Capacities capacities;
    @Autowired Residents residents;

    MapFixture f;

    @BeforeEach
    void fixture() {
        f = MapFixture.build(graph, neighbourhoods, overlap, actors, capacities, residents);
    }

    private JsonNode geo(String url) throws Exception {
        MvcResult result = mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/geo+json")).andReturn();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private static List<String> names(JsonNode collection) {
        return collection.get("features").valueStream().map(f -> f.get("properties").get("name").asString()).sorted().toList();
    }

    @Test
    void shouldServePublicActorsAsAFeatureCollectionWithRoundedPoints() throws Exception {
        JsonNode collection = geo("/api/geo/actors?neighbourhood=JET-GARE");

        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(names(collection)).containsExactly(MapFixture.XSS_NAME, "Centre Le Pont", "Pharmacie du Centre", "School De Linde");
        JsonNode pharmacy = collection.get("features").valueStream().filter(x -> x.get("id").asString().equals(f.pharmacy)).findFirst().orElseThrow();
        assertThat(pharmacy.get("geometry").get("type").asString()).isEqualTo("Point");
        for (JsonNode c : pharmacy.get("geometry").get("coordinates")) {
            assertThat(c.asString().replaceAll("^-?\\d+\\.?", "")).hasSizeLessThanOrEqualTo(6);
        }
        assertThat(pharmacy.get("properties").get("categories").get(0).asString()).isEqualTo("pharmacy");
        assertThat(pharmacy.get("properties").get("open").asBoolean()).isTrue();
    }

    @Test
    void shouldServeWhatTheGraphHoldsNowAfterAChange() throws Exception {
        assertThat(names(geo("/api/geo/actors?neighbourhood=JET-GARE"))).contains("Pharmacie du Centre");
        assertThat(names(geo("/api/geo/actors?neighbourhood=JET-GARE"))).contains("Pharmacie du Centre");

        actors.delete(f.pharmacy);

        // The body kept for the same request is not served once the graph has changed.
        assertThat(names(geo("/api/geo/actors?neighbourhood=JET-GARE"))).doesNotContain("Pharmacie du Centre");
    }

    @Test
    void shouldShowPrivateActorsToSignedInUsersOnly() throws Exception {
        MvcResult signedIn = mvc.perform(get("/api/geo/actors").with(httpBasic("professional", "professional-demo")))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-cache, private")).andReturn();

        assertThat(names(json.readTree(signedIn.getResponse().getContentAsByteArray()))).contains("Marie N. (private neighbour)");
        assertThat(names(geo("/api/geo/actors"))).doesNotContain("Marie N. (private neighbour)");
        mvc.perform(get("/api/geo/actors/" + f.privateNeighbour)).andExpect(status().isNotFound());
    }

    @Test
    void shouldHideContactDetailsThatAreNotPublic() throws Exception {
        JsonNode school = geo("/api/geo/actors/" + f.school).get("properties");
        JsonNode pharmacy = geo("/api/geo/actors/" + f.pharmacy).get("properties");

        assertThat(school.has("phone")).isFalse();
        assertThat(school.has("email")).isFalse();
        assertThat(pharmacy.get("phone").asString()).isEqualTo("+32 2 111 11 11");
        assertThat(pharmacy.get("website").asString()).isEqualTo("https://example.org/pharmacy");
    }

    @Test
    void shouldNeverPutResidentsInAnyPublicGeoJson() throws Exception {
        f.meetingToday(graph);
        String all = String.join("\n",
                mvc.perform(get("/api/geo/actors")).andReturn().getResponse().getContentAsString(),
                mvc.perform(get("/api/geo/actors?category=shopping")).andReturn().getResponse().getContentAsString(),
                mvc.perform(get("/api/geo/neighbourhoods")).andReturn().getResponse().getContentAsString(),
                mvc.perform(get("/api/geo/meetings/JET-GARE")).andReturn().getResponse().getContentAsString(),
                mvc.perform(get("/api/geo/actors/" + f.pharmacy)).andReturn().getResponse().getContentAsString());

        assertThat(all).contains("Pharmacie du Centre")
                .doesNotContain(f.resident, MapFixture.RESIDENT_NAME, MapFixture.RESIDENT_PHONE, MapFixture.RESIDENT_PSEUDONYM, "zyxwv");
        mvc.perform(get("/api/geo/actors/" + f.resident)).andExpect(status().isNotFound());
    }

    @Test
    void shouldIncludeNarrowerCategoriesWhenFilteringByABroadOne() throws Exception {
        assertThat(names(geo("/api/geo/actors?category=health_care"))).containsExactly("Centre Le Pont", "Pharmacie du Centre");
        assertThat(names(geo("/api/geo/actors?category=pharmacy,homework_support"))).containsExactly("Pharmacie du Centre", "School De Linde");
    }

    @Test
    void shouldFilterByKindLanguageTargetGroupWheelchairAndName() throws Exception {
        assertThat(names(geo("/api/geo/actors?kind=SCHOOL"))).containsExactly("School De Linde");
        assertThat(names(geo("/api/geo/actors?formal=false"))).isEmpty();
        assertThat(names(geo("/api/geo/actors?language=en"))).containsExactly("Centre Le Pont");
        assertThat(names(geo("/api/geo/actors?targetGroup=children"))).containsExactly("School De Linde");
        assertThat(names(geo("/api/geo/actors?wheelchair=yes"))).containsExactly("Pharmacie du Centre");
        assertThat(names(geo("/api/geo/actors?wheelchair=limited"))).containsExactly("Centre Le Pont", "Pharmacie du Centre");
        assertThat(names(geo("/api/geo/actors?q=PHARMA"))).containsExactly("Pharmacie du Centre");
    }

    @Test
    void shouldKeepOnlyActorsOpenNowAndLeaveOutUnknownHours() throws Exception {
        assertThat(names(geo("/api/geo/actors?openNow=true"))).containsExactly("Pharmacie du Centre");
    }

    @Test
    void shouldKeepOnlyActorsInsideTheBoundingBox() throws Exception {
        // The pharmacy is 100 m north of the centre on its meridian; the others are east, west or south of it.
        String box = (be.carenetwork.support.Fixtures.LON - 0.001) + "," + be.carenetwork.support.Fixtures.LAT + ","
                + (be.carenetwork.support.Fixtures.LON + 0.001) + "," + (be.carenetwork.support.Fixtures.LAT + 0.002);
        assertThat(names(geo("/api/geo/actors?bbox=" + box))).containsExactly("Pharmacie du Centre");
        assertThat(names(geo("/api/geo/actors?neighbourhood=JET-GARE&bbox=" + box))).containsExactly("Pharmacie du Centre");
    }

    @Test
    void shouldRefuseABadParameterNamingIt() throws Exception {
        mvc.perform(get("/api/geo/actors?bbox=4.3,50.9,4.2")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bbox"));
        mvc.perform(get("/api/geo/actors?language=french")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        mvc.perform(get("/api/geo/actors?category=no_such_help")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        mvc.perform(get("/api/geo/actors?neighbourhood=NOWHERE")).andExpect(status().isNotFound());
    }

    @Test
    void shouldServeBoundariesWithFiveDecimalsAndTheActorsEachReaderSees() throws Exception {
        JsonNode collection = geo("/api/geo/neighbourhoods");
        JsonNode feature = collection.get("features").get(0);

        assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(feature.get("properties").get("code").asString()).isEqualTo("JET-GARE");
        assertThat(feature.get("properties").get("actors").asInt()).isEqualTo(4);
        for (JsonNode position : feature.get("geometry").get("coordinates").get(0)) {
            assertThat(position.get(0).asString().replaceAll("^-?\\d+\\.?", "")).hasSizeLessThanOrEqualTo(5);
        }
    }

    @Test
    void shouldAnswerNotModifiedWhenTheETagStillMatches() throws Exception {
        MvcResult first = mvc.perform(get("/api/geo/actors?neighbourhood=JET-GARE")).andExpect(status().isOk()).andReturn();
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(first.getResponse().getHeader("Cache-Control")).contains("public", "must-revalidate");

        mvc.perform(get("/api/geo/actors?neighbourhood=JET-GARE").header("If-None-Match", etag))
                .andExpect(status().isNotModified());
        actors.delete(f.school);
        mvc.perform(get("/api/geo/actors?neighbourhood=JET-GARE").header("If-None-Match", etag))
                .andExpect(status().isOk());
    }

    @Test
    void shouldGzipOnTheRealServerWhenTheClientAcceptsIt() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/geo/neighbourhoods"))
                .header("Accept-Encoding", "gzip, deflate").build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body())).readAllBytes();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        assertThat(response.headers().firstValue("ETag").orElseThrow()).endsWith("-gzip\"");
        assertThat(json.readTree(body).get("type").asString()).isEqualTo("FeatureCollection");
    }

    @Test
    void shouldLetAnyOriginReadWithoutCredentials() throws Exception {
        mvc.perform(get("/api/geo/actors").header("Origin", "https://partner.example.com"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Credentials"));
    }

    @Test
    void shouldShowTodaysMeetingAttendeesAndWhoKnowsWhom() throws Exception {
        f.meetingToday(graph);

        JsonNode anonymous = geo("/api/geo/meetings/JET-GARE");
        assertThat(anonymous.get("meeting").get("id").asString()).isEqualTo("m1");
        assertThat(anonymous.get("meeting").has("title")).isFalse();
        assertThat(anonymous.get("attendees").valueStream().map(JsonNode::asString).toList()).containsExactlyInAnyOrder(f.pharmacy, f.school);
        assertThat(anonymous.get("features")).hasSize(1);
        assertThat(anonymous.get("features").get(0).get("geometry").get("type").asString()).isEqualTo("LineString");

        MvcResult signedIn = mvc.perform(get("/api/geo/meetings/JET-GARE").with(httpBasic("coordinator", "coordinator-demo"))).andReturn();
        JsonNode all = json.readTree(signedIn.getResponse().getContentAsByteArray());
        assertThat(all.get("attendees")).hasSize(3);
        assertThat(all.get("features")).hasSize(2);
        assertThat(all.get("meeting").get("title").asString()).isEqualTo("Buurtoverleg");
    }

    @Test
    void shouldSayWhenNoMeetingWasHeldThatDay() throws Exception {
        f.meetingToday(graph);
        JsonNode other = geo("/api/geo/meetings/JET-GARE?date=2020-01-01");

        assertThat(other.get("meeting").isNull()).isTrue();
        assertThat(other.get("attendees")).isEmpty();
        assertThat(other.get("nextMeeting").asString()).isEqualTo(java.time.LocalDate.now(ActorFeatures.BRUSSELS).toString());
    }

    @Test
    void shouldListWhomAnActorRefersToThatTheReaderMaySee() throws Exception {
        f.meetingToday(graph);
        JsonNode refers = geo("/api/geo/actors/" + f.pharmacy).get("properties").get("refersTo");

        assertThat(refers).hasSize(1);
        assertThat(refers.get(0).get("name").asString()).isEqualTo("Centre Le Pont");
        assertThat(refers.get(0).get("categories").get(0).asString()).isEqualTo("mental_health");
    }

    @Test
    void shouldShadeCoverageFromResidentsWithinWalkingDistanceForSignedInUsersOnly() throws Exception {
        mvc.perform(get("/api/geo/coverage?category=pharmacy")).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/geo/coverage?category=health_care").with(httpBasic("analyst", "analyst-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.radiusMetres").value(800))
                .andExpect(jsonPath("$.includes[0]").value("health_care"))
                .andExpect(jsonPath("$.neighbourhoods[0].code").value("JET-GARE"))
                .andExpect(jsonPath("$.neighbourhoods[0].residents").value(1))
                .andExpect(jsonPath("$.neighbourhoods[0].coveredResidents").value(1))
                .andExpect(jsonPath("$.neighbourhoods[0].coveredShare").value(1.0))
                .andExpect(jsonPath("$.neighbourhoods[0].ownersNearCentroid").value(2));
        mvc.perform(get("/api/geo/coverage?category=dental_care").with(httpBasic("analyst", "analyst-demo")))
                .andExpect(jsonPath("$.neighbourhoods[0].coveredShare").value(0.0))
                .andExpect(jsonPath("$.neighbourhoods[0].ownersNearCentroid").value(0));
    }
}
