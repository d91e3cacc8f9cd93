package be.carenetwork.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Small hand-made files for the import tests: squares in Jette, in WGS84 and in Lambert 72. */
final class ExchangeFixtures {

    /** The shared open data beside the project, when it is there (it is in CI). */
    static final Path SHARED_DATA = Path.of("../shared/data");

    private ExchangeFixtures() {
    }

    static SourceFile file(String name, String content) {
        return new SourceFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static SourceFile shared(String relative) {
        return SourceFile.read(SHARED_DATA.resolve(relative), 100_000_000L);
    }

    static boolean sharedDataPresent(String relative) {
        return Files.isRegularFile(SHARED_DATA.resolve(relative));
    }

    /** A closed square ring from (lon, lat) with sides of {@code size} degrees, counterclockwise. */
    static String square(double lon, double lat, double size) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                lon, lat, lon + size, lat, lon + size, lat + size, lon, lat + size, lon, lat);
    }

    static String feature(String properties, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "\n]}";
    }

    /** Two neighbourhoods side by side in Jette, codes A1 and A2. */
    static String twoNeighbourhoods() {
        return collection(
                feature("{\"code\":\"A1\",\"name_fr\":\"Quartier Un\",\"name_nl\":\"Wijk Een\"}", square(4.30, 50.87, 0.01)),
                feature("{\"code\":\"A2\",\"name_fr\":\"Quartier Deux\",\"name_nl\":\"Wijk Twee\"}", square(4.31, 50.87, 0.01)));
    }

    /** Two municipalities: M1 holds A1 and half of A2, M2 the other half of A2. */
    static String twoMunicipalities() {
        return collection(
                feature("{\"nis\":\"21901\",\"name_fr\":\"Commune Un\",\"name_nl\":\"Gemeente Een\"}", square(4.29, 50.86, 0.025)),
                feature("{\"nis\":\"21902\",\"name_fr\":\"Commune Deux\",\"name_nl\":\"Gemeente Twee\"}",
                        "{\"type\":\"Polygon\",\"coordinates\":[[[4.315,50.86],[4.34,50.86],[4.34,50.89],[4.315,50.89],[4.315,50.86]]]}"));
    }
}
