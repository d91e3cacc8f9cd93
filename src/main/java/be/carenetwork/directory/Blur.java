package be.carenetwork.directory;

import be.carenetwork.system.GeoPoint;

/** Snaps a location to the centre of its cell in a grid of about 250 m, so a home cannot be found from it. */
public final class Blur {

    public static final double CELL_METRES = 250;
    private static final double METRES_PER_DEGREE = 111_320;

    private Blur() {
    }

    public static GeoPoint of(GeoPoint exact) {
        double latStep = CELL_METRES / METRES_PER_DEGREE;
        // The longitude step of the cell's row, so that cells stay square and the same point always lands in the same cell.
        double rowLat = Math.floor(exact.lat() / latStep) * latStep + latStep / 2;
        double lonStep = CELL_METRES / (METRES_PER_DEGREE * Math.cos(Math.toRadians(rowLat)));
        double lon = Math.floor(exact.lon() / lonStep) * lonStep + lonStep / 2;
        return new GeoPoint(round(rowLat), round(lon));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }
}
