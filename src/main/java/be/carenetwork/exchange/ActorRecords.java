package be.carenetwork.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The records of an actor file, CSV or GeoJSON, as text fields with a position where the format has one. */
final class ActorRecords {

    private ActorRecords() {
    }

    /** @param crs the CRS the file declares (GeoJSON {@code crs} member), if any */
    record Read(List<SourceRecord> records, @Nullable String crs) {
    }

    static Read read(SourceFile file, ObjectMapper json) {
        if (isGeoJson(file)) {
            GeoJsonFile geoJson = GeoJsonFile.read(file, json);
            List<SourceRecord> records = new ArrayList<>(geoJson.features().size());
            GeoJsonReader reader = new GeoJsonReader();
            for (GeoJsonFile.Feature feature : geoJson.features()) {
                records.add(record(feature, reader));
            }
            return new Read(records, geoJson.crs());
        }
        CsvFile csv = CsvFile.read(file);
        return new Read(csv.rows().stream()
                .map(row -> new SourceRecord(row.where(), row.values(), null, null, null, null))
                .toList(), null);
    }

    private static boolean isGeoJson(SourceFile file) {
        String extension = file.extension();
        if (extension.equals("csv") || extension.equals("txt")) {
            return false;
        }
        if (extension.equals("geojson") || extension.equals("json")) {
            return true;
        }
        for (byte b : file.bytes()) {
            if (!Character.isWhitespace(b) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return b == '{';
            }
        }
        return false;
    }

    private static SourceRecord record(GeoJsonFile.Feature feature, GeoJsonReader reader) {
        String where = feature.where();
        if (!feature.node().isObject() || !"Feature".equals(Json.text(feature.node(), "type"))) {
            return new SourceRecord(where, Map.of(), null, null, null, "is not a GeoJSON Feature");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (var property : feature.properties().properties()) {
            String value = Json.text(property.getValue());
            if (value != null) {
                fields.put(property.getKey(), value);
            }
        }
        JsonNode geometry = feature.geometry();
        if (geometry == null) {
            return new SourceRecord(where, fields, feature.id(), null, null, "has no geometry");
        }
        String type = Json.text(geometry, "type");
        if ("Point".equals(type)) {
            JsonNode coordinates = geometry.get("coordinates");
            if (coordinates == null || !coordinates.isArray() || coordinates.size() < 2
                    || !coordinates.get(0).isNumber() || !coordinates.get(1).isNumber()) {
                return new SourceRecord(where, fields, feature.id(), null, null,
                        "geometry: a Point needs coordinates [longitude, latitude]");
            }
            return new SourceRecord(where, fields, feature.id(), coordinates.get(0).doubleValue(),
                    coordinates.get(1).doubleValue(), null);
        }
        if ("Polygon".equals(type) || "MultiPolygon".equals(type)) {
            // Places mapped as areas (OpenStreetMap buildings): a point inside the area.
            try {
                Geometry area = reader.read(geometry.toString());
                Point inside = area instanceof Polygonal ? area.getInteriorPoint() : area.getCentroid();
                return new SourceRecord(where, fields, feature.id(), inside.getX(), inside.getY(), null);
            } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
                return new SourceRecord(where, fields, feature.id(), null, null, "geometry is not valid GeoJSON: " + e.getMessage());
            }
        }
        return new SourceRecord(where, fields, feature.id(), null, null,
                "geometry is a " + type + "; actors are read from Points (or Polygons, at a point inside)");
    }
}
