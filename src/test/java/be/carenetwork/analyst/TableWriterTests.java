package be.carenetwork.analyst;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TableWriterTests {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldWriteCsvWithQuotingPointsAsWktAndListsAsJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter csv = TableWriter.csv(out, json)) {
            csv.start(List.of("name", "location", "languages", "count", "missing"));
            csv.row(Arrays.asList("Dr \"Who\", GP", new GeoJsonPoint(4.32, 50.87), List.of("fr", "nl"), 3L, null));
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                name,location,languages,count,missing\r
                "Dr ""Who"", GP",POINT (4.32 50.87),"[""fr"",""nl""]",3,\r
                """);
    }

    @Test
    void shouldKeepSpreadsheetsFromRunningTextAsAFormula() {
        assertThat(TableWriter.Csv.formulaSafe("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(TableWriter.Csv.formulaSafe("@SUM(A1)")).startsWith("'");
        assertThat(TableWriter.Csv.formulaSafe("Pharmacie")).isEqualTo("Pharmacie");
    }

    @Test
    void shouldWriteGeoJsonFeaturesWithTheGeometryColumnAsGeometry() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter geoJson = TableWriter.geoJson(out, json, "geometry")) {
            geoJson.start(List.of("code", "geometry"));
            geoJson.row(List.of("T1", "{\"type\":\"Polygon\",\"coordinates\":[[[4.3,50.8],[4.4,50.8],[4.3,50.9],[4.3,50.8]]]}"));
        }

        var collection = json.readTree(out.toByteArray());
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features").get(0).get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(collection.get("features").get(0).get("properties").propertyNames()).containsExactly("code");
        assertThat(json.writeValueAsString(Map.of("p", new GeoJsonPoint(4.3, 50.8))))
                .isEqualTo("{\"p\":{\"type\":\"Point\",\"coordinates\":[4.3,50.8]}}");
    }
}
