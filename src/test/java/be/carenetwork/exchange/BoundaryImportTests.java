package be.carenetwork.exchange;

import java.util.Map;

import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static be.carenetwork.exchange.ExchangeFixtures.collection;
import static be.carenetwork.exchange.ExchangeFixtures.feature;
import static be.carenetwork.exchange.ExchangeFixtures.file;
import static be.carenetwork.exchange.ExchangeFixtures.square;
import static be.carenetwork.exchange.ExchangeFixtures.twoMunicipalities;
import static be.carenetwork.exchange.ExchangeFixtures.twoNeighbourhoods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@CareNetworkTest
class BoundaryImportTests {

    @Autowired TestGraph graph;
    @Autowired Imports imports;
    @Autowired Neighbourhoods neighbourhoods;

    static final BoundaryOptions MUNICIPALITIES = BoundaryOptions.of("nis");
    static final BoundaryOptions NEIGHBOURHOODS = BoundaryOptions.of("code");

    @BeforeEach
    void clear() {
        graph.clear();
    }

    long nodesAndRelationships() {
        return graph.count("MATCH (n) RETURN count(n)") + graph.count("MATCH ()-[r]->() RETURN count(r)");
    }

    @Test
    void shouldLinkEachNeighbourhoodToTheMunicipalitiesItOverlaps() {
        imports.municipalities(file("m.geojson", twoMunicipalities()), MUNICIPALITIES, ImportProgress.NONE);

        ImportSummary summary = imports.neighbourhoods(file("n.geojson", twoNeighbourhoods()), NEIGHBOURHOODS, ImportProgress.NONE);

        assertThat(summary.created()).isEqualTo(2);
        assertThat(summary.notes()).containsEntry("spanning more than one municipality", 1);
        var a2 = neighbourhoods.get("A2");
        assertThat(a2.nameFr()).isEqualTo("Quartier Deux");
        assertThat(a2.nameNl()).isEqualTo("Wijk Twee");
        assertThat(a2.municipalities()).extracting(m -> m.code()).containsExactlyInAnyOrder("21901", "21902");
        assertThat(a2.municipalities().getFirst().share()).isCloseTo(0.5, within(0.01));
        assertThat(a2.centroid().lon()).isCloseTo(4.315, within(0.0001));
        assertThat(neighbourhoods.get("A1").municipalities()).extracting(m -> m.code()).containsExactly("21901");
    }

    @Test
    void shouldUpdateInPlaceWhenTheSameFileIsImportedAgain() {
        imports.neighbourhoods(file("n.geojson", twoNeighbourhoods()), NEIGHBOURHOODS, ImportProgress.NONE);
        String id = neighbourhoods.get("A1").id();

        ImportSummary again = imports.neighbourhoods(file("n.geojson", twoNeighbourhoods().replace("Quartier Un", "Quartier 1")),
                NEIGHBOURHOODS, ImportProgress.NONE);

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(2);
        assertThat(graph.count("MATCH (n:Neighbourhood) RETURN count(n)")).isEqualTo(2);
        assertThat(neighbourhoods.get("A1").id()).isEqualTo(id);
        assertThat(neighbourhoods.get("A1").nameFr()).isEqualTo("Quartier 1");
    }

    @Test
    void shouldLinkNeighbourhoodsImportedBeforeTheirMunicipalities() {
        ImportSummary first = imports.neighbourhoods(file("n.geojson", twoNeighbourhoods()), NEIGHBOURHOODS, ImportProgress.NONE);
        assertThat(first.notes().keySet()).anyMatch(note -> note.startsWith("no municipalities"));

        ImportSummary municipalities = imports.municipalities(file("m.geojson", twoMunicipalities()), MUNICIPALITIES, ImportProgress.NONE);

        assertThat(municipalities.notes()).containsEntry("neighbourhoods linked again to the municipalities they overlap", 2);
        assertThat(neighbourhoods.get("A2").municipalities()).hasSize(2);
    }

    @Test
    void shouldConvertLambert72DeclaredInTheFile() {
        String lambert = """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::31370"}},
                 "features":[{"type":"Feature","properties":{"code":"L1","name_nl":"Lambertwijk"},
                   "geometry":{"type":"Polygon","coordinates":[[[146000,174000],[147000,174000],[147000,175000],[146000,175000],[146000,174000]]]}}]}""";

        imports.neighbourhoods(file("lambert.geojson", lambert), NEIGHBOURHOODS, ImportProgress.NONE);

        var l1 = neighbourhoods.get("L1");
        assertThat(l1.nameFr()).isEqualTo("Lambertwijk");
        assertThat(l1.centroid().lon()).isCloseTo(4.315, within(0.01));
        assertThat(l1.centroid().lat()).isCloseTo(50.877, within(0.01));
        assertThat(l1.areaKm2()).isCloseTo(1.0, within(0.01));
    }

    @Test
    void shouldConvertLambert72GivenAsAnOption() {
        String lambert = collection(feature("{\"code\":\"L2\",\"name_fr\":\"Lambert\"}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[146000,174000],[147000,174000],[147000,175000],[146000,175000],[146000,174000]]]}"));

        imports.neighbourhoods(file("lambert.geojson", lambert),
                new BoundaryOptions("code", "name_fr", "name_nl", null, Crs.LAMBERT72, "Test attribution"), ImportProgress.NONE);

        assertThat(neighbourhoods.get("L2").centroid().lat()).isCloseTo(50.877, within(0.01));
        assertThat(graph.rows("MATCH (n:Neighbourhood {code: 'L2'}) RETURN n.attribution AS a", Map.of()).getFirst())
                .containsEntry("a", "Test attribution");
    }

    @Test
    void shouldRefuseSelfIntersectingGeometryByFeatureNumberAndWriteNothing() {
        imports.neighbourhoods(file("n.geojson", twoNeighbourhoods()), NEIGHBOURHOODS, ImportProgress.NONE);
        long before = nodesAndRelationships();
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[4.30,50.87],[4.31,50.88],[4.31,50.87],[4.30,50.88],[4.30,50.87]]]}";
        String file = collection(
                feature("{\"code\":\"B1\",\"name_fr\":\"Bon\",\"name_nl\":\"Goed\"}", square(4.33, 50.87, 0.01)),
                feature("{\"code\":\"B2\",\"name_fr\":\"Noeud\",\"name_nl\":\"Knoop\"}", bowtie));

        assertThatThrownBy(() -> imports.neighbourhoods(file("bad.geojson", file), NEIGHBOURHOODS, ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().getFirst().where()).isEqualTo("feature 2 (line 3)");
                    assertThat(e.problems().getFirst().reason()).contains("Self-intersection");
                });
        assertThat(nodesAndRelationships()).isEqualTo(before);
        assertThat(graph.count("MATCH (n:Neighbourhood {code: 'B1'}) RETURN count(n)")).isZero();
    }

    @Test
    void shouldListEveryBadFeatureWithItsReason() {
        String file = collection(
                feature("{\"name_fr\":\"Sans code\"}", square(4.30, 50.87, 0.01)),
                feature("{\"code\":\"C2\"}", square(4.31, 50.87, 0.01)),
                feature("{\"code\":\"C3\",\"name_fr\":\"Point\"}", "{\"type\":\"Point\",\"coordinates\":[4.3,50.8]}"),
                feature("{\"code\":\"C4\",\"name_fr\":\"Loin\"}", square(4.30, 95, 0.01)),
                feature("{\"code\":\"C5\",\"name_fr\":\"Sans forme\"}", "null"),
                feature("{\"code\":\"C5\",\"name_fr\":\"Double\"}", square(4.32, 50.87, 0.01)));

        assertThatThrownBy(() -> imports.neighbourhoods(file("bad.geojson", file), NEIGHBOURHOODS, ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::toString)
                        .containsExactly(
                                "feature 1 (line 2): has no code: the property 'code' is missing or empty",
                                "feature 2 (line 3): has no name: the properties 'name_fr' and 'name_nl' are missing or empty",
                                "feature 3 (line 4): geometry must be a Polygon or MultiPolygon, was Point",
                                "feature 4 (line 5): geometry has the position [4.3, 95.0], outside longitude -180..180 / latitude -90..90",
                                "feature 5 (line 6): has no geometry"));
        assertThat(graph.count("MATCH (n:Neighbourhood) RETURN count(n)")).isZero();
    }

    @Test
    void shouldRefuseADuplicateCode() {
        String file = collection(
                feature("{\"code\":\"D1\",\"name_fr\":\"Un\"}", square(4.30, 50.87, 0.01)),
                feature("{\"code\":\"D1\",\"name_fr\":\"Deux\"}", square(4.31, 50.87, 0.01)));

        assertThatThrownBy(() -> imports.neighbourhoods(file("dup.geojson", file), NEIGHBOURHOODS, ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst().toString())
                        .isEqualTo("feature 2 (line 3): the code 'D1' is already used by feature 1"));
    }

    @Test
    void shouldRefuseMalformedJsonWithItsLine() {
        String broken = "{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",\"properties\":{\"code\":\"X\"},,}]}";

        assertThatThrownBy(() -> imports.neighbourhoods(file("broken.geojson", broken), NEIGHBOURHOODS, ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.problems().getFirst().where()).startsWith("line 3, column");
                    assertThat(e.problems().getFirst().reason()).startsWith("is not valid JSON");
                });
    }

    @Test
    void shouldRefuseLambertCoordinatesReadAsWgs84AndAnUnsupportedCrs() {
        String lambert = collection(feature("{\"code\":\"L3\",\"name_fr\":\"L\"}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[146000,174000],[147000,174000],[147000,175000],[146000,175000],[146000,174000]]]}"));
        assertThatThrownBy(() -> imports.neighbourhoods(file("l.geojson", lambert), NEIGHBOURHOODS, ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst().reason())
                        .contains("not WGS84 longitude/latitude").contains("EPSG:31370"));

        String mercator = twoNeighbourhoods().replaceFirst("\\{\"type\":\"FeatureCollection\",",
                "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}},");
        assertThatThrownBy(() -> imports.neighbourhoods(file("m.geojson", mercator), NEIGHBOURHOODS, ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst().toString())
                        .isEqualTo("file: declares the CRS 'EPSG:3857', which is not supported: use EPSG:4326 (WGS84 longitude/latitude) or EPSG:31370 (Belgian Lambert 72)"));

        assertThatThrownBy(() -> imports.neighbourhoods(file("n.geojson", twoNeighbourhoods()),
                new BoundaryOptions("code", "name_fr", "name_nl", null, Crs.LAMBERT72, null), ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst().reason())
                        .contains("wrong CRS"));
        assertThat(graph.count("MATCH (n:Neighbourhood) RETURN count(n)")).isZero();
    }

    @Test
    void shouldRefuseAFileThatIsNotAFeatureCollection() {
        assertThatThrownBy(() -> imports.neighbourhoods(file("p.geojson", "{\"type\":\"Point\",\"coordinates\":[4,50]}"),
                NEIGHBOURHOODS, ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst().toString())
                        .isEqualTo("file: is not a GeoJSON FeatureCollection (its type is 'Point')"));
    }

    @Test
    void shouldReadTheNameFromOnePropertyForBothLanguages() {
        String file = collection(feature("{\"wijk_code\":\"41002W01\",\"name\":\"Centrum\"}", square(4.03, 50.93, 0.01)));

        imports.neighbourhoods(file("wijken.geojson", file), new BoundaryOptions("wijk_code", "name", "name", null, null, null),
                ImportProgress.NONE);

        assertThat(neighbourhoods.get("41002W01").nameFr()).isEqualTo("Centrum");
        assertThat(neighbourhoods.get("41002W01").nameNl()).isEqualTo("Centrum");
    }

    @Test
    void shouldRefuseAFileOverTheCap() {
        assertThatThrownBy(() -> SourceFile.read("big.geojson", new java.io.ByteArrayInputStream(new byte[2048]), -1, 1024))
                .isInstanceOf(FileTooLargeException.class).hasMessageContaining("1024");
        assertThatThrownBy(() -> SourceFile.read("big.geojson", new java.io.ByteArrayInputStream(new byte[0]), 4096, 1024))
                .isInstanceOf(FileTooLargeException.class).hasMessageContaining("4096");
    }
}
