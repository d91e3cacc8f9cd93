package be.carenetwork.exchange.hsds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import be.carenetwork.directory.Actor;
import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.Visibility;
import be.carenetwork.exchange.ActorOptions;
import be.carenetwork.exchange.ImportProblem;
import be.carenetwork.exchange.ImportProgress;
import be.carenetwork.exchange.ImportRejectedException;
import be.carenetwork.exchange.ImportSummary;
import be.carenetwork.exchange.Imports;
import be.carenetwork.exchange.SourceFile;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.Fixtures;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import static be.carenetwork.support.Fixtures.LAT;
import static be.carenetwork.support.Fixtures.LON;
import static be.carenetwork.support.Fixtures.north;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CareNetworkTest
class HsdsImportTests {

    static final Path EXAMPLES = Path.of("../shared/data/openreferral-hsds-3.0/examples");

    @Autowired TestGraph graph;
    @Autowired Imports imports;
    @Autowired Actors actors;
    @Autowired Capacities capacities;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;
    @Autowired ObjectMapper json;
    @Autowired MockMvc mvc;

    @BeforeEach
    void fixture() {
        graph.clear();
        neighbourhoods.save(List.of(Fixtures.square("T1")), overlap.calculator());
    }

    static final ActorOptions HSDS = new ActorOptions(null, null, null, "Test partner directory", false);

    ImportSummary hsds(String name, String content) {
        return imports.hsds(new SourceFile(name, content.getBytes(StandardCharsets.UTF_8)), HSDS, ImportProgress.NONE);
    }

    ObjectNode example(String name) {
        assumeTrue(EXAMPLES.toFile().isDirectory(), "../shared/data/openreferral-hsds-3.0 is not here");
        return (ObjectNode) json.readTree(EXAMPLES.resolve(name).toFile());
    }

    /** The official examples place their location at latitude 100, longitude 101: out of range. Put it in Jette. */
    static void placeInJette(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("latitude") && object.has("longitude")) {
                object.put("latitude", LAT);
                object.put("longitude", LON);
            }
            object.properties().forEach(e -> placeInJette(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(HsdsImportTests::placeInJette);
        }
    }

    @Test
    void shouldImportTheOfficialServiceExampleKeepingWhatWeModel() {
        ObjectNode service = example("service_full.json");
        placeInJette(service);

        ImportSummary summary = hsds("service_full.json", service.toString());

        assertThat(summary.created()).isOne();
        assertThat(summary.notes()).containsEntry(HsdsDataset.NOT_OUR_TAXONOMY, 1);
        Actor actor = actors.get("hsds:e94c9f38-1e8f-4564-91d4-d53501ab1765", true);
        assertThat(actor.name()).isEqualTo("Community Counselling");
        assertThat(actor.description()).startsWith("Counselling Services provided by trained professionals.");
        assertThat(actor.kind()).isEqualTo(ActorKind.SERVICE);
        assertThat(actor.email()).isEqualTo("email@example.com");
        assertThat(actor.website()).isEqualTo("http://example.com/counselling");
        assertThat(actor.phone()).isEqualTo("+44 1234 234567");
        assertThat(actor.languages()).containsExactly("ur");
        assertThat(actor.openingHours()).isEqualTo("Th,Fr 10:00-18:00");
        assertThat(actor.address()).isEqualTo("1-30 Main Street, MyVillage, ABC 1234 MyCity");
        assertThat(actor.location().lat()).isEqualTo(LAT);
        assertThat(actor.neighbourhood()).isEqualTo("T1");
        assertThat(actor.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(graph.count("MATCH (a:Actor {source: 'hsds'}), (:DataSource {name: 'hsds', attribution: 'Test partner directory'}) RETURN count(a)")).isOne();
    }

    @Test
    void shouldImportTheOfficialOrganizationAndServiceAtLocationExamples() {
        ObjectNode organization = example("organization_full.json");
        placeInJette(organization);
        ObjectNode atLocation = example("service_at_location_full.json");
        placeInJette(atLocation);

        hsds("organization_full.json", organization.toString());
        ImportSummary again = hsds("service_at_location_full.json", atLocation.toString());

        assertThat(again.updated()).isOne();
        assertThat(graph.count("MATCH (a:Actor) RETURN count(a)")).isOne();
        assertThat(actors.get("hsds:e94c9f38-1e8f-4564-91d4-d53501ab1765", true).name()).isEqualTo("Community Counselling");
    }

    @Test
    void shouldRefuseTheUnchangedExampleForItsCoordinatesOutOfRange() {
        ObjectNode service = example("service_full.json");

        assertThatThrownBy(() -> hsds("service_full.json", service.toString()))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems()).extracting(ImportProblem::toString)
                        .containsExactly("line 1 (service ac148810-d857-441c-9679-408f346de14b) service_at_locations[0]: "
                                + "location.latitude 100 / longitude 101 are outside latitude -90..90 / longitude -180..180"));
        assertThat(graph.count("MATCH (a:Actor) RETURN count(a)")).isZero();
    }

    @Test
    void shouldReadBackWhatItExportsWithoutLosingWhatWeModel() throws Exception {
        String id = actors.create(new ActorInput("Pharmacie du Miroir", "Pharmacy with home delivery", ActorKind.ORGANISATION,
                north(200), LON, "Place Reine Astrid 1, 1090 Jette", List.of("fr", "nl"), "Mo-Fr 09:00-12:00,13:30-18:00; Sa 09:00-12:00; PH off",
                List.of(), "LIMITED", Visibility.PUBLIC, "+32 2 111 11 11", "info@miroir.be", "https://miroir.example", true)).id();
        capacities.offer(id, new Capacities.CapacityData("pharmacy", 3000, null, 10, null));
        capacities.offer(id, new Capacities.CapacityData("home_care", 3000, null, 10, null));
        String exported = mvc.perform(get("/hsds/services?format=ndjson&full=true")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);

        ImportSummary summary = hsds("export.ndjson", exported);

        assertThat(summary.created()).isOne();
        Actor original = actors.get(id, true);
        Actor copy = actors.get("hsds:" + HsdsIds.serviceAtLocation(id), true);
        assertThat(copy.name()).isEqualTo(original.name());
        assertThat(copy.description()).isEqualTo(original.description());
        assertThat(copy.location()).isEqualTo(original.location());
        assertThat(copy.address()).isEqualTo(original.address());
        assertThat(copy.languages()).isEqualTo(original.languages());
        assertThat(copy.openingHours()).isEqualTo(original.openingHours());
        assertThat(copy.wheelchair()).isEqualTo(original.wheelchair());
        assertThat(copy.phone()).isEqualTo(original.phone());
        assertThat(copy.email()).isEqualTo(original.email());
        assertThat(copy.website()).isEqualTo(original.website());
        assertThat(copy.offers()).isEqualTo(original.offers()).containsExactly("home_care", "pharmacy");
        assertThat(copy.neighbourhood()).isEqualTo(original.neighbourhood());
    }

    @Test
    void shouldRefuseATermOfOurTaxonomyWithAnUnknownCode() {
        String service = """
                {"id":"11111111-1111-4111-8111-111111111111","name":"Odd service","status":"active",
                 "attributes":[{"id":"22222222-2222-4222-8222-222222222222","taxonomy_term":{"id":"33333333-3333-4333-8333-333333333333",
                   "code":"flying","name":"Flying","description":"-","taxonomy":"care-network-help-categories"}}],
                 "service_at_locations":[{"id":"44444444-4444-4444-8444-444444444444",
                   "location":{"id":"55555555-5555-4555-8555-555555555555","location_type":"physical","latitude":50.878,"longitude":4.322}}]}""";

        assertThatThrownBy(() -> hsds("odd.json", service))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst().reason())
                        .isEqualTo("attributes: taxonomy term 'flying' is not a known help category code"));
    }

    @Test
    void shouldRefuseMalformedJsonAndAServiceWithoutAPlace() {
        assertThatThrownBy(() -> hsds("broken.json", "[{\"id\": \"x\",\n \"name\": }]"))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst().where())
                        .startsWith("line 2, column"));
        assertThatThrownBy(() -> hsds("nowhere.json", "{\"id\":\"s1\",\"name\":\"Nowhere\",\"status\":\"active\"}"))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems()).extracting(ImportProblem::toString)
                        .containsExactly("line 1 (service s1): has no service_at_locations with a location, so no place to put it on the map"));
    }
}
