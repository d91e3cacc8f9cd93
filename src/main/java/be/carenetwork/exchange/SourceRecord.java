package be.carenetwork.exchange;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One record of an actor file, as text fields, whatever the format: a CSV row or a GeoJSON feature.
 *
 * @param where where it is in the file, for problems: {@code line 12} or {@code feature 5 (line 40)}
 * @param fields the CSV columns or the feature's properties (lists joined with {@code ;}); empty values left out
 * @param featureId the GeoJSON Feature's own {@code id}, if any
 * @param x the position from the GeoJSON geometry (a Point, or a point inside a Polygon), in the file's CRS
 * @param geometryProblem why the geometry gave no position, if it did not
 */
record SourceRecord(String where, Map<String, String> fields, @Nullable String featureId, @Nullable Double x,
                    @Nullable Double y, @Nullable String geometryProblem) {

    @Nullable String get(String field) {
        return fields.get(field);
    }
}
