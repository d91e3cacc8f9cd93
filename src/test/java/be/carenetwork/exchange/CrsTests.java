package be.carenetwork.exchange;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CrsTests {

    /**
     * Vertices of the UrbIS municipality shapefile (EPSG:31370) and the same vertices in
     * ../shared/data/brussels-neighbourhoods/brussels_municipalities_19.geojson, which its authors converted with pyproj
     * ("BD72 to WGS 84 (3)", stated accuracy 1 m) and rounded to 6 decimals.
     */
    @Test
    void shouldConvertLambert72ToWgs84WithinTwoMetresOfPyproj() {
        Crs.Conversion conversion = Crs.LAMBERT72.toWgs84();
        double[][][] pairs = {
                {{151305.93998749822, 174626.05092241522}, {4.38731, 50.881995}},   // Evere
                {{149046.7900000002, 171749.9528424237}, {4.355215, 50.856142}},    // Saint-Josse-ten-Noode
                {{149075.44100000107, 169481.6938424306}, {4.355627, 50.835751}}};  // Saint-Gilles
        for (double[][] pair : pairs) {
            double[] lonLat = conversion.convert(pair[0][0], pair[0][1]);
            assertThat(lonLat[0]).isCloseTo(pair[1][0], within(0.00003));
            assertThat(lonLat[1]).isCloseTo(pair[1][1], within(0.00002));
        }
    }

    @Test
    void shouldReadTheWaysFilesNameTheirCrs() {
        assertThat(Crs.parse("urn:ogc:def:crs:EPSG::31370")).contains(Crs.LAMBERT72);
        assertThat(Crs.parse("EPSG:31370")).contains(Crs.LAMBERT72);
        assertThat(Crs.parse("urn:ogc:def:crs:OGC:1.3:CRS84")).contains(Crs.WGS84);
        assertThat(Crs.parse("EPSG:4326")).contains(Crs.WGS84);
        assertThat(Crs.parse("EPSG:3857")).isEmpty();
    }

    @Test
    void shouldSayWhenLambertMetresAreReadAsDegreesAndTheOtherWayRound() {
        assertThat(Crs.WGS84.toWgs84().check(150000, 170000)).contains("Lambert 72");
        assertThat(Crs.LAMBERT72.toWgs84().check(4.35, 50.85)).contains("wrong CRS");
        assertThat(Crs.WGS84.toWgs84().check(4.35, 95)).contains("outside");
        assertThat(Crs.WGS84.toWgs84().check(4.35, 50.85)).isNull();
    }
}
