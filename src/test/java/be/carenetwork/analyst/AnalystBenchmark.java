package be.carenetwork.analyst;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import be.carenetwork.benchmark.BenchmarkReport;
import be.carenetwork.benchmark.CityGraph;
import be.carenetwork.benchmark.CityScaleBenchmark;
import be.carenetwork.benchmark.Measurement;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.ExecutionPlanDescription;
import org.neo4j.graphdb.Result;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's figures on the city-scale graph, with what analysts ask about added to it (needs, matches with after
 * care, care meetings, KNOWS and REFERS_TO networks): the cost of the analyst graph (build, cut-off, memory, disk),
 * every library query's time and plan, the HTTP endpoint's own overhead, the exports, and Bolt as the analyst.
 * Run with {@code mvn -Pbenchmark test} (README, "Benchmark").
 */
@CityScaleBenchmark
class AnalystBenchmark {

    private static final long SEED = 7;
    private static final int NEEDS = 8_000;

    @Autowired CityGraph city;
    @Autowired BenchmarkReport report;
    @Autowired Neo4jClient neo4j;
    @Autowired AnalystGraph analystGraph;
    @Autowired AnalystQueries queries;
    @Autowired QueryLibrary library;
    @Autowired AnalystProperties properties;
    @Autowired PseudonymisedSnapshot snapshot;
    @Autowired Driver driver;
    @Autowired DatabaseSelectionProvider database;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    @Test
    void analyst() throws Exception {
        city.ensureGenerated();
        addWhatAnalystsAskAbout();

        report.section("Analysts: the analyst graph (pseudonymised copy of the city-scale graph)");
        report.note("Main graph: " + neo4j.query("""
                        MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships""")
                .fetch().one().orElseThrow());
        long heapBefore = usedHeapAfterGc();
        long rssBefore = rssKb();
        analystGraph.refresh(true);
        AnalystGraph.Status status = analystGraph.status();
        long heapAfter = usedHeapAfterGc();
        long rssAfter = rssKb();
        report.note("Build (copy, pseudonymise, index) %d ms, phases %s; analysts cut off (stop old copy, start new one) %d ms."
                .formatted(status.buildMillis(), status.phases(), status.swapMillis()));
        report.note("Copied: " + status.counts());
        report.note("Memory with the analyst graph open: heap +%d MB (after GC), process RSS +%d MB; page cache %s (off heap); store on disk %d MB."
                .formatted((heapAfter - heapBefore) >> 20, (rssAfter - rssBefore) >> 10, properties.pageCache(),
                        folderSize(properties.dataDir()) >> 20));

        runLibrary();
        httpOverhead();
        exports();
        boltAsAnalyst();
    }

    // ------------------------------------------------------------------------------------------ the library

    private void runLibrary() {
        report.section("Analysts: every library query on the analyst graph (service layer, in-process, read transaction; 2 warm-up, 10 timed)");
        Map<String, String> plans = new java.util.LinkedHashMap<>();
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        for (LibraryQuery query : library.all()) {
            var limits = queries.limits(null, null, false, false);
            long[] count = new long[1];
            Measurement m = report.add(Measurement.of(query.name(), 2, 10,
                    i -> count[0] = AnalystQueries.answer(queries.library("benchmark", query.name(), Map.of(), limits), 10_000).rowCount()));
            rows.put(query.name(), count[0]);
            plans.put(query.name(), profile(query));
            if (m.percentile(95) > 1000) {
                report.note("**" + query.name() + " is over 1 s at p95.**");
            }
        }
        report.note("Rows returned: " + rows);

        AnalystGraph off = new AnalystGraph(properties, new AnalystGraphBuilder(snapshot), null, false, 0);
        AnalystQueries onMain = new AnalystQueries(off, library, driver, database, properties);
        report.section("Analysts: the same library queries on the main graph over Bolt (care.analyst.graph=OFF; 1 warm-up, 5 timed)");
        for (LibraryQuery query : library.all()) {
            var limits = onMain.limits(null, null, false, false);
            report.add(Measurement.of(query.name() + " (main graph)", 1, 5,
                    i -> AnalystQueries.answer(onMain.library("benchmark", query.name(), Map.of(), limits), 10_000)));
        }

        report.note("Plans of the library queries on the analyst graph (PROFILE, rows and db hits per operator):");
        plans.forEach((name, plan) -> report.note("**" + name + "**\n\n" + plan));
    }

    private String profile(LibraryQuery query) {
        Map<String, Object> parameters = new HashMap<>(QueryLibrary.parameters(query, Map.of()));
        try (AnalystGraph.Lease lease = analystGraph.lease(Duration.ofSeconds(60));
             Result result = lease.tx().execute("PROFILE " + query.cypher(), parameters)) {
            result.accept(row -> true);
            StringBuilder out = new StringBuilder("```\n");
            long total = render(result.getExecutionPlanDescription(), 0, out);
            return out.append("total db hits: ").append(total).append("\n```").toString();
        }
    }

    private static long render(ExecutionPlanDescription plan, int depth, StringBuilder out) {
        long hits = plan.hasProfilerStatistics() ? plan.getProfilerStatistics().getDbHits() : 0;
        out.append("  ".repeat(depth)).append(plan.getName());
        if (plan.hasProfilerStatistics()) {
            out.append("  rows=").append(plan.getProfilerStatistics().getRows()).append(" dbHits=").append(hits);
        }
        Object details = plan.getArguments().get("Details");
        if (details != null) {
            String text = details.toString().replace("\n", " ");
            out.append("  ").append(text.length() > 160 ? text.substring(0, 160) + "…" : text);
        }
        out.append('\n');
        for (ExecutionPlanDescription child : plan.getChildren()) {
            hits += render(child, depth + 1, out);
        }
        return hits;
    }

    // ------------------------------------------------------------------------------------------ HTTP

    private void httpOverhead() throws Exception {
        Http http = Http.signIn(port, "analyst", "analyst-demo");
        String code = neo4j.query("MATCH (n:Neighbourhood) RETURN n.code ORDER BY n.code LIMIT 1").fetchAs(String.class).one().orElseThrow();
        String count = "MATCH (r:Resident)-[:LIVES_IN]->(:Neighbourhood {code: $code}) RETURN count(r) AS residents";
        var limits = queries.limits(null, null, false, false);

        report.section("Analysts: POST /api/analyst/query, the endpoint's own overhead (signed-in session, like the page)");
        report.note("Load average when this section started: " + Files.readString(Path.of("/proc/loadavg")).strip()
                + " (2 cores shared with other work: absolute times vary, compare rows measured together).");
        report.add(Measurement.of("HTTP: GET /api/analyst/status (same security and session, no query), whole request", 300, 2000,
                i -> http.getOk("/api/analyst/status")));
        Measurement serviceTrivial = report.add(Measurement.of("service layer: RETURN 1 (guard + read transaction + answer)", 300, 2000,
                i -> AnalystQueries.answer(queries.custom("benchmark", "RETURN 1", Map.of(), limits), 10_000)));
        Measurement httpTrivial = report.add(Measurement.of("HTTP: RETURN 1, whole request", 300, 2000,
                i -> http.postOk("/api/analyst/query", json.writeValueAsString(Map.of("cypher", "RETURN 1")))));
        Measurement serviceCount = report.add(Measurement.of("service layer: residents of one quarter", 100, 1000,
                i -> AnalystQueries.answer(queries.custom("benchmark", count, Map.of("code", code), limits), 10_000)));
        Measurement httpCount = report.add(Measurement.of("HTTP: residents of one quarter, whole request", 100, 1000,
                i -> http.postOk("/api/analyst/query", json.writeValueAsString(Map.of("cypher", count, "parameters", Map.of("code", code))))));
        report.add(Measurement.of("HTTP: coverage_by_neighbourhood_and_category, whole request", 2, 10,
                i -> http.postOk("/api/analyst/queries/coverage_by_neighbourhood_and_category", "{}")));
        report.note("Overhead of HTTP (security, JSON in and out, the servlet) over the service layer, p50 / p95: RETURN 1 %.2f / %.2f ms; one quarter's residents %.2f / %.2f ms."
                .formatted(httpTrivial.percentile(50) - serviceTrivial.percentile(50), httpTrivial.percentile(95) - serviceTrivial.percentile(95),
                        httpCount.percentile(50) - serviceCount.percentile(50), httpCount.percentile(95) - serviceCount.percentile(95)));
        HttpClient basic = HttpClient.newHttpClient();
        String authorization = "Basic " + Base64.getEncoder().encodeToString("analyst:analyst-demo".getBytes(StandardCharsets.UTF_8));
        report.add(Measurement.of("HTTP with HTTP Basic on every request (bcrypt each time): RETURN 1", 5, 50, i -> {
            try {
                var response = basic.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/analyst/query"))
                        .header("Authorization", authorization).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"cypher\":\"RETURN 1\"}")).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).isEqualTo(200);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private void exports() throws Exception {
        Http http = Http.signIn(port, "analyst", "analyst-demo");
        report.section("Analysts: streamed exports of the pseudonymised snapshot (from the main graph), whole download");
        for (String file : List.of("residents.csv", "capacities.csv", "actors.geojson", "needs.geojson", "neighbourhoods.geojson")) {
            long[] bytes = new long[1];
            Measurement m = report.add(Measurement.of("GET /api/analyst/snapshot/" + file, 1, 3, i -> bytes[0] = http.download("/api/analyst/snapshot/" + file)));
            report.note("%s: %d MB, %.0f MB/s".formatted(file, bytes[0] >> 20, (bytes[0] / 1048576.0) / (m.percentile(50) / 1000)));
        }
        long[] bytes = new long[1];
        report.add(Measurement.of("POST /api/analyst/query as CSV: every resident's pseudonym, quarter and blurred location", 1, 3,
                i -> bytes[0] = http.postCsv("/api/analyst/query", "{\"cypher\":\"MATCH (r:Resident)-[:LIVES_IN]->(n) RETURN r.pseudonym, n.code, r.location\"}")));
        report.note("That CSV: %d MB.".formatted(bytes[0] >> 20));
    }

    private void boltAsAnalyst() {
        report.section("Analysts: their own tools over Bolt (Java driver as the analyst account, auto-commit)");
        try (Driver analyst = GraphDatabase.driver("bolt://localhost:" + analystGraph.boltPort().orElseThrow(),
                AuthTokens.basic(properties.username(), properties.password())); Session session = analyst.session()) {
            report.add(Measurement.of("RETURN 1", 200, 1000, i -> session.run("RETURN 1").consume()));
            report.add(Measurement.of("residents per quarter (145 rows)", 5, 50, i -> session.run("""
                    MATCH (r:Resident)-[:LIVES_IN]->(n:Neighbourhood) RETURN n.code, count(r)""").list()));
        }
    }

    // ------------------------------------------------------------------------------------------ data

    /** Needs, matches with after care, meetings, KNOWS and REFERS_TO on the city graph; once, seeded. */
    private void addWhatAnalystsAskAbout() {
        boolean done = neo4j.query("MATCH (d:DataLoad {name: 'analyst-benchmark'}) RETURN count(d) > 0")
                .fetchAs(Boolean.class).one().orElse(false);
        if (done) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(SEED);
        List<String> categories = city.leafCategories();
        record Owner(String id, String quarter) {
        }
        List<Owner> residents = neo4j.query("MATCH (r:Resident)-[:LIVES_IN]->(n) RETURN r.id AS id, n.code AS quarter ORDER BY id")
                .fetchAs(Owner.class).mappedBy((t, r) -> new Owner(r.get("id").asString(), r.get("quarter").asString())).all().stream().toList();
        List<Owner> formal = neo4j.query("MATCH (a:Actor)-[:LOCATED_IN]->(n) WHERE a.formal RETURN a.id AS id, n.code AS quarter ORDER BY id")
                .fetchAs(Owner.class).mappedBy((t, r) -> new Owner(r.get("id").asString(), r.get("quarter").asString())).all().stream().toList();
        Map<String, List<String>> formalByQuarter = new HashMap<>();
        formal.forEach(a -> formalByQuarter.computeIfAbsent(a.quarter(), q -> new ArrayList<>()).add(a.id()));
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        String[] languages = {"fr", "nl", "en", "ar", "tr", "es", "pl", "ro"};

        List<Map<String, Object>> needs = new ArrayList<>();
        List<Map<String, Object>> matches = new ArrayList<>();
        for (int i = 0; i < NEEDS; i++) {
            Owner resident = residents.get(random.nextInt(residents.size()));
            List<String> local = formalByQuarter.getOrDefault(resident.quarter(), List.of(formal.get(0).id()));
            int pick = random.nextInt(100);
            String status = pick < 60 ? "OPEN" : pick < 75 ? "MATCHED" : pick < 95 ? "CLOSED" : "CANCELLED";
            ZonedDateTime created = now.minusDays(random.nextInt(730)).minusMinutes(random.nextInt(1440));
            Map<String, Object> need = new HashMap<>();
            need.put("id", uuid(random));
            need.put("resident", resident.id());
            need.put("category", categories.get(Math.min(categories.size() - 1, (int) (-Math.log(1 - random.nextDouble()) * 6))));
            need.put("status", status);
            need.put("createdAt", created);
            need.put("language", random.nextInt(5) == 0 ? languages[random.nextInt(languages.length)] : null);
            need.put("registeredBy", random.nextInt(10) < 3 ? local.get(random.nextInt(local.size())) : null);
            needs.add(need);
            if (status.equals("MATCHED") || status.equals("CLOSED") || random.nextInt(20) == 0) {
                String matchStatus = status.equals("CLOSED") ? "CLOSED" : status.equals("MATCHED")
                        ? (random.nextBoolean() ? "ACTIVE" : "VALIDATED") : "DECLINED";
                matches.add(Map.of("id", uuid(random), "need", need.get("id"), "by", local.get(random.nextInt(local.size())),
                        "status", matchStatus, "createdAt", created.plusDays(2),
                        "dueDate", created.plusDays(21 + random.nextInt(40)).toLocalDate(), "score", random.nextDouble()));
            }
        }
        write("""
                UNWIND $rows AS row
                MATCH (r:Resident {id: row.resident})-[:LIVES_IN]->(n:Neighbourhood)
                MATCH (c:HelpCategory {code: row.category})
                CREATE (need:Need {id: row.id, status: row.status, createdAt: row.createdAt, language: row.language,
                                   location: r.location, maxDistanceMetres: 1500, demo: false})
                CREATE (r)-[:HAS_NEED]->(need), (need)-[:FOR]->(c), (need)-[:LOCATED_IN]->(n)
                WITH need, row
                MATCH (a:Actor {id: row.registeredBy})
                CREATE (a)-[:REGISTERED]->(need)""", needs);
        write("""
                UNWIND $rows AS row
                MATCH (need:Need {id: row.need}), (a:Actor {id: row.by})
                CREATE (m:Match {id: row.id, status: row.status, createdAt: row.createdAt, dueDate: row.dueDate, score: row.score})
                CREATE (m)-[:FOR_NEED]->(need), (m)-[:BY]->(a)""", matches);

        List<Map<String, Object>> links = new ArrayList<>();
        for (Owner actor : formal) {
            List<String> local = formalByQuarter.get(actor.quarter());
            for (int k = 0; k < 5; k++) {
                String other = k < 4 && local.size() > 1 ? local.get(random.nextInt(local.size())) : formal.get(random.nextInt(formal.size())).id();
                if (!other.equals(actor.id())) {
                    links.add(Map.of("from", actor.id(), "to", other, "type", "KNOWS",
                            "since", now.toLocalDate().minusDays(random.nextInt(730)), "categories", List.of()));
                }
            }
            for (int k = 0; k < 2; k++) {
                String other = random.nextInt(5) > 0 && local.size() > 1 ? local.get(random.nextInt(local.size())) : formal.get(random.nextInt(formal.size())).id();
                if (!other.equals(actor.id())) {
                    links.add(Map.of("from", actor.id(), "to", other, "type", "REFERS_TO",
                            "since", now.toLocalDate().minusDays(random.nextInt(730)),
                            "categories", List.of(categories.get(random.nextInt(categories.size())))));
                }
            }
        }
        write("""
                UNWIND $rows AS row
                MATCH (a:Actor {id: row.from}), (b:Actor {id: row.to})
                CALL (a, b, row) {
                  WITH a, b, row WHERE row.type = 'KNOWS'
                  CREATE (a)-[:KNOWS {since: row.since, strength: 1}]->(b)
                  UNION
                  WITH a, b, row WHERE row.type = 'REFERS_TO'
                  CREATE (a)-[:REFERS_TO {since: row.since, categories: row.categories}]->(b)
                }""", links);

        List<Map<String, Object>> meetings = new ArrayList<>();
        for (Map.Entry<String, List<String>> quarter : formalByQuarter.entrySet()) {
            for (int k = 0; k < 8; k++) {
                List<String> attendees = new ArrayList<>();
                for (int a = 0; a < 10 + random.nextInt(6) && !quarter.getValue().isEmpty(); a++) {
                    attendees.add(quarter.getValue().get(random.nextInt(quarter.getValue().size())));
                }
                meetings.add(Map.of("id", uuid(random), "quarter", quarter.getKey(),
                        "date", LocalDate.of(2025, 1, 15).plusMonths(3L * k), "attendees", attendees.stream().distinct().toList()));
            }
        }
        write("""
                UNWIND $rows AS row
                MATCH (n:Neighbourhood {code: row.quarter})
                CREATE (m:CareMeeting {id: row.id, date: row.date, mode: 'IN_PERSON', title: 'Care meeting ' + row.quarter})-[:HELD_IN]->(n)
                WITH m, row
                UNWIND row.attendees AS attendee
                MATCH (a:Actor {id: attendee})
                CREATE (a)-[:ATTENDED {sharesContact: true}]->(m)""", meetings);
        neo4j.query("MATCH (a:Actor {kind: 'REFERRAL_POINT'}) SET a:ReferralPoint").run();
        neo4j.query("CREATE (:DataLoad {name: 'analyst-benchmark', loadedAt: datetime()})").run();
        report.note("Added for analysts in %d s: %d needs, %d matches, %d KNOWS/REFERS_TO, %d care meetings."
                .formatted((System.nanoTime() - started) / 1_000_000_000, needs.size(), matches.size(), links.size(), meetings.size()));
    }

    private void write(String cypher, List<Map<String, Object>> rows) {
        for (int from = 0; from < rows.size(); from += 2_000) {
            neo4j.query(cypher).bind(rows.subList(from, Math.min(rows.size(), from + 2_000))).to("rows").run();
        }
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    // ------------------------------------------------------------------------------------------ measuring

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0L);
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    /** A browser-like client: signed in with the login form, a session cookie, the CSRF header from its cookie. */
    private record Http(HttpClient client, CookieManager cookies, int port) {

        static Http signIn(int port, String user, String password) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
            String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
            String token = csrf.find() ? csrf.group(1) : "";
            String form = "username=" + user + "&password=" + password + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding());
            Http http = new Http(client, cookies, port);
            http.post("/api/analyst/query", "{\"cypher\":\"RETURN 1\"}", "application/json"); // hands out the CSRF cookie
            return http;
        }

        private @Nullable String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        HttpResponse<InputStream> post(String path, String body, String accept) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json").header("Accept", accept)
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                String token = csrf();
                if (token != null) {
                    request.header("X-XSRF-TOKEN", token);
                }
                return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        void postOk(String path, String body) {
            var response = post(path, body, "application/json");
            try (InputStream in = response.body()) {
                byte[] bytes = in.readAllBytes();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + " " + new String(bytes, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void getOk(String path) {
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + ": " + response.statusCode());
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        long postCsv(String path, String body) {
            var response = post(path, body, "text/csv");
            try (InputStream in = response.body()) {
                long n = in.transferTo(java.io.OutputStream.nullOutputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                return n;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        long download(String path) {
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    long n = in.transferTo(java.io.OutputStream.nullOutputStream());
                    assertThat(response.statusCode()).isEqualTo(200);
                    return n;
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
