package be.carenetwork.exchange.hsds;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The validator itself: it accepts the official examples and catches what is wrong. */
class HsdsSchemaTests {

    static final Path EXAMPLES = Path.of("../shared/data/openreferral-hsds-3.0/examples");
    static HsdsSchemas schemas;
    final ObjectMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void load() {
        assumeTrue(HsdsSchemas.present(), "../shared/data/openreferral-hsds-3.0 is not here");
        schemas = new HsdsSchemas();
    }

    @Test
    void shouldAcceptTheOfficialExamples() {
        assertThat(schemas.problems("service.json", json.readTree(EXAMPLES.resolve("service_full.json").toFile()))).isEmpty();
        assertThat(schemas.problems("organization.json", json.readTree(EXAMPLES.resolve("organization_full.json").toFile()))).isEmpty();
        assertThat(schemas.problems("service_at_location.json", json.readTree(EXAMPLES.resolve("service_at_location_full.json").toFile()))).isEmpty();
        assertThat(schemas.problems("location.json", json.readTree(EXAMPLES.resolve("location.json").toFile()))).isEmpty();
        assertThat(schemas.problems("taxonomy_term.json", json.readTree(EXAMPLES.resolve("taxonomy_term.json").toFile()))).isEmpty();
        assertThat(schemas.problems("taxonomy.json", json.readTree(EXAMPLES.resolve("taxonomy.json").toFile()))).isEmpty();
    }

    @Test
    void shouldCatchAMissingFieldAnUnknownFieldAndABadUuid() {
        ObjectNode service = (ObjectNode) json.readTree(EXAMPLES.resolve("service_full.json").toFile());
        service.remove("status");
        service.put("colour", "blue");
        service.put("id", "not-a-uuid");
        ((ObjectNode) service.get("organization")).put("website", "not a uri");

        assertThat(schemas.problems("service.json", service))
                .anyMatch(p -> p.contains("status"))
                .anyMatch(p -> p.contains("colour"))
                .anyMatch(p -> p.contains("uuid"))
                .anyMatch(p -> p.contains("uri"));
    }
}
