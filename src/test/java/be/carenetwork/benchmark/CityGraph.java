package be.carenetwork.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Blur;
import be.carenetwork.directory.OpeningHours;
import be.carenetwork.neighbourhood.Boundary;
import be.carenetwork.neighbourhood.Municipalities;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.taxonomy.CategoryLabel;
import be.carenetwork.taxonomy.HelpCategories;
import be.carenetwork.taxonomy.HelpCategory;
import org.junit.jupiter.api.Assumptions;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The city-scale graph every benchmark runs on, as PERFORMANCE.md describes it: 120,000 located owners
 * (20,000 actors, 100,000 residents) inside the 145 real Brussels quarters, about 310,000 capacities over the
 * leaf help categories with skewed popularity, and 2,000 query points. Seeded: every run builds the same graph.
 * <p>
 * Generated once (written in batches of 2,000 over Bolt, about a minute here) and recorded with a
 * {@code :DataLoad {name: 'city-benchmark'}} node; later runs reuse it. Features that need more (KNOWS networks,
 * matches) add it in their own benchmark class with their own {@code DataLoad} marker.
 */
@TestComponent
public class CityGraph {

    public static final Path QUARTERS = Path.of("../shared/data/brussels-neighbourhoods/monitoring_quartiers_145.geojson");
    public static final Path MUNICIPALITIES = Path.of("../shared/data/brussels-neighbourhoods/brussels_municipalities_19.geojson");
    public static final int ACTORS = 20_000;
    public static final int RESIDENTS = 100_000;
    public static final int QUERY_POINTS = 2_000;
    private static final int BATCH = 2_000;
    private static final long SEED = 42;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final String[] LANGUAGES = {"fr", "fr", "fr", "nl", "nl", "en", "ar", "tr", "es", "pl", "ro", "pt"};
    private static final String[] HOURS = {"Mo-Fr 09:00-17:00", "Mo-Fr 08:30-12:00,14:00-18:30; Sa 09:00-12:30",
            "Mo-Su 07:00-21:00", "Tu,Th 09:30-16:00", "Mo-Sa 08:00-20:00", "24/7", "We,Sa 10:00-16:00"};
    private static final String[] AVAILABILITY = {"Sa,Su 10:00-18:00", "Mo-Fr 17:00-20:00", "Mo-Fr 09:00-12:00"};

    private final Neo4jClient neo4j;
    private final Neighbourhoods neighbourhoods;
    private final Municipalities municipalities;
    private final MunicipalityOverlap overlap;
    private final HelpCategories categories;
    private final ObjectMapper json;

    private List<Quarter> quarters;
    private List<String> leafCategories;
    private double[] categoryWeights;

    CityGraph(Neo4jClient neo4j, Neighbourhoods neighbourhoods, Municipalities municipalities,
              MunicipalityOverlap overlap, HelpCategories categories, ObjectMapper json) {
        this.neo4j = neo4j;
        this.neighbourhoods = neighbourhoods;
        this.municipalities = municipalities;
        this.overlap = overlap;
        this.categories = categories;
        this.json = json;
    }

    /** A quarter of the city: its code, polygon and area, for placing things inside it. */
    public record Quarter(String code, Boundary boundary, PreparedGeometry prepared, double areaKm2) {
    }

    /** A point where a benchmark asks something, and the category it asks for. */
    public record QueryPoint(GeoPoint point, String category, String quarter) {
    }

    /** Builds the graph unless an earlier run did; skips the benchmark when ../shared/data is not there. */
    public synchronized CityGraph ensureGenerated() {
        Assumptions.assumeTrue(Files.exists(QUARTERS), "The city-scale benchmark needs " + QUARTERS.toAbsolutePath());
        loadQuarters();
        boolean done = neo4j.query("MATCH (d:DataLoad {name: 'city-benchmark'}) RETURN count(d) > 0")
                .fetchAs(Boolean.class).one().orElse(false);
        if (!done) {
            generate();
        }
        return this;
    }

    public List<Quarter> quarters() {
        return quarters;
    }

    public List<String> leafCategories() {
        return leafCategories;
    }

    /** 2,000 points inside the quarters, each with a category drawn with the same skew as the capacities. */
    public List<QueryPoint> queryPoints() {
        Random random = new Random(SEED + 1);
        List<QueryPoint> points = new ArrayList<>(QUERY_POINTS);
        for (int i = 0; i < QUERY_POINTS; i++) {
            Quarter quarter = quarter(random);
            points.add(new QueryPoint(pointIn(random, quarter), category(random), quarter.code()));
        }
        return points;
    }

    private void loadQuarters() {
        if (quarters != null) {
            return;
        }
        List<Quarter> list = new ArrayList<>();
        for (JsonNode feature : features(QUARTERS)) {
            Boundary boundary = Boundary.fromGeoJson("geometry", feature.get("geometry").toString());
            list.add(new Quarter(feature.get("properties").get("mdrc").asString(), boundary,
                    PreparedGeometryFactory.prepare(boundary.geometry()), boundary.areaKm2()));
        }
        quarters = list;
        leafCategories = categories.all().stream().filter(c -> c.broader() != null).map(HelpCategory::code).toList();
        // Zipf-like popularity: the first categories are offered far more often than the last.
        categoryWeights = new double[leafCategories.size()];
        for (int i = 0; i < categoryWeights.length; i++) {
            categoryWeights[i] = 1.0 / (i + 1);
        }
    }

    private void generate() {
        long started = System.nanoTime();
        municipalities.save(features(MUNICIPALITIES).stream()
                .map(f -> new Municipalities.MunicipalityData(f.get("properties").get("NAT_CODE").asString(),
                        f.get("properties").get("NAME_FRE").asString(), f.get("properties").get("NAME_DUT").asString(),
                        Boundary.fromGeoJson("geometry", f.get("geometry").toString())))
                .toList());
        List<JsonNode> features = features(QUARTERS);
        List<Neighbourhoods.NeighbourhoodData> data = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode p = features.get(i).get("properties");
            data.add(new Neighbourhoods.NeighbourhoodData(p.get("mdrc").asString(), p.get("name_fr").asString(),
                    p.get("name_nl").asString(), "Brussels", quarters.get(i).boundary(), false));
        }
        neighbourhoods.save(data, overlap.calculator());

        Random random = new Random(SEED);
        Map<String, List<Integer>> slots = new HashMap<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < ACTORS; i++) {
            batch.add(actor(random, i, slots));
            if (batch.size() == BATCH) {
                writeOwners("Actor", batch);
            }
        }
        writeOwners("Actor", batch);
        for (int i = 0; i < RESIDENTS; i++) {
            batch.add(resident(random, i, slots));
            if (batch.size() == BATCH) {
                writeOwners("Resident", batch);
            }
        }
        writeOwners("Resident", batch);
        neo4j.query("CREATE (:DataLoad {name: 'city-benchmark', loadedAt: datetime()})").run();
        System.out.printf("Generated the city-scale graph in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    private Map<String, Object> actor(Random random, int i, Map<String, List<Integer>> slots) {
        ActorKind kind = kind(random);
        Quarter quarter = quarter(random);
        GeoPoint at = pointIn(random, quarter);
        String hours = kind.formal() ? HOURS[random.nextInt(HOURS.length)] : null;
        Map<String, Object> props = new HashMap<>();
        props.put("name", kind.name().toLowerCase() + " " + i);
        props.put("description", "Benchmark actor " + i);
        props.put("kind", kind.name());
        props.put("formal", kind.formal());
        props.put("languages", languages(random));
        props.put("openingHours", hours);
        props.put("openSlots", hours == null ? null : slots.computeIfAbsent(hours, h -> OpeningHours.parse("h", h).weeklySlots()));
        props.put("targetGroups", List.of("adults"));
        props.put("wheelchair", random.nextBoolean() ? "YES" : "UNKNOWN");
        props.put("visibility", kind.formal() ? "PUBLIC" : "PRIVATE");
        props.put("contactPublic", kind.formal());
        props.put("phone", "+32 2 000 00 00");
        props.put("demo", false);
        props.put("outsideNeighbourhoods", false);
        return owner(random, uuid(random), props, at, quarter, 1 + random.nextInt(5), kind.formal() ? 3000 : 1000, slots);
    }

    private Map<String, Object> resident(Random random, int i, Map<String, List<Integer>> slots) {
        Quarter quarter = quarter(random);
        GeoPoint at = pointIn(random, quarter);
        Map<String, Object> props = new HashMap<>();
        props.put("pseudonym", "R-B" + i);
        props.put("displayName", "Resident " + i);
        props.put("birthYear", 1930 + random.nextInt(80));
        props.put("languages", languages(random));
        props.put("consentDate", LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)));
        props.put("demo", false);
        props.put("blurredLocation", Blur.of(at).toNeo4j());
        // 0 to 5 capacities, 2.5 on average: with the actors' 3, about 310,000 in all
        return owner(random, uuid(random), props, at, quarter, random.nextInt(6), 1000, slots);
    }

    private Map<String, Object> owner(Random random, String id, Map<String, Object> props, GeoPoint at, Quarter quarter,
                                      int capacityCount, int radius, Map<String, List<Integer>> slots) {
        Set<String> offered = new LinkedHashSet<>();
        while (offered.size() < capacityCount) {
            offered.add(category(random));
        }
        List<Map<String, Object>> offers = new ArrayList<>();
        for (String category : offered) {
            String availability = AVAILABILITY[random.nextInt(AVAILABILITY.length)];
            offers.add(Map.of("category", category, "props", Map.of("id", uuid(random), "radiusMetres", radius,
                    "availability", availability, "availabilitySlots",
                    slots.computeIfAbsent(availability, a -> OpeningHours.parse("a", a).weeklySlots()),
                    "maxActive", 1 + random.nextInt(3))));
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("props", props);
        row.put("location", at.toNeo4j());
        row.put("neighbourhood", quarter.code());
        row.put("labels", offered.stream().map(CategoryLabel::of).toList());
        row.put("offers", offers);
        return row;
    }

    private void writeOwners(String label, List<Map<String, Object>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        String placeIn = label.equals("Actor") ? "LOCATED_IN" : "LIVES_IN";
        neo4j.query("""
                        UNWIND $rows AS row
                        CREATE (o:$($label) {id: row.id})
                        SET o += row.props, o.location = row.location, o:$(row.labels)
                        WITH o, row
                        MATCH (n:Neighbourhood {code: row.neighbourhood})
                        CREATE (o)-[:$($placeIn)]->(n)
                        WITH o, row
                        UNWIND row.offers AS offer
                        MATCH (c:HelpCategory {code: offer.category})
                        CREATE (o)-[r:OFFERS]->(c)
                        SET r = offer.props""")
                .bindAll(Map.of("rows", List.copyOf(batch), "label", label, "placeIn", placeIn))
                .run();
        batch.clear();
    }

    private Quarter quarter(Random random) {
        double total = quarters.stream().mapToDouble(Quarter::areaKm2).sum();
        double pick = random.nextDouble() * total;
        for (Quarter quarter : quarters) {
            pick -= quarter.areaKm2();
            if (pick <= 0) {
                return quarter;
            }
        }
        return quarters.getLast();
    }

    private String category(Random random) {
        double total = java.util.Arrays.stream(categoryWeights).sum();
        double pick = random.nextDouble() * total;
        for (int i = 0; i < categoryWeights.length; i++) {
            pick -= categoryWeights[i];
            if (pick <= 0) {
                return leafCategories.get(i);
            }
        }
        return leafCategories.getLast();
    }

    private static ActorKind kind(Random random) {
        int pick = random.nextInt(100);
        if (pick < 15) return ActorKind.ORGANISATION;
        if (pick < 30) return ActorKind.SERVICE;
        if (pick < 50) return ActorKind.PROFESSIONAL;
        if (pick < 55) return ActorKind.SHOP;
        if (pick < 58) return ActorKind.SCHOOL;
        if (pick < 60) return ActorKind.REFERRAL_POINT;
        if (pick < 80) return ActorKind.NEIGHBOUR;
        if (pick < 95) return ActorKind.VOLUNTEER;
        return ActorKind.INFORMAL_CARER;
    }

    private static List<String> languages(Random random) {
        Set<String> spoken = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (spoken.size() < count) {
            spoken.add(LANGUAGES[random.nextInt(LANGUAGES.length)]);
        }
        return List.copyOf(spoken);
    }

    public static GeoPoint pointIn(Random random, Quarter quarter) {
        Envelope box = quarter.boundary().envelope();
        while (true) {
            double lon = box.getMinX() + random.nextDouble() * box.getWidth();
            double lat = box.getMinY() + random.nextDouble() * box.getHeight();
            if (quarter.prepared().contains(GEOMETRY.createPoint(new Coordinate(lon, lat)))) {
                return new GeoPoint(lat, lon);
            }
        }
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private List<JsonNode> features(Path file) {
        try {
            List<JsonNode> list = new ArrayList<>();
            json.readTree(Files.readString(file)).get("features").forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
