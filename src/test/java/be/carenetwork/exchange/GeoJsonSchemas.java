package be.carenetwork.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The GeoJSON JSON Schemas from ../shared/data/geojson-schema (draft-07), plus what they leave to RFC 7946 itself:
 * positions within longitude/latitude, closed rings, exterior rings counterclockwise and holes clockwise.
 */
final class GeoJsonSchemas {

    static final Path FOLDER = Path.of("../shared/data/geojson-schema");

    private final Schema featureCollection;

    GeoJsonSchemas() {
        try {
            featureCollection = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(Files.readString(FOLDER.resolve("FeatureCollection.json")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean present() {
        return Files.isDirectory(FOLDER);
    }

    List<String> problems(JsonNode collection) {
        List<String> problems = new ArrayList<>(featureCollection.validate(collection).stream().map(Error::toString).toList());
        for (JsonNode feature : collection.path("features")) {
            rfc7946(feature.path("geometry"), problems);
        }
        return problems;
    }

    private static void rfc7946(JsonNode geometry, List<String> problems) {
        String type = geometry.path("type").asString("");
        JsonNode c = geometry.path("coordinates");
        switch (type) {
            case "Point" -> position(c, problems);
            case "Polygon" -> polygon(c, problems);
            case "MultiPolygon" -> c.forEach(polygon -> polygon(polygon, problems));
            default -> problems.add("unexpected geometry " + type);
        }
    }

    private static void polygon(JsonNode rings, List<String> problems) {
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            ring.forEach(p -> position(p, problems));
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                problems.add("ring not closed");
            }
            double area = 0;
            for (int i = 0; i + 1 < ring.size(); i++) {
                area += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                        - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
            }
            boolean counterclockwise = area > 0;
            if (counterclockwise != (r == 0)) {
                problems.add((r == 0 ? "exterior ring not counterclockwise" : "hole not clockwise") + " (RFC 7946, 3.1.6)");
            }
        }
    }

    private static void position(JsonNode p, List<String> problems) {
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            problems.add("position [" + lon + ", " + lat + "] is not WGS84 longitude/latitude");
        }
    }
}
