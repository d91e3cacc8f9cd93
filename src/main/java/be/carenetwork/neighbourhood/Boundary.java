package be.carenetwork.neighbourhood;

import be.carenetwork.system.BadInputException;
import be.carenetwork.system.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A neighbourhood's polygon in WGS84, validated: a Polygon or MultiPolygon, coordinates in range, no
 * self-intersection. Invalid input becomes a 400 that says why and where.
 */
public record Boundary(Geometry geometry) {

    private static final double METRES_PER_DEGREE = 111_320;

    public static Boundary fromGeoJson(String field, String geoJson) {
        Geometry geometry;
        try {
            geometry = new GeoJsonReader().read(geoJson);
        } catch (ParseException | RuntimeException e) {
            throw new BadInputException(field, "is not a GeoJSON geometry: " + e.getMessage());
        }
        return of(field, geometry);
    }

    public static Boundary of(String field, Geometry geometry) {
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            throw new BadInputException(field, "must be a Polygon or MultiPolygon, was " + geometry.getGeometryType());
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                throw new BadInputException(field, "has a position outside WGS84 longitude/latitude: [" + c.x + ", " + c.y
                        + "]; convert projected coordinates (such as Lambert 72) first");
            }
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            throw new BadInputException(field, "is not a valid polygon: " + error.getMessage()
                    + " at [" + error.getCoordinate().x + ", " + error.getCoordinate().y + "]");
        }
        return new Boundary(geometry);
    }

    /** A point inside the polygon: its centroid, or an interior point where the centroid falls outside (crescents). */
    public GeoPoint centroid() {
        var centroid = geometry.getCentroid();
        if (!geometry.contains(centroid)) {
            centroid = geometry.getInteriorPoint();
        }
        return new GeoPoint(centroid.getY(), centroid.getX());
    }

    /** Area in square kilometres, on a local equirectangular approximation: good to a fraction of a percent at city scale. */
    public double areaKm2() {
        double latitude = Math.toRadians(geometry.getCentroid().getY());
        return geometry.getArea() * METRES_PER_DEGREE * METRES_PER_DEGREE * Math.cos(latitude) / 1_000_000;
    }

    public Envelope envelope() {
        return geometry.getEnvelopeInternal();
    }

    public String toGeoJson() {
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        return writer.write(geometry);
    }
}
