package be.carenetwork.map;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import be.carenetwork.directory.Blur;
import be.carenetwork.directory.OpeningHours;
import be.carenetwork.neighbourhood.Boundary;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.taxonomy.CategoryLabel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Speed of the map's GeoJSON on a city: the 145 real Brussels quarters (../shared/data), 20,000 actors placed inside
 * them with skewed density, 100,000 residents. Not a test (surefire does not pick *Benchmark); run it with
 * <pre>mvn -o test -Dtest=GeoBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * and, for the first render of the map with the demo data, a running demo app:
 * <pre>-Dbenchmark.demoUrl=http://localhost:8104/map</pre>
 * Figures go to standard output and to target/benchmark/map.txt. The rate limit is off for it.
 */
@CareNetworkTest
@TestPropertySource(properties = "care.map.rate-limit.enabled=false")
class GeoBenchmark {

    static final Path QUARTERS = Path.of("../shared/data/brussels-neighbourhoods/monitoring_quartiers_145.geojson");
    static final int ACTORS = 20_000;
    static final int RESIDENTS = 100_000;
    static final String[] CATEGORIES = {"general_practice", "pharmacy", "home_nursing", "home_care", "mental_health",
            "physiotherapy", "general_social_work", "paperwork", "food_aid", "language_help", "digital_help",
            "shopping", "meals", "odd_jobs", "company_visits", "transport_appointments", "community_activities"};
    static final String[] KINDS = {"ORGANISATION", "SERVICE", "PROFESSIONAL", "SHOP", "SCHOOL", "REFERRAL_POINT",
            "NEIGHBOUR", "VOLUNTEER", "INFORMAL_CARER"};

    /** A write that changes nothing the map shows but moves the graph version on. */
    static final String CHANGE = "MERGE (t:BenchmarkTick) SET t.at = timestamp()";

    @LocalServerPort int port;
    @Autowired TestGraph graph;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired ObjectMapper json;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        String demoUrl = System.getProperty("benchmark.demoUrl");
        if (demoUrl != null) {
            firstRender(demoUrl);
            widget(demoUrl.replaceFirst("/map.*$", "") + "/widget/frame?neighbourhood=JET-GARE");
            if (Boolean.getBoolean("benchmark.demoOnly")) {
                return;
            }
        }
        assumeTrue(Files.exists(QUARTERS), "needs " + QUARTERS);
        List<String> largest = generate();
        line("data: 145 quarters, %,d actors, %,d residents; largest quarters have %s actors", ACTORS, RESIDENTS,
                largest.subList(0, 3));
        List<String> codes = largest.stream().map(s -> s.substring(0, s.indexOf('='))).toList();

        // One neighbourhood: the ten most populated quarters, in turn.
        for (int i = 0; i < 30; i++) {
            get("/api/geo/actors?neighbourhood=" + codes.get(i % codes.size()), true, null);
        }
        // Each measured twice: after a change (a write before every request moves the graph version on, so the
        // graph is read), and unchanged (the body kept since the last change is sent; see RecentBodies).
        for (boolean changed : new boolean[] {true, false}) {
            List<Double> times = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < 300; i++) {
                if (changed) {
                    graph.run(CHANGE);
                }
                Result r = get("/api/geo/actors?neighbourhood=" + codes.get(i % codes.size()), true, null);
                times.add(r.millis);
                bytes = Math.max(bytes, r.wireBytes);
            }
            line("GET /api/geo/actors?neighbourhood=<one of the 10 largest>, %s: p50 %.1f ms, p95 %.1f ms, max gzipped %,d bytes (300 requests)",
                    changed ? "after a change" : "unchanged", percentile(times, 50), percentile(times, 95), bytes);
        }

        Result city = null;
        for (boolean changed : new boolean[] {true, false}) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                if (changed) {
                    graph.run(CHANGE);
                }
                city = get("/api/geo/actors", true, null);
                times.add(city.millis);
            }
            line("GET /api/geo/actors (whole city, %,d features), %s: p50 %.0f ms, p95 %.0f ms, %,d bytes gzipped, %,d bytes raw (20 requests)",
                    city.features, changed ? "after a change" : "unchanged", percentile(times, 50), percentile(times, 95),
                    city.wireBytes, city.rawBytes);
        }

        Result notModified = get("/api/geo/actors", true, city.etag);
        line("GET /api/geo/actors with If-None-Match: HTTP %d in %.0f ms, %d bytes", notModified.status, notModified.millis, notModified.wireBytes);

        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            graph.run(CHANGE);
            times.add(get("/api/geo/neighbourhoods", true, null).millis);
        }
        Result boundaries = get("/api/geo/neighbourhoods", true, null);
        line("GET /api/geo/neighbourhoods (145 quarters), after a change: p50 %.0f ms, p95 %.0f ms, %,d bytes gzipped",
                percentile(times, 50), percentile(times, 95), boundaries.wireBytes);

        String basic = "Basic " + Base64.getEncoder().encodeToString("analyst:analyst-demo".getBytes());
        for (String category : new String[] {"pharmacy", "health_care"}) {
            times.clear();
            for (int i = 0; i < 6; i++) {
                times.add(get("/api/geo/coverage?category=" + category, false, null, basic).millis);
            }
            line("GET /api/geo/coverage?category=%s (145 quarters, %,d residents): p50 %.0f ms, max %.0f ms",
                    category, RESIDENTS, percentile(times, 50), percentile(times, 100));
        }
        Path out = Path.of("target/benchmark/map.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    /** Navigation to first markers on the running demo app, in headless Chromium: a cold first load, then warm ones. */
    private void firstRender(String url) {
        assumeTrue(Browser.available(), "needs chromium and chromedriver");
        List<Double> warm = new ArrayList<>();
        double cold = 0;
        for (int i = 0; i < 6; i++) {
            WebDriver browser = i == 0 || i == 5 ? Browser.start(1400, 900) : null;
            if (browser == null) {
                continue;
            }
            try {
                for (int j = 0; j < (i == 0 ? 1 : 5); j++) {
                    browser.get(url + (url.contains("?") ? "&" : "?") + "lang=fr");
                    String ms = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                            d.findElement(By.tagName("body")).getAttribute("data-first-render-ms"));
                    if (i == 0) {
                        cold = Double.parseDouble(ms);
                    } else {
                        warm.add(Double.parseDouble(ms));
                    }
                }
            } finally {
                browser.quit();
            }
        }
        line("map first render (%s, headless Chromium, navigation to first markers): cold profile %.0f ms; warm p50 %.0f ms, max %.0f ms",
                url, cold, percentile(warm, 50), percentile(warm, 100));
    }

    /** Navigation to markers for the widget's iframe page, fresh profile each time (Leaflet not cached on the first). */
    private void widget(String url) {
        List<Double> times = new ArrayList<>();
        WebDriver browser = Browser.start(400, 500);
        try {
            for (int i = 0; i < 6; i++) {
                browser.get(url);
                String ms = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                        d.findElement(By.id("care-map")).getAttribute("data-care-map-ms"));
                times.add(Double.parseDouble(ms));
            }
        } finally {
            browser.quit();
        }
        line("widget (%s, 400 px, headless Chromium, navigation to markers): first load %.0f ms; then p50 %.0f ms, max %.0f ms",
                url, times.getFirst(), percentile(times.subList(1, times.size()), 50), percentile(times.subList(1, times.size()), 100));
    }

    record Result(int status, double millis, long wireBytes, long rawBytes, int features, String etag) {
    }

    private Result get(String path, boolean gzip, String etag) throws Exception {
        return get(path, gzip, etag, null);
    }

    private Result get(String path, boolean gzip, String etag, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        byte[] body = response.body();
        byte[] raw = body;
        if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                raw = in.readAllBytes();
            }
        }
        int features = 0;
        if (response.statusCode() == 200 && path.startsWith("/api/geo/actors")) {
            JsonNode tree = json.readTree(raw);
            features = tree.get("features").size();
        }
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " " + new String(raw));
        }
        return new Result(response.statusCode(), millis, body.length, raw.length, features,
                response.headers().firstValue("ETag").orElse(null));
    }

    /** Writes the city with plain Cypher in batches: quarters, actors (10 % private) with capacities and labels, residents. */
    private List<String> generate() throws Exception {
        graph.clear();
        Random random = new Random(145);
        GeometryFactory geometry = new GeometryFactory();
        JsonNode quarters = json.readTree(Files.readString(QUARTERS));
        List<Neighbourhoods.NeighbourhoodData> data = new ArrayList<>();
        List<Boundary> boundaries = new ArrayList<>();
        for (JsonNode feature : quarters.get("features")) {
            Boundary boundary;
            try {
                boundary = Boundary.fromGeoJson("geometry", feature.get("geometry").toString());
            } catch (RuntimeException invalid) {
                boundary = Boundary.of("geometry", new org.locationtech.jts.io.geojson.GeoJsonReader()
                        .read(feature.get("geometry").toString()).buffer(0));
            }
            JsonNode p = feature.get("properties");
            data.add(new Neighbourhoods.NeighbourhoodData("BXL-" + p.get("mdrc").asInt(), p.get("name_fr").asString(),
                    p.get("name_nl").asString(), "Brussels (benchmark)", boundary, false));
            boundaries.add(boundary);
        }
        neighbourhoods.save(data, b -> List.of());
        // Skewed density: a few busy quarters, many quiet ones.
        double[] weights = new double[data.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.pow(random.nextDouble(), 3) + 0.05;
            total += weights[i];
        }
        List<Integer> slots = OpeningHours.slotsOf("h", "Mo-Fr 09:00-12:00,13:30-17:00");
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Integer> perQuarter = new HashMap<>();
        for (int i = 0; i < ACTORS; i++) {
            int q = pick(weights, total, random);
            GeoPoint at = pointIn(random, boundaries.get(q), geometry);
            String kind = KINDS[random.nextInt(KINDS.length)];
            List<String> offers = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                String c = CATEGORIES[(int) Math.min(CATEGORIES.length - 1, Math.abs(random.nextGaussian()) * 5)];
                if (!offers.contains(c)) {
                    offers.add(c);
                }
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
            row.put("name", kind.charAt(0) + kind.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ') + " " + i + " (benchmark)");
            row.put("kind", kind);
            row.put("formal", !List.of("NEIGHBOUR", "VOLUNTEER", "INFORMAL_CARER").contains(kind));
            row.put("lon", at.lon());
            row.put("lat", at.lat());
            row.put("languages", random.nextBoolean() ? List.of("fr", "nl") : List.of("fr"));
            row.put("visibility", random.nextInt(10) == 0 ? "PRIVATE" : "PUBLIC");
            row.put("slots", random.nextBoolean() ? slots : null);
            row.put("quarter", data.get(q).code());
            row.put("labels", offers.stream().map(CategoryLabel::of).toList());
            row.put("offers", offers);
            rows.add(row);
            perQuarter.merge(data.get(q).code(), 1, Integer::sum);
            if (rows.size() == 2000) {
                writeActors(rows);
                rows.clear();
            }
        }
        writeActors(rows);
        rows.clear();
        for (int i = 0; i < RESIDENTS; i++) {
            int q = pick(weights, total, random);
            GeoPoint home = pointIn(random, boundaries.get(q), geometry);
            GeoPoint blurred = Blur.of(home);
            Map<String, Object> row = new HashMap<>();
            row.put("id", "bench-r-" + i);
            row.put("lon", home.lon());
            row.put("lat", home.lat());
            row.put("blon", blurred.lon());
            row.put("blat", blurred.lat());
            row.put("quarter", data.get(q).code());
            row.put("label", random.nextInt(5) == 0 ? CategoryLabel.of(CATEGORIES[11 + random.nextInt(6)]) : null);
            rows.add(row);
            if (rows.size() == 10_000) {
                writeResidents(rows);
                rows.clear();
            }
        }
        writeResidents(rows);
        return perQuarter.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private void writeActors(List<Map<String, Object>> rows) {
        graph.run("""
                UNWIND $rows AS row
                MATCH (n:Neighbourhood {code: row.quarter})
                CREATE (a:Actor {id: row.id, name: row.name, kind: row.kind, formal: row.formal, languages: row.languages,
                                 targetGroups: ['adults'], wheelchair: 'UNKNOWN', visibility: row.visibility,
                                 openingHours: CASE WHEN row.slots IS NULL THEN null ELSE 'Mo-Fr 09:00-12:00,13:30-17:00' END,
                                 openSlots: row.slots, contactPublic: false, demo: false,
                                 location: point({longitude: row.lon, latitude: row.lat})})-[:LOCATED_IN]->(n)
                SET a:$(row.labels)
                WITH a, row
                UNWIND row.offers AS code
                MATCH (c:HelpCategory {code: code})
                CREATE (a)-[:OFFERS {id: randomUUID(), radiusMetres: 1000, maxActive: 5}]->(c)""", Map.of("rows", rows));
    }

    private void writeResidents(List<Map<String, Object>> rows) {
        graph.run("""
                UNWIND $rows AS row
                MATCH (n:Neighbourhood {code: row.quarter})
                CREATE (r:Resident {id: row.id, pseudonym: row.id, displayName: 'Benchmark resident', languages: ['fr'],
                                    location: point({longitude: row.lon, latitude: row.lat}),
                                    blurredLocation: point({longitude: row.blon, latitude: row.blat})})-[:LIVES_IN]->(n)
                FOREACH (label IN CASE WHEN row.label IS NULL THEN [] ELSE [row.label] END | SET r:$(label))""",
                Map.of("rows", rows));
    }

    private static int pick(double[] weights, double total, Random random) {
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static GeoPoint pointIn(Random random, Boundary boundary, GeometryFactory geometry) {
        Envelope box = boundary.envelope();
        while (true) {
            double lon = box.getMinX() + random.nextDouble() * box.getWidth();
            double lat = box.getMinY() + random.nextDouble() * box.getHeight();
            if (boundary.geometry().contains(geometry.createPoint(new Coordinate(lon, lat)))) {
                return new GeoPoint(lat, lon);
            }
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println("BENCHMARK " + text);
        report.append(text).append('\n');
    }
}
