package be.carenetwork.matching;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import be.carenetwork.benchmark.BenchmarkReport;
import be.carenetwork.benchmark.CityGraph;
import be.carenetwork.benchmark.CityScaleBenchmark;
import be.carenetwork.benchmark.Measurement;
import be.carenetwork.benchmark.QueryPlans;
import be.carenetwork.system.ConflictException;
import be.carenetwork.system.NotFoundException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's figures on the city-scale graph: proposals for one need (top 10), the dashboard of one quarter over a
 * year, and 50 concurrent clients validating matches for 60 s. Adds its own data once (marker
 * {@code DataLoad {name: 'matching-benchmark'}}): 2,000 needs at the harness's query points, 20,000 matches of the
 * last 18 months with help logged, and a pool of 20,000 proposed matches (5,000 needs, 4,000 capacities) that the
 * concurrency run validates; the pool is reset at the start of each run.
 */
@CityScaleBenchmark
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatchingBenchmark {

    private static final int HISTORY = 20_000;
    private static final int POOL_NEEDS = 5_000;
    private static final int POOL_CAPACITIES = 4_000;
    private static final int PROPOSALS_PER_POOL_NEED = 4;
    private static final int CLIENTS = 50;
    private static final long SECONDS = 60;
    private static final int[] MAX_DISTANCES = {1000, 1500, 2000};
    private static final String[] NEED_LANGUAGES = {"fr", "nl", "en", "ar"};
    private static final String[] NEEDED_AT = {"Tu 14:00-16:00", "Sa 10:00-12:00", "Mo-Fr 18:00-19:00"};
    private static final Caller COORDINATOR = new Caller("benchmark", true, true, Set.of());

    @Autowired CityGraph city;
    @Autowired BenchmarkReport report;
    @Autowired Neo4jClient neo4j;
    @Autowired Driver driver;
    @Autowired CapacityMatching matching;
    @Autowired MatchWorkflow workflow;
    @Autowired MatchingDashboard dashboard;

    /** A quick look at where the time goes, with {@code -Dmatching.probe=true}: PROFILE totals and timings per need. */
    @Test
    @Order(0)
    void probe() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("matching.probe"));
        ensureData();
        List<CapacityMatching.NeedFacts> facts = neo4j.query("MATCH (n:Need) WHERE n.id STARTS WITH 'bench-need-' RETURN n.id ORDER BY n.id LIMIT 300")
                .fetchAs(String.class).all().stream().map(matching::facts).toList();
        String popular = city.leafCategories().getFirst();
        List<CapacityMatching.NeedFacts> sample = new ArrayList<>(facts.stream()
                .filter(f -> f.category().equals(popular) && f.maxDistanceMetres() == 2000).limit(4).toList());
        sample.addAll(facts.subList(0, 6));
        for (CapacityMatching.NeedFacts need : sample) {
            Map<String, Object> params = plain(matching.rankingParameters(need, 10));
            long hits = QueryPlans.dbHits(driver, matching.rankingQuery(need), params);
            for (int i = 0; i < 20; i++) {
                neo4j.query(matching.rankingQuery(need)).bindAll(params).fetch().all();
            }
            long start = System.nanoTime();
            int rows = 0;
            for (int i = 0; i < 50; i++) {
                rows = ((List<?>) neo4j.query(matching.rankingQuery(need)).bindAll(params).fetch().one().orElseThrow()
                        .get("proposals")).size();
            }
            double rankMs = (System.nanoTime() - start) / 50 / 1e6;
            start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                matching.propose(need.id(), 10, COORDINATOR);
            }
            double proposeMs = (System.nanoTime() - start) / 50 / 1e6;
            System.out.printf("PROBE %s %s %dm lang=%s at=%s: dbHits=%d rows=%d rank=%.2fms propose=%.2fms%n", need.id(),
                    need.category(), need.maxDistanceMetres(), need.language(), need.neededAt(), hits, rows, rankMs, proposeMs);
        }
        List<CapacityMatching.NeedFacts> nones = neo4j.query("MATCH (n:Need) WHERE n.id STARTS WITH 'bench-need-' RETURN n.id ORDER BY n.id")
                .fetchAs(String.class).all().stream().map(matching::facts)
                .filter(f -> matching.rank(f, null, 10, COORDINATOR).isEmpty()).limit(60).toList();
        for (CapacityMatching.NeedFacts f : nones) {
            matching.propose(f.id(), 10, COORDINATOR);
        }
        double[] parts = new double[4];
        double[] worstParts = new double[4];
        for (CapacityMatching.NeedFacts f : nones) {
            long t0 = System.nanoTime();
            matching.facts(f.id());
            long t1 = System.nanoTime();
            matching.rank(f, null, 10, COORDINATOR);
            long t2 = System.nanoTime();
            matching.places(f, 1000);
            long t3 = System.nanoTime();
            matching.propose(f.id(), 10, COORDINATOR);
            long t4 = System.nanoTime();
            long[] t = {t0, t1, t2, t3, t4};
            for (int k = 0; k < 4; k++) {
                double ms = (t[k + 1] - t[k]) / 1e6;
                parts[k] += ms / nones.size();
                worstParts[k] = Math.max(worstParts[k], ms);
            }
        }
        System.out.printf("PROBE no-match parts over %d needs, mean (max) ms: facts %.1f (%.1f), ranking with the funnel %.1f (%.1f), places %.1f (%.1f), propose %.1f (%.1f)%n",
                nones.size(), parts[0], worstParts[0], parts[1], worstParts[1], parts[2], worstParts[2], parts[3], worstParts[3]);
        CapacityMatching.NeedFacts none = nones.getFirst();
        System.out.println("PROBE plan of a need with no proposal\n" + QueryPlans.profile(driver, matching.rankingQuery(none),
                plain(matching.rankingParameters(none, 10))));
    }

    @Test
    @Order(1)
    void proposals() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("matching.probe"));
        ensureData();
        List<String> needs = neo4j.query("MATCH (n:Need) WHERE n.id STARTS WITH 'bench-need-' RETURN n.id ORDER BY n.id")
                .fetchAs(String.class).all().stream().toList();
        int n = needs.size();
        report.section("Matching: proposals for one need, top 10 (city-scale graph, " + n + " needs at the query points; "
                + "maximum distance 1, 1.5 or 2 km, a language for one in three, a needed time for one in two)");
        long[] found = new long[2];
        // Warm-up: every need once, so that each category's queries are planned before timing (as in a running service).
        report.add(Measurement.of("service layer: CapacityMatching.propose (need facts + ranking; the why-not queries when none)",
                n, n, i -> {
                    Proposals p = matching.propose(needs.get(i % n), 10, COORDINATOR);
                    found[0] += p.proposals().size();
                    found[1] += p.proposals().isEmpty() ? 1 : 0;
                }));
        report.note("Proposals returned: %d in %d calls; needs with none (answered with the reason and referral points): %d."
                .formatted(found[0], n, found[1]));
        assertThat(found[0]).isPositive();

        List<CapacityMatching.NeedFacts> facts = needs.stream().map(matching::facts).toList();
        report.add(Measurement.of("the ranking query alone (one Cypher query, Bolt; with the funnel when nothing is proposed)", 200, n, i -> {
            CapacityMatching.NeedFacts need = facts.get(i % n);
            neo4j.query(matching.rankingQuery(need)).bindAll(matching.rankingParameters(need, 10)).fetch().all();
        }));
        String popular = city.leafCategories().getFirst();
        List<CapacityMatching.NeedFacts> worst = facts.stream()
                .filter(f -> f.category().equals(popular) && f.maxDistanceMetres() == 2000).toList();
        if (!worst.isEmpty()) {
            report.add(Measurement.of("worst case: the most offered category (" + popular + "), 2 km", 50, Math.max(worst.size(), 200),
                    i -> matching.propose(worst.get(i % worst.size()).id(), 10, COORDINATOR)));
        }

        CapacityMatching.NeedFacts sample = worst.isEmpty() ? facts.getFirst() : worst.getFirst();
        report.note("PROFILE of the ranking query for need " + sample.id() + " (category " + sample.category() + ", "
                + sample.maxDistanceMetres() + " m, categories searched " + sample.codes() + "):\n\n"
                + QueryPlans.profile(driver, matching.rankingQuery(sample), plain(matching.rankingParameters(sample, 10))));
        CapacityMatching.NeedFacts broad = facts.stream().filter(f -> f.codes().size() > 1).findFirst().orElse(null);
        if (broad == null) {
            String broadNeed = broadNeed(sample);
            broad = matching.facts(broadNeed);
        }
        report.note("PROFILE for a broad category (" + broad.category() + ": one index seek per narrower label, "
                + broad.codes().size() + " labels):\n\n"
                + QueryPlans.profile(driver, matching.rankingQuery(broad), plain(matching.rankingParameters(broad, 10))));
    }

    @Test
    @Order(2)
    void dashboard() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("matching.probe"));
        ensureData();
        List<String> quarters = neo4j.query("""
                        MATCH (m:Match) WHERE m.neighbourhood IS NOT NULL
                        WITH m.neighbourhood AS q, count(*) AS n ORDER BY n DESC LIMIT 20 RETURN q""")
                .fetchAs(String.class).all().stream().toList();
        LocalDate today = LocalDate.now();
        report.section("Matching: the dashboard of one quarter over the last year (20 busiest quarters, "
                + HISTORY + " matches of the last 18 months in the graph)");
        report.add(Measurement.of("service layer: MatchingDashboard.of (4 queries in one read transaction)", 40, 400,
                i -> dashboard.of(quarters.get(i % quarters.size()), null, null, COORDINATOR, today)));
        MatchingDashboard.Dashboard d = dashboard.of(quarters.getFirst(), null, null, COORDINATOR, today);
        report.note("Busiest quarter %s: %d people matched, %d matches, %.1f hours of help, %d capacities of which %d never used, %d open needs."
                .formatted(d.neighbourhood(), d.peopleMatched(), d.matchesValidated(), d.helpHours(), d.capacities(),
                        d.capacitiesNeverUsed(), d.openNeeds().stream().mapToLong(MatchingDashboard.OpenNeeds::total).sum()));
    }

    @Test
    @Order(3)
    void concurrentValidations() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("matching.probe"));
        ensureData();
        resetPool();
        List<String> pool = neo4j.query("MATCH (m:Match {benchPool: true}) RETURN m.id ORDER BY m.id").fetchAs(String.class)
                .all().stream().toList();
        report.section("Matching: " + CLIENTS + " concurrent clients validating for " + SECONDS + " s (service layer; "
                + pool.size() + " proposed matches over " + POOL_NEEDS + " needs and " + POOL_CAPACITIES
                + " capacities, so they collide; a client declines half of what it validated, freeing need and capacity)");
        AtomicLong validated = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        AtomicLong declined = new AtomicLong();
        Map<String, Long> errors = new ConcurrentHashMap<>();
        List<double[]> latencies = new ArrayList<>();
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<double[]>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                results.add(clients.submit(() -> {
                    List<Double> mine = new ArrayList<>();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        String id = pool.get(random.nextInt(pool.size()));
                        long start = System.nanoTime();
                        try {
                            workflow.validate(id, COORDINATOR, OffsetDateTime.now());
                            validated.incrementAndGet();
                            if (random.nextBoolean()) {
                                workflow.decline(id, "Benchmark: changed plans", COORDINATOR, OffsetDateTime.now());
                                declined.incrementAndGet();
                            }
                        } catch (ConflictException | NotFoundException expected) {
                            conflicts.incrementAndGet();
                        } catch (RuntimeException e) {
                            errors.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
                        }
                        mine.add((System.nanoTime() - start) / 1e6);
                    }
                    return mine.stream().mapToDouble(Double::doubleValue).toArray();
                }));
            }
            for (Future<double[]> result : results) {
                latencies.add(result.get());
            }
        }
        double[] all = latencies.stream().flatMapToDouble(java.util.Arrays::stream).sorted().toArray();
        report.add(new Measurement("validate (and sometimes decline) a match, per call, " + CLIENTS + " clients", all));
        long doubleBookedCapacities = neo4j.query("""
                        MATCH (m:Match {benchPool: true}) WITH DISTINCT m.capacityId AS capacityId
                        MATCH ()-[cap:OFFERS {id: capacityId}]->()
                        WITH cap, COUNT { MATCH (b:Match {capacityId: cap.id}) WHERE b.status IN ['VALIDATED', 'ACTIVE'] } AS booked
                        WHERE booked > coalesce(cap.maxActive, 1) RETURN count(*)""")
                .fetchAs(Long.class).one().orElseThrow();
        long doubleBookedNeeds = neo4j.query("""
                        MATCH (n:Need) WHERE n.id STARTS WITH 'bench-pool-'
                        WITH n, COUNT { MATCH (n)<-[:FOR_NEED]-(b:Match) WHERE b.status IN ['VALIDATED', 'ACTIVE'] } AS booked
                        WHERE booked > 1 OR (booked = 1) <> (n.status = 'MATCHED') RETURN count(*)""")
                .fetchAs(Long.class).one().orElseThrow();
        report.note(("%d calls in %d s (%.0f a second): %d validated, %d refused with 409 (need or capacity taken, or already "
                + "validated), %d declined again; errors: %s. Capacities over their maximum: %d. Needs booked twice or with a "
                + "status out of step: %d.").formatted(all.length, SECONDS, all.length / (double) SECONDS, validated.get(),
                conflicts.get(), declined.get(), errors.isEmpty() ? "none" : errors, doubleBookedCapacities, doubleBookedNeeds));
        assertThat(errors).isEmpty();
        assertThat(doubleBookedCapacities).isZero();
        assertThat(doubleBookedNeeds).isZero();
        assertThat(validated.get()).isPositive();
    }

    /** Neo4j driver values as plain parameters for a driver session. */
    private static Map<String, Object> plain(Map<String, Object> parameters) {
        return new HashMap<>(parameters);
    }

    private String broadNeed(CapacityMatching.NeedFacts like) {
        String broad = neo4j.query("MATCH (:HelpCategory {code: $code})-[:BROADER]->(b) RETURN b.code")
                .bind(like.category()).to("code").fetchAs(String.class).one().orElse("everyday_help");
        String id = "bench-broad-" + broad;
        neo4j.query("""
                        MERGE (n:Need {id: $id})
                        ON CREATE SET n.status = 'OPEN', n.location = $point, n.maxDistanceMetres = 1000, n.createdAt = datetime(),
                                      n.demo = false, n.description = 'Benchmark need, broad category'
                        WITH n MATCH (c:HelpCategory {code: $broad}) MERGE (n)-[:FOR]->(c)""")
                .bindAll(Map.of("id", id, "point", like.location().toNeo4j(), "broad", broad)).run();
        return id;
    }

    private void resetPool() {
        neo4j.query("""
                MATCH (m:Match {benchPool: true})
                SET m.status = 'PROPOSED'
                REMOVE m.validatedAt, m.validatedBy, m.declinedAt, m.declinedBy, m.declineReason
                WITH m
                OPTIONAL MATCH (m)-[:AUDITED]->(a:AuditEntry) WHERE a.action <> 'PROPOSE'
                DETACH DELETE a""").run();
        neo4j.query("MATCH (n:Need) WHERE n.id STARTS WITH 'bench-pool-' SET n.status = 'OPEN'").run();
    }

    private synchronized void ensureData() {
        city.ensureGenerated();
        boolean done = neo4j.query("MATCH (d:DataLoad {name: 'matching-benchmark'}) RETURN count(d) > 0")
                .fetchAs(Boolean.class).one().orElse(false);
        if (!done) {
            long started = System.nanoTime();
            generate();
            neo4j.query("CREATE (:DataLoad {name: 'matching-benchmark', loadedAt: datetime()})").run();
            System.out.printf("Generated the matching benchmark data in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        }
    }

    private void generate() {
        Random random = new Random(5);
        List<String> residents = neo4j.query("MATCH (r:Resident) RETURN r.id ORDER BY r.id LIMIT 30000")
                .fetchAs(String.class).all().stream().toList();

        // The needs proposals are measured on: at the harness's query points.
        List<Map<String, Object>> rows = new ArrayList<>();
        List<CityGraph.QueryPoint> points = city.queryPoints();
        for (int i = 0; i < points.size(); i++) {
            CityGraph.QueryPoint p = points.get(i);
            Map<String, Object> need = new HashMap<>();
            need.put("id", "bench-need-%04d".formatted(i));
            need.put("status", "OPEN");
            need.put("location", p.point().toNeo4j());
            need.put("maxDistanceMetres", MAX_DISTANCES[random.nextInt(MAX_DISTANCES.length)]);
            need.put("language", i % 3 == 0 ? NEED_LANGUAGES[random.nextInt(NEED_LANGUAGES.length)] : null);
            need.put("neededAt", i % 2 == 0 ? NEEDED_AT[random.nextInt(NEEDED_AT.length)] : null);
            need.put("createdAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(random.nextInt(60)));
            need.put("description", "Benchmark need");
            need.put("demo", false);
            rows.add(Map.of("need", need, "category", p.category(), "quarter", p.quarter(),
                    "residentId", residents.get(random.nextInt(residents.size()))));
        }
        writeNeeds(rows);

        List<Map<String, Object>> capacities = neo4j.query("""
                        MATCH (o)-[cap:OFFERS]->(c:HelpCategory)
                        WITH o, cap, c ORDER BY cap.id LIMIT $n
                        RETURN cap.id AS capacityId, o.id AS ownerId, o:Actor AS actor, o.kind AS kind,
                               coalesce(o.formal, false) AS formal, c.code AS category, o.location AS location,
                               COLLECT { MATCH (o)-[:LOCATED_IN|LIVES_IN]->(q:Neighbourhood) RETURN q.code }[0] AS quarter""")
                .bind(HISTORY + POOL_CAPACITIES).to("n").fetch().all().stream().toList();

        // History: matches of the last 18 months, for the dashboard and for realistic loads.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < HISTORY; i++) {
            Map<String, Object> cap = capacities.get(i);
            int pick = random.nextInt(100);
            String status = pick < 45 ? "CLOSED" : pick < 65 ? "ACTIVE" : pick < 75 ? "VALIDATED" : pick < 90 ? "DECLINED" : "PROPOSED";
            OffsetDateTime proposed = now.minusDays(random.nextInt(540)).minusMinutes(random.nextInt(600));
            Map<String, Object> match = matchProperties(cap, status, proposed, "bench-history-need-" + i);
            List<Map<String, Object>> help = new ArrayList<>();
            if (!status.equals("PROPOSED") && !status.equals("DECLINED")) {
                OffsetDateTime validated = earlier(proposed.plusDays(1), now);
                match.put("validatedAt", validated);
                match.put("validatedBy", "benchmark");
                if (!status.equals("VALIDATED")) {
                    int events = 1 + random.nextInt(3);
                    for (int e = 0; e < events; e++) {
                        OffsetDateTime at = earlier(validated.plusDays(2 + 7L * e), now);
                        help.add(Map.of("id", UUID.randomUUID().toString(), "date", at.toLocalDate(), "minutes",
                                30 + 15 * random.nextInt(8), "loggedBy", "benchmark", "loggedAt", at));
                    }
                    match.put("activatedAt", validated);
                }
                if (status.equals("CLOSED")) {
                    OffsetDateTime closed = earlier(validated.plusDays(20 + random.nextInt(40)), now);
                    match.put("closedAt", closed);
                    LocalDate due = closed.toLocalDate().plusDays(14);
                    match.put("dueDate", due);
                    if (due.isBefore(now.toLocalDate()) && random.nextInt(10) < 6) {
                        match.put("outcome", "Benchmark follow-up");
                        match.put("afterCareDoneAt", due.atStartOfDay().atOffset(ZoneOffset.UTC));
                    }
                }
            }
            if (status.equals("DECLINED")) {
                match.put("declinedAt", earlier(proposed.plusDays(1), now));
                match.put("declineReason", "Benchmark");
            }
            String needStatus = switch (status) {
                case "CLOSED" -> "CLOSED";
                case "ACTIVE", "VALIDATED" -> "MATCHED";
                default -> "OPEN";
            };
            batch.add(matchRow(cap, match, needStatus, residents.get(random.nextInt(residents.size())), proposed, help));
            if (batch.size() == 2_000) {
                writeMatches(batch);
            }
        }
        writeMatches(batch);

        // The pool the concurrent clients validate: 5,000 needs with 4 proposals each among 4,000 capacities.
        List<Map<String, Object>> poolCapacities = capacities.subList(HISTORY, HISTORY + POOL_CAPACITIES);
        for (int i = 0; i < POOL_NEEDS; i++) {
            String needId = "bench-pool-" + i;
            String resident = residents.get(random.nextInt(residents.size()));
            Set<Integer> chosen = new java.util.LinkedHashSet<>();
            while (chosen.size() < PROPOSALS_PER_POOL_NEED) {
                chosen.add(random.nextInt(POOL_CAPACITIES));
            }
            for (int c : chosen) {
                Map<String, Object> cap = poolCapacities.get(c);
                Map<String, Object> match = matchProperties(cap, "PROPOSED", now.minusDays(1), needId);
                match.put("benchPool", true);
                batch.add(matchRow(cap, match, "OPEN", resident, now.minusDays(2), List.of()));
            }
            if (batch.size() >= 2_000) {
                writeMatches(batch);
            }
        }
        writeMatches(batch);
    }

    private static Map<String, Object> matchProperties(Map<String, Object> cap, String status, OffsetDateTime proposed,
                                                       String needId) {
        Map<String, Object> match = new HashMap<>();
        match.put("id", UUID.randomUUID().toString());
        match.put("needId", needId);
        match.put("capacityId", cap.get("capacityId"));
        match.put("category", cap.get("category"));
        match.put("helperKind", CapacityMatching.helperKind((Boolean) cap.get("actor"), (String) cap.get("kind"),
                (Boolean) cap.get("formal")).name());
        match.put("neighbourhood", cap.get("quarter"));
        match.put("status", status);
        match.put("score", 60);
        match.put("proposedAt", proposed);
        match.put("createdAt", proposed);
        match.put("proposedBy", "benchmark");
        return match;
    }

    private static Map<String, Object> matchRow(Map<String, Object> cap, Map<String, Object> match, String needStatus,
                                                String residentId, OffsetDateTime needCreated, List<Map<String, Object>> help) {
        Map<String, Object> row = new HashMap<>();
        row.put("match", match);
        row.put("ownerId", cap.get("ownerId"));
        row.put("residentId", residentId);
        row.put("category", cap.get("category"));
        row.put("quarter", cap.get("quarter"));
        row.put("location", cap.get("location"));
        row.put("needStatus", needStatus);
        row.put("needCreated", needCreated);
        row.put("help", help);
        return row;
    }

    private void writeNeeds(List<Map<String, Object>> rows) {
        neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (c:HelpCategory {code: row.category})
                        MATCH (nb:Neighbourhood {code: row.quarter})
                        MATCH (r:Resident {id: row.residentId})
                        CREATE (n:Need) SET n = row.need
                        CREATE (r)-[:HAS_NEED]->(n), (n)-[:FOR]->(c), (n)-[:LOCATED_IN]->(nb)""")
                .bind(rows).to("rows").run();
    }

    private void writeMatches(List<Map<String, Object>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        neo4j.query("""
                        UNWIND $rows AS row
                        MERGE (n:Need {id: row.match.needId})
                        ON CREATE SET n.status = row.needStatus, n.location = row.location, n.maxDistanceMetres = 2000,
                                      n.createdAt = row.needCreated, n.demo = false, n.description = 'Benchmark need'
                        WITH n, row
                        CALL (n, row) {
                          MATCH (c:HelpCategory {code: row.category}) MERGE (n)-[:FOR]->(c)
                        }
                        CALL (n, row) {
                          MATCH (nb:Neighbourhood {code: row.quarter}) MERGE (n)-[:LOCATED_IN]->(nb)
                        }
                        CALL (n, row) {
                          MATCH (r:Resident {id: row.residentId}) MERGE (r)-[:HAS_NEED]->(n)
                        }
                        CALL (row) {
                          MATCH (o:Actor {id: row.ownerId}) RETURN o
                          UNION
                          MATCH (o:Resident {id: row.ownerId}) RETURN o
                        }
                        CREATE (m:Match)-[:FOR_NEED]->(n)
                        SET m = row.match, m.personKey = row.residentId
                        REMOVE m.needId
                        CREATE (m)-[:BY]->(o)
                        CREATE (m)-[:AUDITED]->(:AuditEntry {id: randomUUID(), seq: 1, at: m.proposedAt, by: 'benchmark',
                                                             action: 'PROPOSE', before: [], after: ['status=PROPOSED']})
                        FOREACH (h IN row.help | CREATE (m)-[:LOGGED]->(e:HelpEvent) SET e = h)""")
                .bind(List.copyOf(batch)).to("rows").run();
        batch.clear();
    }

    private static OffsetDateTime earlier(OffsetDateTime wanted, OffsetDateTime now) {
        return wanted.isAfter(now) ? now : wanted;
    }
}
