package be.carenetwork.exchange;

import java.util.Locale;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate reference systems imports accept: WGS84 longitude/latitude (RFC 7946 GeoJSON, the default) and
 * Belgian Lambert 72 (EPSG:31370), the projected system of UrbIS, Statbel and the Flemish government's files.
 * Everything is converted to WGS84 once, at import.
 */
public enum Crs {
    WGS84("EPSG:4326"),
    LAMBERT72("EPSG:31370");

    private final String code;

    Crs(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * Reads a CRS name as files and users write it: {@code EPSG:31370}, {@code 31370},
     * {@code urn:ogc:def:crs:EPSG::31370}, {@code urn:ogc:def:crs:OGC:1.3:CRS84}, {@code WGS84}, {@code Lambert72}.
     */
    public static Optional<Crs> parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (n.endsWith("CRS84") || n.equals("WGS84") || n.equals("4326") || n.endsWith("EPSG:4326")
                || n.endsWith("EPSG::4326") || n.endsWith("EPSG/0/4326")) {
            return Optional.of(WGS84);
        }
        if (n.equals("31370") || n.endsWith("EPSG:31370") || n.endsWith("EPSG::31370") || n.endsWith("EPSG/0/31370")
                || n.equals("LAMBERT72") || n.equals("BELGELAMBERT72") || n.equals("BD72")) {
            return Optional.of(LAMBERT72);
        }
        return Optional.empty();
    }

    static String supported() {
        return "EPSG:4326 (WGS84 longitude/latitude) or EPSG:31370 (Belgian Lambert 72)";
    }

    /** A conversion from this CRS to WGS84, for one import (proj4j transforms are not thread-safe). */
    Conversion toWgs84() {
        return new Conversion(this);
    }

    /** Converts positions to WGS84 and checks that they are plausible in the source CRS. */
    static final class Conversion {

        private static final double LAMBERT_MIN = -50_000;
        private static final double LAMBERT_MAX = 400_000;

        private final Crs from;
        private final @org.jspecify.annotations.Nullable CoordinateTransform transform;

        private Conversion(Crs from) {
            this.from = from;
            if (from == LAMBERT72) {
                CRSFactory factory = new CRSFactory();
                transform = new CoordinateTransformFactory().createTransform(
                        factory.createFromName("EPSG:31370"), factory.createFromName("EPSG:4326"));
            } else {
                transform = null;
            }
        }

        /**
         * Why the position cannot be in this CRS, or null when it can: out of range, or the wrong CRS (Lambert metres
         * read as degrees, or degrees declared as Lambert).
         */
        @org.jspecify.annotations.Nullable String check(double x, double y) {
            if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
                return "has a position that is not a number";
            }
            if (from == WGS84) {
                if (x >= -180 && x <= 180 && y >= -90 && y <= 90) {
                    return null;
                }
                if (Math.abs(x) > 1000 || Math.abs(y) > 1000) {
                    return "has the position [" + x + ", " + y + "], which is not WGS84 longitude/latitude; if the file is in "
                            + "Belgian Lambert 72, say so (crs EPSG:31370)";
                }
                return "has the position [" + x + ", " + y + "], outside longitude -180..180 / latitude -90..90";
            }
            if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
                return "has the position [" + x + ", " + y + "], which looks like longitude/latitude, not Belgian Lambert 72 "
                        + "metres: wrong CRS (leave the CRS out or give EPSG:4326)";
            }
            if (x < LAMBERT_MIN || x > LAMBERT_MAX || y < LAMBERT_MIN || y > LAMBERT_MAX) {
                return "has the position [" + x + ", " + y + "], outside the area of Belgian Lambert 72";
            }
            return null;
        }

        /** [longitude, latitude] of a checked position. */
        double[] convert(double x, double y) {
            if (transform == null) {
                return new double[] {x, y};
            }
            ProjCoordinate out = new ProjCoordinate();
            transform.transform(new ProjCoordinate(x, y), out);
            return new double[] {out.x, out.y};
        }

        /** The first problem of any vertex, or null; then converts the geometry in place. */
        @org.jspecify.annotations.Nullable String checkAndConvert(Geometry geometry) {
            for (Coordinate c : geometry.getCoordinates()) {
                String problem = check(c.x, c.y);
                if (problem != null) {
                    return problem;
                }
            }
            if (transform != null) {
                geometry.apply(new CoordinateSequenceFilter() {
                    @Override
                    public void filter(CoordinateSequence sequence, int i) {
                        double[] lonLat = convert(sequence.getX(i), sequence.getY(i));
                        sequence.setOrdinate(i, 0, lonLat[0]);
                        sequence.setOrdinate(i, 1, lonLat[1]);
                    }

                    @Override
                    public boolean isDone() {
                        return false;
                    }

                    @Override
                    public boolean isGeometryChanged() {
                        return true;
                    }
                });
            }
            return null;
        }
    }
}
