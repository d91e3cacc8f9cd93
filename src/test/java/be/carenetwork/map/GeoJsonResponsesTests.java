package be.carenetwork.map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeoJsonResponsesTests {

    @Test
    void shouldMatchEitherEncodingsTagWeaklyOrAStar() {
        assertThat(GeoJsonResponses.matches("\"abc\"", "abc")).isTrue();
        assertThat(GeoJsonResponses.matches("W/\"abc-gzip\"", "abc")).isTrue();
        assertThat(GeoJsonResponses.matches("\"x\", \"abc-gzip\"", "abc")).isTrue();
        assertThat(GeoJsonResponses.matches("*", "abc")).isTrue();
        assertThat(GeoJsonResponses.matches("\"abd\"", "abc")).isFalse();
        assertThat(GeoJsonResponses.matches(null, "abc")).isFalse();
    }

    @Test
    void shouldGzipOnlyWhenTheClientAcceptsIt() {
        assertThat(GeoJsonResponses.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(GeoJsonResponses.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(GeoJsonResponses.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(GeoJsonResponses.acceptsGzip("identity")).isFalse();
        assertThat(GeoJsonResponses.acceptsGzip(null)).isFalse();
    }

    @Test
    void shouldGiveTheSameBodyTheSameTagAndAnotherBodyAnother() {
        assertThat(GeoJsonResponses.hash("{\"a\":1}".getBytes())).isEqualTo(GeoJsonResponses.hash("{\"a\":1}".getBytes()))
                .isNotEqualTo(GeoJsonResponses.hash("{\"a\":2}".getBytes()));
    }
}
