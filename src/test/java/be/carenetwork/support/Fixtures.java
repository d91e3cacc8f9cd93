package be.carenetwork.support;

import java.util.List;

import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.Boundary;
import be.carenetwork.neighbourhood.Neighbourhoods;

/** Small hand-made fixtures: a square neighbourhood in Jette and actors placed by offsets from its centre. */
public final class Fixtures {

    /** The centre of the test square, in Jette. */
    public static final double LAT = 50.8780;
    public static final double LON = 4.3220;
    private static final double METRES_PER_DEGREE_LAT = 111_320;

    private Fixtures() {
    }

    /** A square neighbourhood of about 2.2 km a side around ({@link #LAT}, {@link #LON}). */
    public static Neighbourhoods.NeighbourhoodData square(String code) {
        String geometry = """
                {"type":"Polygon","coordinates":[[[4.306,50.868],[4.338,50.868],[4.338,50.888],[4.306,50.888],[4.306,50.868]]]}""";
        return new Neighbourhoods.NeighbourhoodData(code, code + " FR", code + " NL", null,
                Boundary.fromGeoJson("geometry", geometry), false);
    }

    /** A latitude {@code metres} north of the test centre. */
    public static double north(double metres) {
        return LAT + metres / METRES_PER_DEGREE_LAT;
    }

    public static ActorInput actor(String name, ActorKind kind, double lat, double lon, Visibility visibility,
                                   List<String> languages) {
        return new ActorInput(name, "About " + name, kind, lat, lon, null, languages, "Mo-Fr 09:00-17:00",
                List.of(), "UNKNOWN", visibility, "+32 2 123 45 67", "info@example.org", null, false);
    }
}
