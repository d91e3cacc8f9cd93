package be.carenetwork.exchange;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static be.carenetwork.exchange.ExchangeFixtures.twoMunicipalities;
import static be.carenetwork.exchange.ExchangeFixtures.twoNeighbourhoods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CareNetworkTest
class ImportCommandTests {

    @Autowired ImportCommand command;
    @Autowired TestGraph graph;
    @Autowired Neighbourhoods neighbourhoods;
    @TempDir Path folder;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void clear() {
        graph.clear();
    }

    int run(String... args) {
        return command.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String file(String name, String content) throws Exception {
        Path path = folder.resolve(name);
        Files.writeString(path, content);
        return path.toString();
    }

    @Test
    void shouldImportMunicipalitiesThenNeighbourhoodsAndPrintASummary() throws Exception {
        assertThat(run("import", "municipalities", file("m.geojson", twoMunicipalities()), "--code-property", "nis")).isZero();
        int code = run("import", "neighbourhoods", file("n.geojson", twoNeighbourhoods()), "--code-property=code",
                "--care.neo4j.embedded.data-dir=ignored-here");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Imported neighbourhoods from n.geojson in")
                .contains("2 read, 2 created, 0 updated, 0 rejected")
                .contains("spanning more than one municipality: 1");
        assertThat(neighbourhoods.get("A2").municipalities()).hasSize(2);
    }

    @Test
    void shouldPrintEveryProblemOfARefusedFileAndExitWithOne() throws Exception {
        String csv = file("bad.csv", "lon,lat,amenity,name,osm_id\n4.32,50.87,pharmacy,Good,1\n4.32,,pharmacy,No latitude,2\n");

        assertThat(run("import", "actors", csv)).isOne();

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.csv was refused; nothing from it was written (1 problem):")
                .contains("line 3: has no position");
        assertThat(graph.count("MATCH (a:Actor) RETURN count(a)")).isZero();
    }

    @Test
    void shouldExplainUsageMistakesAndExitWithTwo() {
        assertThat(run("import", "boundaries", "x.geojson")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Say what to import").contains("Usage:");
        assertThat(run("import", "neighbourhoods", "x.geojson")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--code-property is required");
        assertThat(run("import", "actors", "x.csv", "--crs", "EPSG:3857")).isOne();
    }

    @Test
    void shouldReadOptionsWithOrWithoutEqualsAndSkipSpringSettings() {
        var parsed = ImportCommand.parse(new String[] {"import", "actors", "places.geojson", "--mapping=m.yml", "--source", "osm",
                "--skip-invalid", "--server.port=8103"});

        assertThat(parsed.kind()).isEqualTo("actors");
        assertThat(parsed.file()).isEqualTo("places.geojson");
        assertThat(parsed.options()).containsEntry("mapping", "m.yml").containsEntry("source", "osm").containsEntry("skip-invalid", "true")
                .doesNotContainKey("server.port");
        assertThatThrownBy(() -> ImportCommand.parse(new String[] {"import", "hsds", "a.json", "--code-property", "x"}))
                .hasMessage("--code-property is not an option of 'import hsds'");
    }

    @Test
    void shouldSayWhenTheFileIsNotThere() {
        assertThat(run("import", "hsds", folder.resolve("missing.json").toString())).isOne();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("file: there is no file");
    }
}
