package be.carenetwork.system;

import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

/**
 * A WGS84 position (SRID 4326). Stored in Neo4j as a point, longitude first, like GeoJSON.
 */
public record GeoPoint(double lat, double lon) {

    public static final double MAX_DISTANCE_METRES = 50_000;

    public GeoPoint {
        if (Double.isNaN(lat) || lat < -90 || lat > 90) {
            throw new BadInputException("lat", "must be a latitude between -90 and 90, was " + lat);
        }
        if (Double.isNaN(lon) || lon < -180 || lon > 180) {
            throw new BadInputException("lon", "must be a longitude between -180 and 180, was " + lon);
        }
    }

    /** A Cypher parameter value: a WGS84 2D point. */
    public Value toNeo4j() {
        return Values.point(4326, lon, lat);
    }

    public Map<String, Object> toMap() {
        return Map.of("longitude", lon, "latitude", lat);
    }

    public static GeoPoint from(Value point) {
        var p = point.asPoint();
        return new GeoPoint(p.y(), p.x());
    }

    /** Checks a search distance in metres, naming the parameter in a 400. */
    public static void checkDistance(String field, double metres) {
        if (!(metres > 0) || metres > MAX_DISTANCE_METRES) {
            throw new BadInputException(field, "must be more than 0 and at most " + (int) MAX_DISTANCE_METRES + " metres");
        }
    }
}
