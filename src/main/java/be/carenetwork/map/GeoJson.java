package be.carenetwork.map;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes RFC 7946 GeoJSON with Jackson's streaming generator. JTS's GeoJSON writer handles geometries only and
 * full precision; here points are rounded to 6 decimals (about 0.1 m) and polygons to 5 (about 1 m), which is
 * what a map needs and a third less to send.
 */
final class GeoJson {

    static final String MEDIA_TYPE = "application/geo+json";
    private static final double POINT_SCALE = 1e6;
    private static final double POLYGON_SCALE = 1e5;

    private GeoJson() {
    }

    /** A FeatureCollection; {@code features} writes the features, {@code members} any foreign members after them. */
    static byte[] collection(ObjectMapper json, Consumer<JsonGenerator> features, Consumer<JsonGenerator> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeName("features");
            g.writeStartArray();
            features.accept(g);
            g.writeEndArray();
            members.accept(g);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    static byte[] document(ObjectMapper json, Consumer<JsonGenerator> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = json.createGenerator(out)) {
            body.accept(g);
        }
        return out.toByteArray();
    }

    static void point(JsonGenerator g, double lon, double lat) {
        g.writeName("geometry");
        g.writeStartObject();
        g.writeStringProperty("type", "Point");
        g.writeName("coordinates");
        position(g, lon, lat, POINT_SCALE);
        g.writeEndObject();
    }

    static void line(JsonGenerator g, double lon1, double lat1, double lon2, double lat2) {
        g.writeName("geometry");
        g.writeStartObject();
        g.writeStringProperty("type", "LineString");
        g.writeName("coordinates");
        g.writeStartArray();
        position(g, lon1, lat1, POINT_SCALE);
        position(g, lon2, lat2, POINT_SCALE);
        g.writeEndArray();
        g.writeEndObject();
    }

    static void position(JsonGenerator g, double lon, double lat, double scale) {
        g.writeStartArray();
        g.writeNumber(Math.round(lon * scale) / scale);
        g.writeNumber(Math.round(lat * scale) / scale);
        g.writeEndArray();
    }

    /** Copies a stored GeoJSON geometry (Polygon or MultiPolygon text), rounding every position to 5 decimals. */
    static void polygon(JsonGenerator g, ObjectMapper json, String geometry) {
        var node = json.readTree(geometry);
        g.writeName("geometry");
        g.writeStartObject();
        g.writeStringProperty("type", node.get("type").asString());
        g.writeName("coordinates");
        rounded(g, node.get("coordinates"));
        g.writeEndObject();
    }

    private static void rounded(JsonGenerator g, tools.jackson.databind.JsonNode coordinates) {
        if (coordinates.isArray() && !coordinates.isEmpty() && coordinates.get(0).isNumber()) {
            position(g, coordinates.get(0).asDouble(), coordinates.get(1).asDouble(), POLYGON_SCALE);
            return;
        }
        g.writeStartArray();
        for (var child : coordinates) {
            rounded(g, child);
        }
        g.writeEndArray();
    }

    static void stringArray(JsonGenerator g, String name, java.util.List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }
}
