package be.carenetwork.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import be.carenetwork.benchmark.CityGraph;
import be.carenetwork.system.GeoPoint;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Adds a care network to the city-scale graph: each actor knowing 10 to 40 others (four in five of them within
 * about a kilometre, the rest anywhere in the city), formal actors referring to 2 to 6 others for categories these
 * offer (mostly ones they know), four past care meetings per quarter with 12 to 18 attendees (which add and
 * strengthen KNOWS as the application does), two problems raised per meeting and some open needs per quarter.
 * Seeded, and recorded with {@code :DataLoad {name: 'referral-network-benchmark'}} so later runs reuse it.
 */
class ReferralCityNetwork {

    static final String MARKER = "referral-network-benchmark";
    private static final long SEED = 6;
    private static final int BATCH = 10_000;
    private static final double CELL_LAT = 0.005;
    private static final double CELL_LON = 0.008;

    record CityActor(String id, GeoPoint location, boolean formal, String quarter, List<String> offers) {
    }

    private final Neo4jClient neo4j;
    private final CityGraph city;
    private List<CityActor> actors;

    ReferralCityNetwork(Neo4jClient neo4j, CityGraph city) {
        this.neo4j = neo4j;
        this.city = city;
    }

    List<CityActor> actors() {
        if (actors == null) {
            actors = neo4j.query("""
                            MATCH (a:Actor)
                            RETURN a.id AS id, a.location AS location, a.formal AS formal,
                                   [(a)-[:LOCATED_IN]->(n:Neighbourhood) | n.code][0] AS quarter,
                                   [(a)-[:OFFERS]->(c:HelpCategory) | c.code] AS offers
                            ORDER BY a.id""")
                    .fetchAs(CityActor.class)
                    .mappedBy((t, r) -> new CityActor(r.get("id").asString(), GeoPoint.from(r.get("location")),
                            r.get("formal").asBoolean(false), r.get("quarter").asString(""), r.get("offers").asList(Value::asString)))
                    .all().stream().toList();
        }
        return actors;
    }

    synchronized ReferralCityNetwork ensureGenerated() {
        city.ensureGenerated();
        boolean done = neo4j.query("MATCH (d:DataLoad {name: $name}) RETURN count(d) > 0").bind(MARKER).to("name")
                .fetchAs(Boolean.class).one().orElse(false);
        if (!done) {
            generate();
        }
        return this;
    }

    private void generate() {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        List<CityActor> all = actors();
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            grid.computeIfAbsent(cell(all.get(i).location(), 0, 0), c -> new ArrayList<>()).add(i);
        }
        // KNOWS: each actor starts 5 to 20 acquaintances; with those others start, 10 to 40 each.
        Set<Long> pairs = new HashSet<>();
        List<Set<Integer>> known = new ArrayList<>();
        all.forEach(a -> known.add(new HashSet<>()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int wanted = 5 + random.nextInt(16);
            List<Integer> near = nearby(all.get(i).location(), grid, 2);
            for (int tries = 0, made = 0; made < wanted && tries < wanted * 4; tries++) {
                int j = random.nextInt(5) < 4 && near.size() > 1 ? near.get(random.nextInt(near.size())) : random.nextInt(all.size());
                if (j == i || !pairs.add(key(i, j))) {
                    continue;
                }
                made++;
                known.get(i).add(j);
                known.get(j).add(i);
                LocalDate since = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(2400));
                rows.add(Map.of("a", all.get(Math.min(i, j)).id(), "b", all.get(Math.max(i, j)).id(), "since", since));
                if (rows.size() == BATCH) {
                    write(KNOWS, rows);
                }
            }
        }
        write(KNOWS, rows);
        // REFERS_TO: formal actors, to formal actors they mostly know, for what those offer.
        for (int a = 0; a < all.size(); a++) {
            final int i = a;
            CityActor from = all.get(i);
            if (!from.formal()) {
                continue;
            }
            List<Integer> candidates = new ArrayList<>(known.get(i).stream().filter(j -> all.get(j).formal()).sorted().toList());
            List<Integer> near = nearby(from.location(), grid, 3).stream().filter(j -> all.get(j).formal() && j != i).toList();
            int count = 2 + random.nextInt(5);
            Set<Integer> chosen = new LinkedHashSet<>();
            for (int tries = 0; chosen.size() < count && tries < count * 4; tries++) {
                List<Integer> pool = random.nextInt(10) < 7 && !candidates.isEmpty() ? candidates : near;
                if (!pool.isEmpty()) {
                    chosen.add(pool.get(random.nextInt(pool.size())));
                }
            }
            for (int j : chosen) {
                List<String> offers = all.get(j).offers();
                if (offers.isEmpty()) {
                    continue;
                }
                Set<String> categories = new LinkedHashSet<>();
                int c = 1 + random.nextInt(Math.min(2, offers.size()));
                while (categories.size() < c) {
                    categories.add(offers.get(random.nextInt(offers.size())));
                }
                rows.add(Map.of("a", from.id(), "b", all.get(j).id(), "categories", List.copyOf(categories),
                        "since", LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000))));
                if (rows.size() == BATCH) {
                    write(REFERS_TO, rows);
                }
            }
        }
        write(REFERS_TO, rows);
        meetings(random, all);
        neo4j.query("CREATE (:DataLoad {name: $name, loadedAt: datetime()})").bind(MARKER).to("name").run();
        System.out.printf("Generated the referral network in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    private void meetings(Random random, List<CityActor> all) {
        Map<String, List<CityActor>> byQuarter = new HashMap<>();
        all.stream().filter(CityActor::formal).forEach(a -> byQuarter.computeIfAbsent(a.quarter(), q -> new ArrayList<>()).add(a));
        List<String> categories = city.leafCategories();
        List<Map<String, Object>> meetingRows = new ArrayList<>();
        List<Map<String, Object>> pairRows = new ArrayList<>();
        List<Map<String, Object>> needRows = new ArrayList<>();
        for (CityGraph.Quarter quarter : city.quarters()) {
            List<CityActor> local = byQuarter.getOrDefault(quarter.code(), List.of());
            for (int k = 4; k >= 1; k--) {
                String id = new UUID(random.nextLong(), random.nextLong()).toString();
                LocalDate date = LocalDate.of(2026, 10, 1).minusDays(k * 84L + random.nextInt(10));
                List<String> attendees = new ArrayList<>();
                int count = Math.min(local.size(), 12 + random.nextInt(7));
                List<CityActor> shuffled = new ArrayList<>(local);
                java.util.Collections.shuffle(shuffled, random);
                shuffled.stream().limit(count).forEach(a -> attendees.add(a.id()));
                List<Map<String, Object>> problems = List.of(
                        Map.of("id", UUID.randomUUID().toString(), "category", categories.get(random.nextInt(6))),
                        Map.of("id", UUID.randomUUID().toString(), "category", categories.get(random.nextInt(categories.size()))));
                meetingRows.add(Map.of("id", id, "quarter", quarter.code(), "date", date, "attendees", attendees, "problems", problems));
                for (int x = 0; x < attendees.size(); x++) {
                    for (int y = x + 1; y < attendees.size(); y++) {
                        String a = attendees.get(x), b = attendees.get(y);
                        pairRows.add(Map.of("low", a.compareTo(b) < 0 ? a : b, "high", a.compareTo(b) < 0 ? b : a,
                                "meeting", id, "date", date));
                    }
                }
            }
            for (int n = 0; n < 30; n++) {
                needRows.add(Map.of("id", new UUID(random.nextLong(), random.nextLong()).toString(), "quarter", quarter.code(),
                        "category", categories.get(random.nextInt(categories.size())),
                        "location", CityGraph.pointIn(random, quarter).toNeo4j(),
                        "createdAt", LocalDate.of(2026, 10, 1).minusDays(random.nextInt(400)).atStartOfDay(java.time.ZoneOffset.UTC)));
            }
        }
        neo4j.query("""
                        UNWIND $rows AS m
                        MATCH (n:Neighbourhood {code: m.quarter})
                        CREATE (cm:CareMeeting {id: m.id, date: m.date, mode: 'IN_PERSON', title: 'Benchmark meeting', demo: false})-[:HELD_IN]->(n)
                        WITH cm, m
                        CALL (cm, m) {
                          UNWIND m.problems AS problem
                          MATCH (c:HelpCategory {code: problem.category})
                          CREATE (p:MeetingProblem {id: problem.id, description: 'Benchmark problem', createdAt: datetime()})-[:RAISED_AT]->(cm),
                                 (p)-[:ABOUT]->(c)
                        }
                        UNWIND m.attendees AS attendee
                        MATCH (a:Actor {id: attendee})
                        CREATE (a)-[:ATTENDED {sharesContact: true}]->(cm)""")
                .bind(meetingRows).to("rows").run();
        for (int from = 0; from < pairRows.size(); from += BATCH) {
            neo4j.query("""
                            UNWIND $rows AS pair
                            MATCH (low:Actor {id: pair.low}), (high:Actor {id: pair.high})
                            MERGE (low)-[k:KNOWS]-(high)
                            ON CREATE SET k.strength = 0, k.meetings = [], k.declared = false
                            SET k.strength = coalesce(k.strength, 0) + 1, k.meetings = coalesce(k.meetings, []) + pair.meeting,
                                k.since = CASE WHEN k.since IS NULL OR k.since > pair.date THEN pair.date ELSE k.since END""")
                    .bind(pairRows.subList(from, Math.min(pairRows.size(), from + BATCH))).to("rows").run();
        }
        neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (n:Neighbourhood {code: row.quarter}), (c:HelpCategory {code: row.category})
                        CREATE (need:Need {id: row.id, status: 'OPEN', location: row.location, createdAt: row.createdAt,
                                           maxDistanceMetres: 2000, description: 'Benchmark need', demo: false})
                        CREATE (need)-[:FOR]->(c), (need)-[:LOCATED_IN]->(n)""")
                .bind(needRows).to("rows").run();
    }

    private static final String KNOWS = """
            UNWIND $rows AS row
            MATCH (a:Actor {id: row.a}), (b:Actor {id: row.b})
            CREATE (a)-[:KNOWS {since: row.since, strength: 0, meetings: [], declared: true, declaredOn: row.since}]->(b)""";

    private static final String REFERS_TO = """
            UNWIND $rows AS row
            MATCH (a:Actor {id: row.a}), (b:Actor {id: row.b})
            MERGE (a)-[r:REFERS_TO]->(b)
            SET r.categories = row.categories, r.since = row.since""";

    private void write(String cypher, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            neo4j.query(cypher).bind(List.copyOf(rows)).to("rows").run();
            rows.clear();
        }
    }

    private List<Integer> nearby(GeoPoint point, Map<Long, List<Integer>> grid, int reach) {
        List<Integer> found = new ArrayList<>();
        for (int dy = -reach; dy <= reach; dy++) {
            for (int dx = -reach; dx <= reach; dx++) {
                found.addAll(grid.getOrDefault(cell(point, dy, dx), List.of()));
            }
        }
        return found;
    }

    private static long cell(GeoPoint point, int dy, int dx) {
        long y = (long) Math.floor(point.lat() / CELL_LAT) + dy;
        long x = (long) Math.floor(point.lon() / CELL_LON) + dx;
        return y * 1_000_000L + x;
    }

    private static long key(int i, int j) {
        return (long) Math.min(i, j) * 1_000_000L + Math.max(i, j);
    }
}
