package be.carenetwork.directory;

import java.util.List;
import java.util.Map;

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
import static be.carenetwork.support.Fixtures.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@CareNetworkTest
class ResidentsAndNeedsApiTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestGraph graph;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;

    @BeforeEach
    void fixture() {
        graph.clear();
        neighbourhoods.save(List.of(square("T1")), overlap.calculator());
    }

    private String createResident() {
        var response = mvc.post().uri("/api/residents").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"displayName": "Mme Janssens", "languages": ["nl", "fr"], "lat": %f, "lon": %f,
                         "consentDate": "2026-10-01", "birthYear": 1938}""".formatted(LAT, LON)).exchange();
        assertThat(response).hasStatus(HttpStatus.CREATED);
        return graph.rows("MATCH (r:Resident) RETURN r.id AS id", Map.of()).getFirst().get("id").toString();
    }

    @Test
    void shouldRegisterAResidentWithABlurredLocationAndAPseudonym() {
        String id = createResident();

        assertThat(mvc.get().uri("/api/residents/" + id).with(httpBasic("coordinator", "coordinator-demo")))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$.neighbourhood", v -> v.assertThat().isEqualTo("T1"))
                .hasPathSatisfying("$.pseudonym", v -> v.assertThat().asString().matches("R-[A-Z0-9]{8}"))
                .hasPathSatisfying("$.blurredLocation.lat", v -> v.assertThat().asNumber()
                        .satisfies(lat -> assertThat(lat.doubleValue()).isNotEqualTo(LAT)));
    }

    @Test
    void shouldRegisterANeedAtTheResidentsHome() {
        String resident = createResident();

        assertThat(mvc.post().uri("/api/needs").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"residentId": "%s", "category": "shopping", "description": "Groceries on Tuesdays",
                         "neededAt": "Tu 10:00-12:00", "language": "nl"}""".formatted(resident)))
                .hasStatus(HttpStatus.CREATED).bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("OPEN"))
                .hasPathSatisfying("$.neighbourhood", v -> v.assertThat().isEqualTo("T1"))
                .hasPathSatisfying("$.maxDistanceMetres", v -> v.assertThat().isEqualTo(Needs.DEFAULT_MAX_DISTANCE));
        assertThat(mvc.get().uri("/api/needs?neighbourhood=T1&status=OPEN").with(httpBasic("coordinator", "coordinator-demo")))
                .hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(1);
    }

    @Test
    void shouldRefuseANeedWithAnUnknownCategoryOrNoPlaceAndWriteNothing() {
        assertThat(mvc.post().uri("/api/needs").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"category": "astrology", "lat": 50.87, "lon": 4.32}"""))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("category");
        assertThat(mvc.post().uri("/api/needs").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"category": "shopping"}"""))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lat");
        assertThat(graph.count("MATCH (n:Need) RETURN count(n)")).isZero();
    }

    @Test
    void shouldOfferACapacityAndLabelItsOwner() {
        String resident = createResident();

        assertThat(mvc.post().uri("/api/capacities").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"ownerId": "%s", "category": "company_visits", "radiusMetres": 800, "availability": "Sa 14:00-17:00",
                         "maxActive": 2}""".formatted(resident)))
                .hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.ownerKind").isEqualTo("Resident");
        assertThat(graph.count("MATCH (r:Resident:Offers_company_visits)-[o:OFFERS]->() WHERE size(o.availabilitySlots) = 6 RETURN count(r)"))
                .isEqualTo(1);
    }

    @Test
    void shouldKeepAResidentsCapacitiesFromProfessionals() {
        String resident = createResident();
        mvc.post().uri("/api/capacities").with(httpBasic("coordinator", "coordinator-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"ownerId": "%s", "category": "shopping", "radiusMetres": 800, "maxActive": 1}""".formatted(resident)).exchange();

        assertThat(mvc.get().uri("/api/capacities?ownerId=" + resident).with(httpBasic("professional", "professional-demo")))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}
