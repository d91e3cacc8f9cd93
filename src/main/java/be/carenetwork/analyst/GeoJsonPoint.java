package be.carenetwork.analyst;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/** A point in analysts' answers: a GeoJSON Point in JSON, WKT in CSV, the feature's geometry in GeoJSON. */
record GeoJsonPoint(double lon, double lat) {

    @JsonValue
    Map<String, Object> geoJson() {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("type", "Point");
        point.put("coordinates", List.of(lon, lat));
        return point;
    }

    String wkt() {
        return "POINT (" + lon + " " + lat + ")";
    }
}
