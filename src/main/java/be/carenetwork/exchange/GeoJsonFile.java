package be.carenetwork.exchange;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A GeoJSON FeatureCollection (or a single Feature) read feature by feature, each with its number and the line it
 * starts on, so that problems can say where they are. Malformed JSON refuses the file with the line and column.
 *
 * @param crs the CRS the file declares in a (pre-RFC 7946) {@code crs} member, if any
 */
record GeoJsonFile(@Nullable String crs, List<Feature> features) {

    /**
     * @param number 1 for the first feature
     * @param line the line the feature starts on
     */
    record Feature(int number, int line, JsonNode node) {

        String where() {
            return "feature " + number + " (line " + line + ")";
        }

        JsonNode properties() {
            JsonNode properties = node.get("properties");
            return properties == null || !properties.isObject() ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : properties;
        }

        @Nullable JsonNode geometry() {
            JsonNode geometry = node.get("geometry");
            return geometry == null || geometry.isNull() ? null : geometry;
        }

        /** The Feature's own {@code id} member, if any. */
        @Nullable String id() {
            JsonNode id = node.get("id");
            return id == null || id.isNull() ? null : id.asString();
        }
    }

    static GeoJsonFile read(SourceFile file, ObjectMapper json) {
        String text = file.text();
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw refused(file, "file", "is not a GeoJSON object (it should start with '{')");
            }
            String type = null;
            String crs = null;
            List<Feature> features = null;
            JsonNode single = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getString() : String.valueOf(value);
                    case "crs" -> crs = crsName((JsonNode) parser.readValueAsTree());
                    case "features" -> features = features(file, parser, json, value);
                    default -> {
                        // A single Feature keeps its members: read them into a tree.
                        if (single == null) {
                            single = json.createObjectNode();
                        }
                        ((tools.jackson.databind.node.ObjectNode) single).set(name, (JsonNode) parser.readValueAsTree());
                    }
                }
            }
            if ("Feature".equals(type) && single != null) {
                ((tools.jackson.databind.node.ObjectNode) single).put("type", "Feature");
                return new GeoJsonFile(crs, List.of(new Feature(1, 1, single)));
            }
            if (!"FeatureCollection".equals(type)) {
                throw refused(file, "file", "is not a GeoJSON FeatureCollection (its type is " + (type == null ? "missing" : "'" + type + "'") + ")");
            }
            if (features == null) {
                throw refused(file, "file", "has no features array");
            }
            return new GeoJsonFile(crs, features);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "file" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw refused(file, where, "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static List<Feature> features(SourceFile file, JsonParser parser, ObjectMapper json, JsonToken value) {
        if (value != JsonToken.START_ARRAY) {
            throw refused(file, "line " + parser.currentTokenLocation().getLineNr(), "features is not an array");
        }
        List<Feature> features = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int line = parser.currentTokenLocation().getLineNr();
            features.add(new Feature(features.size() + 1, line, (JsonNode) parser.readValueAsTree()));
        }
        return features;
    }

    /** The name in {@code "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::31370"}}}. */
    private static @Nullable String crsName(JsonNode crs) {
        JsonNode name = crs.path("properties").path("name");
        return name.isString() ? name.asString() : null;
    }

    private static ImportRejectedException refused(SourceFile file, String where, String reason) {
        return new ImportRejectedException(file.name(), new ImportProblem(where, reason));
    }
}
