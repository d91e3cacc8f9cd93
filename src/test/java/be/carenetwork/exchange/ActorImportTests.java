package be.carenetwork.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.Actor;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.Fixtures;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static be.carenetwork.exchange.ExchangeFixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@CareNetworkTest
class ActorImportTests {

    @Autowired TestGraph graph;
    @Autowired Imports imports;
    @Autowired Actors actors;
    @Autowired Capacities capacities;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;

    @BeforeEach
    void fixture() {
        graph.clear();
        neighbourhoods.save(List.of(Fixtures.square("T1")), overlap.calculator());
    }

    static SourceFile resource(String name) throws IOException {
        return new SourceFile(name, Files.readAllBytes(Path.of("src/test/resources/exchange", name)));
    }

    long nodesAndRelationships() {
        return graph.count("MATCH (n) RETURN count(n)") + graph.count("MATCH ()-[r]->() RETURN count(r)")
                + graph.count("MATCH (n) UNWIND labels(n) AS l RETURN count(l)");
    }

    ImportSummary osm(SourceFile file) {
        return imports.actors(file, ActorOptions.openStreetMap(), ImportProgress.NONE);
    }

    @Test
    void shouldMapOpenStreetMapTagsToKindCategoriesContactsAndAddress() throws IOException {
        ImportSummary summary = osm(resource("osm-places.geojson"));

        assertThat(summary.read()).isEqualTo(5);
        assertThat(summary.created()).isEqualTo(5);
        Actor pharmacy = actors.get("osm:node/101", true);
        assertThat(pharmacy.name()).isEqualTo("Pharmacie du Parc");
        assertThat(pharmacy.kind()).isEqualTo(ActorKind.ORGANISATION);
        assertThat(pharmacy.offers()).containsExactly("pharmacy");
        assertThat(pharmacy.openingHours()).isEqualTo("Mo-Fr 09:00-18:30; Sa 09:00-12:00");
        assertThat(pharmacy.wheelchair()).isEqualTo("YES");
        assertThat(pharmacy.phone()).isEqualTo("+32 2 111 11 11");
        assertThat(pharmacy.website()).isEqualTo("https://www.pharmacie-du-parc.example");
        assertThat(pharmacy.address()).isEqualTo("Rue du Parc 3, 1090 Jette");
        assertThat(pharmacy.contactPublic()).isTrue();
        assertThat(pharmacy.neighbourhood()).isEqualTo("T1");
        assertThat(pharmacy.location().lon()).isCloseTo(4.315, within(1e-9));
        var stored = graph.rows("""
                MATCH (a:Actor:Offers_pharmacy {id: 'osm:node/101'})-[o:OFFERS]->(:HelpCategory {code: 'pharmacy'})
                MATCH (d:DataSource {name: a.source})
                RETURN a.nameFr AS fr, a.nameNl AS nl, a.source AS source, d.attribution AS attribution, a.hsdsId AS hsdsId,
                       size(a.openSlots) AS slots, o.id AS capacity, o.radiusMetres AS radius, o.availability AS availability,
                       size(o.availabilitySlots) AS availabilitySlots, o.maxActive AS maxActive""", Map.of()).getFirst();
        assertThat(stored).containsEntry("fr", "Pharmacie du Parc").containsEntry("nl", "Apotheek van het Park")
                .containsEntry("source", "osm").containsEntry("attribution", "© OpenStreetMap contributors, ODbL 1.0")
                .containsEntry("hsdsId", ImportedActors.hsdsIdOf("osm:node/101"))
                .containsEntry("slots", 5L * 19 + 6).containsEntry("capacity", "osm:node/101#pharmacy")
                .containsEntry("radius", 3000L).containsEntry("availability", "Mo-Fr 09:00-18:30; Sa 09:00-12:00")
                .containsEntry("availabilitySlots", 5L * 19 + 6).containsEntry("maxActive", 10L);

        Actor centre = actors.get("osm:node/102", true);
        assertThat(centre.offers()).containsExactly("community_activities", "social_contact");
        assertThat(centre.languages()).containsExactly("fr", "nl", "ar");
        assertThat(centre.targetGroups()).containsExactly("older people", "children");
        assertThat(centre.email()).isEqualTo("miroir@example.org");
    }

    @Test
    void shouldKeepOpeningHoursItCannotParseAsTextWithoutSlots() throws IOException {
        ImportSummary summary = osm(resource("osm-places.geojson"));

        Actor dentist = actors.get("osm:node/103", true);
        assertThat(dentist.name()).isEqualTo("Dentiste / Tandarts");
        assertThat(dentist.kind()).isEqualTo(ActorKind.PROFESSIONAL);
        assertThat(dentist.openingHours()).isEqualTo("sometimes in the morning");
        assertThat(dentist.wheelchair()).isEqualTo("LIMITED");
        assertThat(graph.count("MATCH (a:Actor {id: 'osm:node/103'}) WHERE a.openSlots IS NULL RETURN count(a)")).isOne();
        assertThat(graph.count("MATCH (a:Actor {id: 'osm:node/103'})-[o:OFFERS]->() WHERE o.availability IS NULL RETURN count(o)")).isOne();
        assertThat(summary.notes()).containsEntry(ActorChecks.OPENING_HOURS_NOT_UNDERSTOOD, 1);
    }

    @Test
    void shouldImportAndFlagPointsOutsideEveryNeighbourhood() throws IOException {
        ImportSummary summary = osm(resource("osm-places.geojson"));

        Actor kindergarten = actors.get("osm:node/105", true);
        assertThat(kindergarten.neighbourhood()).isNull();
        assertThat(kindergarten.kind()).isEqualTo(ActorKind.SCHOOL);
        assertThat(kindergarten.languages()).containsExactly("nl");
        assertThat(kindergarten.offers()).containsExactly("childcare");
        assertThat(graph.count("MATCH (a:Actor {id: 'osm:node/105'}) WHERE a.outsideNeighbourhoods RETURN count(a)")).isOne();
        assertThat(summary.notes()).containsEntry(ActorChecks.OUTSIDE, 1);
    }

    @Test
    void shouldPlaceAnAreaAtAPointInsideItAndDropAnInvalidEmail() throws IOException {
        ImportSummary summary = osm(resource("osm-places.geojson"));

        Actor foodBank = actors.get("osm:way/104", true);
        assertThat(foodBank.offers()).containsExactly("food_aid");
        assertThat(foodBank.targetGroups()).containsExactly("people on low income");
        assertThat(foodBank.location().lon()).isBetween(4.3300, 4.3310);
        assertThat(foodBank.email()).isNull();
        assertThat(summary.notes()).containsEntry("e-mail not valid (left out)", 1);
    }

    @Test
    void shouldUpdateInPlaceWithdrawWhatTheSourceNoLongerSaysAndKeepHandMadeCapacities() throws IOException {
        osm(resource("osm-places.geojson"));
        capacities.offer("osm:node/101", new Capacities.CapacityData("home_nursing", 1000, null, 2, "added by hand"));
        String changed = new String(resource("osm-places.geojson").bytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"amenity\":\"pharmacy\",\"healthcare\":\"pharmacy\"", "\"amenity\":\"clinic\"");

        ImportSummary again = osm(file("osm-places.geojson", changed));

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(5);
        assertThat(again.notes()).containsEntry(ActorImport.UNCHANGED, 4);
        assertThat(graph.count("MATCH (a:Actor) RETURN count(a)")).isEqualTo(5);
        Actor clinic = actors.get("osm:node/101", true);
        assertThat(clinic.offers()).containsExactly("general_practice", "home_nursing");
        assertThat(graph.count("MATCH (a:Offers_pharmacy) RETURN count(a)")).isZero();
        assertThat(graph.count("MATCH (a:Offers_general_practice:Offers_home_nursing {id: 'osm:node/101'}) RETURN count(a)")).isOne();
    }

    @Test
    void shouldMoveAnActorAndDropWhatTheSourceNoLongerHasWhenImportedAgain() {
        neighbourhoods.save(List.of(new Neighbourhoods.NeighbourhoodData("T2", "T2 FR", "T2 NL", null,
                be.carenetwork.neighbourhood.Boundary.fromGeoJson("g", ExchangeFixtures.square(4.338, 50.868, 0.02)), false)),
                overlap.calculator());
        String first = "lon,lat,amenity,name,description,opening_hours,osm_id\n4.32,50.87,pharmacy,A,Old text,Mo-Fr 09:00-17:00,1\n";
        String moved = "lon,lat,amenity,name,description,opening_hours,osm_id\n4.34,50.87,pharmacy,A,,Mo-Fr 10:00-17:00,1\n";
        osm(file("a.csv", first));

        ImportSummary again = osm(file("a.csv", moved));

        assertThat(again.updated()).isOne();
        Actor actor = actors.get("osm:1", true);
        assertThat(actor.neighbourhood()).isEqualTo("T2");
        assertThat(actor.location().lon()).isEqualTo(4.34);
        assertThat(actor.description()).isNull();
        assertThat(actor.openingHours()).isEqualTo("Mo-Fr 10:00-17:00");
        assertThat(graph.count("MATCH (:Actor {id: 'osm:1'})-[:LOCATED_IN]->() RETURN count(*)")).isOne();
        assertThat(graph.rows("MATCH (:Actor {id: 'osm:1'})-[o:OFFERS]->() RETURN o.availability AS a, size(o.availabilitySlots) AS n",
                Map.of())).containsExactly(Map.of("a", "Mo-Fr 10:00-17:00", "n", 70L));
    }

    @Test
    void shouldReadOpenStreetMapTagsFromCsvColumns() throws IOException {
        ImportSummary summary = osm(resource("osm-places.csv"));

        assertThat(summary.created()).isEqualTo(2);
        assertThat(actors.get("osm:tile/1", true).offers()).containsExactly("pharmacy");
        Actor clinic = actors.get("osm:tile/2", true);
        assertThat(clinic.name()).isEqualTo("Centre médical \"Le Miroir\"");
        assertThat(clinic.wheelchair()).isEqualTo("NO");
        assertThat(clinic.neighbourhood()).isEqualTo("T1");
    }

    @Test
    void shouldImportWithAMappingFile() throws IOException {
        ImportSummary summary = imports.actors(resource("sociale-kaart.csv"),
                new ActorOptions(resource("sociale-kaart-mapping.yml"), null, null, null, false), ImportProgress.NONE);

        assertThat(summary.created()).isEqualTo(3);
        Actor centre = actors.get("sociale-kaart:SK-1", true);
        assertThat(centre.kind()).isEqualTo(ActorKind.ORGANISATION);
        assertThat(centre.offers()).containsExactly("general_practice", "home_nursing");
        assertThat(centre.languages()).containsExactly("nl", "fr");
        assertThat(centre.wheelchair()).isEqualTo("YES");
        assertThat(centre.address()).isEqualTo("Kerkstraat 5, 1090 Jette");
        assertThat(centre.location().lat()).isCloseTo(50.877, within(1e-9));
        assertThat(centre.neighbourhood()).isEqualTo("T1");
        Actor work = actors.get("sociale-kaart:SK-2", true);
        assertThat(work.offers()).containsExactly("community_activities", "digital_help", "social_contact");
        assertThat(work.address()).isEqualTo("Esseghemstraat, 1090 Jette");
        assertThat(work.wheelchair()).isEqualTo("NO");
        Actor care = actors.get("sociale-kaart:SK-3", true);
        assertThat(care.kind()).isEqualTo(ActorKind.SERVICE);
        assertThat(care.offers()).containsExactly("home_care");
        assertThat(care.address()).isNull();
        assertThat(graph.rows("MATCH (:Actor {id: 'sociale-kaart:SK-3'})-[o:OFFERS]->() RETURN o.radiusMetres AS r", Map.of()))
                .extracting(row -> row.get("r")).containsExactly(2000L);
    }

    @Test
    void shouldConvertLambertCoordinatesThatTheMappingDeclares() {
        String csv = "code,naam,x,y\nL-1,Lambert centre,146000,174500\n";
        String mapping = "source: lambert\nid: code\nname: naam\nx: x\ny: y\ncrs: EPSG:31370\nkind: SERVICE\n";

        imports.actors(file("lambert.csv", csv), new ActorOptions(file("mapping.yaml", mapping), null, null, null, false),
                ImportProgress.NONE);

        Actor actor = actors.get("lambert:L-1", true);
        double[] expected = Crs.LAMBERT72.toWgs84().convert(146000, 174500);
        assertThat(actor.location().lon()).isEqualTo(expected[0]).isCloseTo(4.3119, within(0.0005));
        assertThat(actor.location().lat()).isEqualTo(expected[1]).isCloseTo(50.881, within(0.002));
    }

    @Test
    void shouldRefuseAnUnknownCategoryCodeWithItsLineAndChangeNothing() throws IOException {
        osm(resource("osm-places.geojson"));
        long before = nodesAndRelationships();
        String csv = new String(resource("sociale-kaart.csv").bytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace(";digital_help", ";\"digital_help,flying\"");

        assertThatThrownBy(() -> imports.actors(file("sk.csv", csv),
                new ActorOptions(resource("sociale-kaart-mapping.yml"), null, null, null, false), ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::toString)
                        .containsExactly("line 3: categories: 'flying' (Thema's) is not a known help category code"));
        assertThat(nodesAndRelationships()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAMappingWithUnknownKeysKindsAndCategories() {
        String mapping = """
                source: test
                id: ID
                name: Naam
                colour: blue
                kind: {field: Type, values: {wgc: HOSPITAL}}
                categories:
                  - field: Type
                    values: {wgc: [general_practise]}
                """;

        assertThatThrownBy(() -> imports.actors(file("x.csv", "ID,Naam,Type,lat,lon\n1,A,wgc,50.87,4.32\n"),
                new ActorOptions(file("m.yml", mapping), null, null, null, false), ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.file()).isEqualTo("m.yml");
                    assertThat(e.problems()).extracting(ImportProblem::where)
                            .containsExactly("mapping colour", "mapping kind.values.wgc", "mapping categories[0].values.wgc");
                    assertThat(e.problems().get(2).reason()).isEqualTo("'general_practise' is not a known help category code");
                });
    }

    @Test
    void shouldRefuseBadRecordsWithTheirLines() {
        String csv = """
                lon,lat,amenity,name,osm_id
                4.32,50.87,pharmacy,Good,1
                4.32,,pharmacy,No latitude,2
                east,50.87,pharmacy,Not a number,3
                4.32,50.87,pharmacy,Same id,1
                4.32,95.5,pharmacy,Out of range,5
                4.32,50.87,pharmacy,No id,
                """;

        assertThatThrownBy(() -> osm(file("bad.csv", csv)))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::toString)
                        .containsExactly(
                                "line 3: has no position: no lat or latitude or @lat or y",
                                "line 4: lon 'east' is not a number",
                                "line 5: has the id 'osm:1', already used at line 2",
                                "line 6: has the position [4.32, 95.5], outside longitude -180..180 / latitude -90..90",
                                "line 7: has no id: the OpenStreetMap mapping needs the feature's id, or a property @id, osm_id (with osm_type) or _tile_fid, so that importing again updates in place"));
        assertThat(graph.count("MATCH (a:Actor) RETURN count(a)")).isZero();
    }

    @Test
    void shouldRefuseMalformedCsvWithItsLine() {
        assertThatThrownBy(() -> osm(file("q.csv", "lon,lat,name,osm_id\n4.32,50.87,\"Open quote,1\n4.33,50.87,B,2\n")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst().toString())
                        .isEqualTo("line 2: has a quoted field that is never closed"));
        assertThatThrownBy(() -> osm(file("n.csv", "lon,lat,name,osm_id\n4.32,50.87,A,1\n4.33,50.87,B,2,extra\n")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst().toString())
                        .isEqualTo("line 3: has 5 fields where the header has 4 (separator ',')"));
    }

    @Test
    void shouldRefuseAGeoJsonPointOutOfRangeByFeature() {
        String geoJson = ExchangeFixtures.collection(
                ExchangeFixtures.feature("{\"amenity\":\"pharmacy\",\"osm_id\":1}", "{\"type\":\"Point\",\"coordinates\":[4.32,50.87]}"),
                ExchangeFixtures.feature("{\"amenity\":\"pharmacy\",\"osm_id\":2}", "{\"type\":\"Point\",\"coordinates\":[184.32,50.87]}"),
                ExchangeFixtures.feature("{\"amenity\":\"pharmacy\",\"osm_id\":3}", "{\"type\":\"LineString\",\"coordinates\":[[4.3,50.8],[4.4,50.9]]}"));

        assertThatThrownBy(() -> osm(file("p.geojson", geoJson)))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::toString)
                        .containsExactly(
                                "feature 2 (line 3): has the position [184.32, 50.87], outside longitude -180..180 / latitude -90..90",
                                "feature 3 (line 4): geometry is a LineString; actors are read from Points (or Polygons, at a point inside)"));
    }

    @Test
    void shouldWriteTheValidRecordsAndReportTheOthersWhenAskedToSkipInvalidOnes() {
        String csv = "lon,lat,amenity,name,osm_id\n4.32,50.87,pharmacy,Good,1\n4.32,,pharmacy,No latitude,2\n";

        ImportSummary summary = imports.actors(file("skip.csv", csv), new ActorOptions(null, null, null, null, true),
                ImportProgress.NONE);

        assertThat(summary.created()).isOne();
        assertThat(summary.rejected()).isOne();
        assertThat(summary.problems()).extracting(ImportProblem::toString)
                .containsExactly("line 3: has no position: no lat or latitude or @lat or y");
        assertThat(graph.count("MATCH (a:Actor) RETURN count(a)")).isOne();
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8() {
        byte[] latin1 = "lon,lat,name,osm_id\n4.32,50.87,Caf\u00e9,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> osm(new SourceFile("latin1.csv", latin1)))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst().toString())
                        .isEqualTo("file: is not UTF-8 text (line 2); save it as UTF-8 and import it again"));
    }
}
