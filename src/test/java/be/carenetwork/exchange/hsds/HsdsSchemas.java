package be.carenetwork.exchange.hsds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official HSDS 3.0 JSON Schemas from ../shared/data/openreferral-hsds-3.0/schema, validated as JSON Schema 2020-12
 * with format assertions on (uuid, uri, email, date-time), and made strict as upstream CI makes them: no property that
 * the schema does not name ({@code additionalProperties: false} on every object). The two nestings the HSDS API and its
 * official examples add are allowed: {@code services} in an organization, {@code service} in a service_at_location.
 */
final class HsdsSchemas {

    static final Path FOLDER = Path.of("../shared/data/openreferral-hsds-3.0/schema");
    private static final String BASE = "https://hsds.test/schema/";

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new HashMap<>();

    HsdsSchemas() {
        ObjectMapper json = JsonMapper.builder().build();
        Map<String, String> contents = new HashMap<>();
        try (Stream<Path> files = Stream.concat(Files.list(FOLDER), Files.list(FOLDER.resolve("compiled")))) {
            files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().equals("openapi.json")).forEach(file -> {
                String name = FOLDER.relativize(file).toString().replace('\\', '/');
                ObjectNode schema = (ObjectNode) json.readTree(file.toFile());
                strict(schema);
                if (name.equals("organization.json")) {
                    ((ObjectNode) schema.get("properties")).putObject("services").put("type", "array")
                            .putObject("items").put("$ref", "service.json");
                }
                if (name.equals("service_at_location.json")) {
                    ((ObjectNode) schema.get("properties")).putObject("service").put("$ref", "service.json");
                }
                contents.put(BASE + name, json.writeValueAsString(schema));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(contents::get)
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    static boolean present() {
        return Files.isDirectory(FOLDER);
    }

    /** The problems of an object against a schema, such as {@code service.json} or {@code compiled/service_list.json}. */
    List<String> problems(String schema, JsonNode instance) {
        Schema s = schemas.computeIfAbsent(schema, name -> registry.getSchema(SchemaLocation.of(BASE + name)));
        return s.validate(instance).stream().map(Error::toString).toList();
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject()
                    && "object".equals(object.path("type").asString(""))) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(entry -> strict(entry.getValue()));
        } else if (node.isArray()) {
            node.forEach(HsdsSchemas::strict);
        }
    }
}
