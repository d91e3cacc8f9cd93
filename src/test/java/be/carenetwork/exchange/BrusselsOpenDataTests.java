package be.carenetwork.exchange;

import java.util.List;
import java.util.Map;

import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static be.carenetwork.exchange.ExchangeFixtures.shared;
import static be.carenetwork.exchange.ExchangeFixtures.sharedDataPresent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real Brussels files in ../shared/data (present in CI); skipped where they are not. */
@CareNetworkTest
class BrusselsOpenDataTests {

    static final String QUARTERS = "brussels-neighbourhoods/monitoring_quartiers_145.geojson";
    static final String MUNICIPALITIES = "brussels-neighbourhoods/brussels_municipalities_19.geojson";
    static final String HEALTH_SOCIAL = "brussels-osm-poi/brussels_osm_health_social_poi.geojson";

    @Autowired TestGraph graph;
    @Autowired Imports imports;
    @Autowired ObjectMapper json;

    @BeforeEach
    void clear() {
        assumeTrue(sharedDataPresent(QUARTERS) && sharedDataPresent(MUNICIPALITIES), "../shared/data is not here");
        graph.clear();
    }

    void importBoundaries() {
        imports.municipalities(shared(MUNICIPALITIES),
                new BoundaryOptions("NAT_CODE", "NAME_FRE", "NAME_DUT", null, null, "Brussels UrbIS - Distribution & Copyright Paradigm"),
                ImportProgress.NONE);
        imports.neighbourhoods(shared(QUARTERS), BoundaryOptions.of("mdrc"), ImportProgress.NONE);
    }

    @Test
    void shouldImport145QuartersOver19MunicipalitiesWith48SpanningMoreThanOne() {
        imports.municipalities(shared(MUNICIPALITIES),
                new BoundaryOptions("NAT_CODE", "NAME_FRE", "NAME_DUT", null, null, null), ImportProgress.NONE);
        ImportSummary quarters = imports.neighbourhoods(shared(QUARTERS), BoundaryOptions.of("mdrc"), ImportProgress.NONE);

        assertThat(quarters.created()).isEqualTo(145);
        assertThat(graph.count("MATCH (m:Municipality) RETURN count(m)")).isEqualTo(19);
        assertThat(graph.count("MATCH (n:Neighbourhood) WHERE n.centroid IS NOT NULL RETURN count(n)")).isEqualTo(145);
        assertThat(graph.count("""
                MATCH (n:Neighbourhood) WHERE COUNT { (n)-[:IN_MUNICIPALITY]->() } > 1 RETURN count(n)""")).isEqualTo(48);
        assertThat(graph.count("MATCH (n:Neighbourhood) WHERE NOT (n)-[:IN_MUNICIPALITY]->() RETURN count(n)")).isZero();
        assertThat(quarters.notes()).containsEntry("spanning more than one municipality", 48);
    }

    @Test
    void shouldLinkEveryQuarterToTheMunicipalitiesTheSourceComputed() {
        importBoundaries();
        JsonNode features = json.readTree(shared(QUARTERS).text()).get("features");
        int agree = 0;
        for (JsonNode feature : features) {
            JsonNode props = feature.get("properties");
            List<String> expected = new java.util.ArrayList<>();
            props.get("derived_municipalities_nis").forEach(code -> expected.add(code.asString()));
            List<String> linked = graph.rows("""
                            MATCH (:Neighbourhood {code: $code})-[:IN_MUNICIPALITY]->(m) RETURN m.code AS code ORDER BY code""",
                            Map.of("code", props.get("mdrc").asString())).stream().map(r -> (String) r.get("code")).toList();
            if (linked.equals(expected.stream().sorted().toList())) {
                agree++;
            }
        }
        assertThat(agree).isEqualTo(145);
    }

    @Test
    void shouldUpdateTheQuartersInPlaceWhenImportedAgain() {
        importBoundaries();

        ImportSummary again = imports.neighbourhoods(shared(QUARTERS), BoundaryOptions.of("mdrc"), ImportProgress.NONE);

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(145);
        assertThat(graph.count("MATCH (n:Neighbourhood) RETURN count(n)")).isEqualTo(145);
    }

    @Test
    void shouldImportAllHealthAndSocialPlacesInTheQuarterTheSourceSays() {
        assumeTrue(sharedDataPresent(HEALTH_SOCIAL), "../shared/data/brussels-osm-poi is not here");
        importBoundaries();

        ImportSummary summary = imports.actors(shared(HEALTH_SOCIAL), ActorOptions.openStreetMap(), ImportProgress.NONE);

        assertThat(summary.read()).isEqualTo(2011);
        assertThat(summary.created()).isEqualTo(2011);
        assertThat(summary.rejected()).isZero();
        assertThat(graph.count("MATCH (a:Actor) RETURN count(a)")).isEqualTo(2011);
        JsonNode features = json.readTree(shared(HEALTH_SOCIAL).text()).get("features");
        int withQuarter = 0;
        int agree = 0;
        int outside = 0;
        Map<String, String> placed = new java.util.HashMap<>();
        graph.rows("MATCH (a:Actor) OPTIONAL MATCH (a)-[:LOCATED_IN]->(n) RETURN a.id AS id, n.code AS code", Map.of())
                .forEach(row -> placed.put((String) row.get("id"), (String) row.get("code")));
        for (JsonNode feature : features) {
            JsonNode mdrc = feature.get("properties").get("_mdrc");
            String code = placed.get("osm:tile/" + feature.get("properties").get("_tile_fid").asString());
            if (mdrc == null || mdrc.isNull()) {
                outside += code == null ? 1 : 0;
                continue;
            }
            withQuarter++;
            if (mdrc.asString().equals(code)) {
                agree++;
            }
        }
        assertThat(withQuarter).isEqualTo(2011 - 45);
        assertThat((double) agree / withQuarter).isGreaterThanOrEqualTo(0.99);
        assertThat(outside).isEqualTo(45);
        assertThat(summary.notes()).containsEntry(ActorChecks.OUTSIDE, 45);
        assertThat(graph.count("MATCH (a:Actor) WHERE a.outsideNeighbourhoods RETURN count(a)")).isEqualTo(45);
        assertThat(graph.count("MATCH (a:Actor:Offers_pharmacy) RETURN count(a)")).isEqualTo(426);
    }
}
