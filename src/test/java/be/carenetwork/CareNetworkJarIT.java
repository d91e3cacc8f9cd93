package be.carenetwork;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application as it is deployed (target/app: the extracted jar with its AOT cache, see the README's
 * Deployment): embedded default, demo data on the first start, the proximity search answering, a Bolt client with the
 * configured password, a clean stop, and a second start on the same data; then the same start from the plain jar,
 * without the cache, for comparison. Start and stop times are written to target/benchmark/startup.md (figures, not
 * assertions).
 */
class CareNetworkJarIT {

    private static final Path DATA = Path.of("target/jar-it-data");
    /** What the build made in the package phase; started from the project's folder, as the cache was trained. */
    private static final List<String> DEPLOYED = List.of("-XX:AOTCache=target/app/care-network.aot",
            "-Xlog:aot*=error,cds*=error", "-jar", "target/app/care-network.jar");
    private Process app;

    @AfterEach
    void stop() {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
        }
    }

    @Test
    void shouldRunFromThePackagedJarWithDemoDataAndKeepItAcrossARestart() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        Files.deleteIfExists(Path.of("target/jar-it.log"));
        int http = freePort();
        int bolt = freePort();

        assertThat(Path.of("target/app/care-network.aot")).as("the AOT cache made by the package phase").exists();
        long firstStart = start(DEPLOYED, http, bolt);
        String nearby = get(http, "/api/actors/nearby?lat=50.877&lon=4.322&distance=1000&category=pharmacy");
        assertThat(nearby).contains("\"distanceMetres\"").contains("Pharmacie");
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + bolt, AuthTokens.basic("neo4j", "care-network-demo"))) {
            long nodes = driver.executableQuery("MATCH (n) RETURN count(n) AS n").execute().records().getFirst().get("n").asLong();
            assertThat(nodes).isGreaterThan(200);
        }
        long stop = stopApp();

        long secondStart = start(DEPLOYED, http, bolt);
        assertThat(get(http, "/api/actors?size=1")).contains("\"total\":");
        long secondStop = stopApp();

        long plainStart = start(List.of("-jar", plainJar().toString()), http, bolt);
        long plainStop = stopApp();

        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/startup.md"), """
                ## Start and stop of the packaged application (embedded Neo4j, demo data, 1 GiB heap)
                | what | ms |
                |---|---|
                | first start to healthy, target/app with the AOT cache (new data folder: store, password, migrations, demo network) | %d |
                | stop (SIGTERM to exit) | %d |
                | second start to healthy, target/app with the AOT cache (existing data) | %d |
                | second stop | %d |
                | third start to healthy, plain `java -jar`, no cache (existing data) | %d |
                | third stop | %d |
                """.formatted(firstStart, stop, secondStart, secondStop, plainStart, plainStop), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        System.out.println(Files.readString(Path.of("target/benchmark/startup.md")));
    }

    private static Path plainJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("care-network-directory-.*\\.jar")).findFirst().orElseThrow();
        }
    }

    private long start(List<String> launch, int http, int bolt) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g"));
        command.addAll(launch);
        command.addAll(List.of("--server.port=" + http, "--care.neo4j.embedded.bolt-port=" + bolt,
                "--care.neo4j.embedded.data-dir=" + DATA));
        long started = System.nanoTime();
        app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/jar-it.log").toFile()))
                .start();
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() - started < Duration.ofSeconds(240).toNanos()) {
            if (!app.isAlive()) {
                throw new AssertionError("The application stopped by itself. The end of target/jar-it.log:\n" + logTail());
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + http + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The application did not become healthy within 240 s. The end of target/jar-it.log:\n"
                + logTail());
    }

    private long stopApp() throws Exception {
        long started = System.nanoTime();
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            // CI keeps only what the build prints: say where the stop hangs, with the threads and the log's end.
            throw new AssertionError("The application did not stop within 30 s of SIGTERM. Its threads:\n" + threadDump()
                    + "\nThe end of target/jar-it.log:\n" + logTail());
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private String threadDump() throws Exception {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(app.pid()), "Thread.print")
                .redirectErrorStream(true).start();
        String threads = new String(dump.getInputStream().readAllBytes());
        dump.waitFor(30, TimeUnit.SECONDS);
        return threads;
    }

    private static String logTail() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("target/jar-it.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String get(int port, String path) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
