package be.carenetwork.referral;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.OpeningHours;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.taxonomy.CategoryLabel;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/**
 * Referral paths: from the actor where a person first asked to actors able to resolve the question, over
 * {@code REFERS_TO} (followed forwards, only when it lists the category or a broader one) and {@code KNOWS} (either
 * way), the shortest "warm" path first, then alternatives, and the direct option (the best able actors, contacted
 * cold) always beside them.
 * <p>
 * One Cypher query per request: the able actors ({@code Offers_<category>} point index) nearest the person are the
 * targets, and a {@code SHORTEST 1} quantified path pattern with both ends bound finds the shortest warm path to
 * each (a bidirectional breadth-first search), first to two hops, then deeper only where it can change the answer
 * (see {@link #query} and docs/referral-and-meetings.md for the measured choice). The few rows are ranked here,
 * in this order: speaks the person's language (when one is given), fewest hops, open in this
 * week slot (open, then unknown hours, then closed), nearest to the person, warmest (strength of the KNOWS
 * relationships along the way), id.
 */
@Service
public class ReferralPaths {

    /** The first round's depth: where most best paths are found. */
    static final int SHORT = 2;

    private final Neo4jClient neo4j;
    private final ReferralProperties properties;

    ReferralPaths(Neo4jClient neo4j, ReferralProperties properties) {
        this.neo4j = neo4j;
        this.properties = properties;
    }

    /**
     * An actor able to resolve the question.
     *
     * @param openNow whether it is open in the week slot asked about; null when its opening hours are unknown
     * @param speaksLanguage null when no language was asked for
     */
    public record Target(ActorRef actor, long distanceMetres, @Nullable Boolean openNow,
                         @Nullable Boolean speaksLanguage, List<String> languages) {
    }

    /** @param via KNOWS or REFERS_TO; @param strength meetings together for KNOWS (at least 1), 1 for REFERS_TO */
    public record Hop(ActorRef from, ActorRef to, String via, int strength) {
    }

    /** @param warmth the sum of the hops' strengths: more shared meetings, warmer path */
    public record Path(Target target, int length, int warmth, List<Hop> hops) {
    }

    /**
     * @param weekSlot the half-hour slot of the week "open" was read for (see OpeningHours)
     * @param fromOffersCategory the first actor can resolve the question itself
     * @param best the best warm path; null when there is none within the hops searched
     * @param direct the best able actors whatever the paths, to contact directly
     */
    public record Result(ActorRef from, String category, @Nullable String language, int weekSlot,
                         boolean fromOffersCategory, @Nullable Path best, List<Path> alternatives, List<Target> direct) {
    }

    public Result find(String fromId, String category, @Nullable GeoPoint person, @Nullable String language,
                       @Nullable Integer radiusMetres, @Nullable LocalDateTime at) {
        if (!CategoryLabel.CODE.matcher(category).matches()) {
            throw new NotFoundException("help category", category);
        }
        int radius = radiusMetres == null ? properties.targetRadiusMetres() : radiusMetres;
        GeoPoint.checkDistance("radius", radius);
        int slot = OpeningHours.slotOf(at == null ? LocalDateTime.now(properties.timeZone()) : at);
        Map<String, Object> params = new HashMap<>();
        params.put("from", fromId);
        params.put("category", category);
        params.put("point", person == null ? null : person.toNeo4j());
        params.put("radius", radius);
        params.put("targets", properties.targets());
        params.put("slot", slot);
        params.put("language", language);
        params.putAll(searchParameters());
        Value row = neo4j.query(query(category, properties.maxHops()))
                .bindAll(params).fetchAs(Value.class).mappedBy((t, r) -> r.get("result")).one().orElseThrow();
        if (!row.get("categoryFound").asBoolean()) {
            throw new NotFoundException("help category", category);
        }
        if (row.get("from").isNull()) {
            throw new NotFoundException("actor", fromId);
        }
        ActorRef from = ref(row.get("from"));
        List<Path> paths = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        for (Value found : row.get("targets").values()) {
            Target target = new Target(ref(found.get("t")), Math.round(found.get("distance").asDouble()),
                    found.get("open").isNull() ? null : found.get("open").asBoolean(),
                    language == null ? null : found.get("t").get("languages").asList(Value::asString, List.of()).contains(language),
                    found.get("t").get("languages").asList(Value::asString, List.of()));
            targets.add(target);
            if (!found.get("nodes").isNull()) {
                List<ActorRef> nodes = found.get("nodes").asList(ReferralPaths::ref);
                List<Value> rels = found.get("rels").asList(v -> v);
                List<Hop> hops = new ArrayList<>();
                int warmth = 0;
                for (int i = 0; i < rels.size(); i++) {
                    int strength = Math.max(1, rels.get(i).get("strength").asInt(1));
                    warmth += strength;
                    hops.add(new Hop(nodes.get(i), nodes.get(i + 1), rels.get(i).get("type").asString(), strength));
                }
                paths.add(new Path(target, hops.size(), warmth, hops));
            }
        }
        Comparator<Target> preference = Comparator.comparingInt((Target t) -> Boolean.TRUE.equals(t.speaksLanguage()) ? 0 : 1)
                .thenComparingInt(ReferralPaths::openRank)
                .thenComparingLong(Target::distanceMetres)
                .thenComparing(t -> t.actor().id());
        Comparator<Path> order = Comparator.comparingInt((Path p) -> Boolean.TRUE.equals(p.target().speaksLanguage()) ? 0 : 1)
                .thenComparingInt(Path::length)
                .thenComparingInt(p -> openRank(p.target()))
                .thenComparingLong(p -> p.target().distanceMetres())
                .thenComparing(Comparator.comparingInt(Path::warmth).reversed())
                .thenComparing(p -> p.target().actor().id());
        paths.sort(order);
        targets.sort(preference);
        int shown = 1 + properties.alternatives();
        return new Result(from, category, language, slot, row.get("fromOffers").asBoolean(false),
                paths.isEmpty() ? null : paths.getFirst(),
                paths.stream().skip(1).limit(properties.alternatives()).toList(),
                targets.stream().limit(shown).toList());
    }

    /** Open first, then unknown hours, then closed. */
    private static int openRank(Target target) {
        return target.openNow() == null ? 1 : target.openNow() ? 0 : 2;
    }

    /**
     * The label (from a checked code) and the hop bounds (a configured integer, 1 to 6) are the only parts not
     * passed as parameters: Cypher takes neither as one, and both keep the point index and the bounded search.
     * <p>
     * The targets are the {@code $targets} able actors nearest the person within {@code $radius}, looked up first
     * within a third of it (for the common categories that is enough, and reads a ninth of the index), then within
     * all of it when fewer were found.
     * <p>
     * Then two rounds of path search. Most best paths are one or two hops long, so the shortest path to every target is
     * first searched up to {@link #SHORT} hops (cheap: a bidirectional search meets after one hop on each side).
     * The full depth is searched only for the targets that could still make the result: all of them while fewer
     * than {@code $wanted} (best plus alternatives) short paths were found, and those speaking the person's
     * language while fewer than that many of theirs were. A deeper path ranks below every short path of the same
     * language, so the result is the same as searching every target to the full depth.
     */
    static String query(String category, int maxHops) {
        String step = """
                ((x)-[r:KNOWS|REFERS_TO]-(y)
                      WHERE type(r) = 'KNOWS' OR (startNode(r) = x AND any(code IN r.categories WHERE code IN accepted)))""";
        return """
                OPTIONAL MATCH (c:HelpCategory {code: $category})
                OPTIONAL MATCH (a:Actor {id: $from})
                WITH a, c, coalesce($point, a.location) AS centre,
                     CASE WHEN c IS NULL THEN [] ELSE COLLECT { MATCH (c)-[:BROADER*0..5]->(b:HelpCategory) RETURN b.code } END AS accepted
                CALL (a, c, centre) {
                  MATCH (t:%1$s)
                  WHERE a IS NOT NULL AND c IS NOT NULL
                    AND point.distance(t.location, centre) <= $radius / 3 AND t:Actor AND t <> a
                  WITH t, point.distance(t.location, centre) AS distance
                  ORDER BY distance
                  LIMIT $targets
                  RETURN collect({t: t, distance: distance}) AS close
                }
                CALL (a, c, centre, close) {
                  WITH * WHERE size(close) < $targets
                  MATCH (t:%1$s)
                  WHERE a IS NOT NULL AND c IS NOT NULL
                    AND point.distance(t.location, centre) <= $radius AND t:Actor AND t <> a
                  WITH t, point.distance(t.location, centre) AS distance
                  ORDER BY distance
                  LIMIT $targets
                  RETURN collect({t: t, distance: distance}) AS wide
                }
                CALL (a, accepted, close, wide) {
                  UNWIND CASE WHEN size(close) < $targets THEN wide ELSE close END AS candidate
                  WITH a, accepted, candidate.t AS t, candidate.distance AS distance
                  OPTIONAL MATCH p = SHORTEST 1 (a)%2$s{1,%3$d}(t)
                  RETURN collect({t: t, distance: distance, p: p}) AS near
                }
                WITH a, c, accepted, near,
                     size([f IN near WHERE f.p IS NOT NULL]) AS short,
                     size([f IN near WHERE f.p IS NOT NULL AND $language IN f.t.languages]) AS speakingShort
                CALL (a, accepted, near, short, speakingShort) {
                  UNWIND near AS f
                  WITH a, accepted, f, f.t AS t, short, speakingShort
                  CALL (a, accepted, f, t, short, speakingShort) {
                    WITH * WHERE $deeper AND f.p IS NULL
                                 AND (short < $wanted OR ($language IN t.languages AND speakingShort < $wanted))
                    OPTIONAL MATCH q = SHORTEST 1 (a)%2$s{1,%4$d}(t)
                    RETURN collect(q)[0] AS q
                  }
                  WITH t, f.distance AS distance, coalesce(f.p, q) AS p
                  RETURN collect({t: t { .id, .name, .kind, .languages }, distance: distance,
                                  open: CASE WHEN t.openSlots IS NULL THEN null ELSE $slot IN t.openSlots END,
                                  nodes: CASE WHEN p IS NULL THEN null ELSE [n IN nodes(p) | n { .id, .name, .kind }] END,
                                  rels: CASE WHEN p IS NULL THEN null ELSE [rel IN relationships(p) | {type: type(rel), strength: rel.strength}] END
                                 }) AS targets
                }
                RETURN {categoryFound: c IS NOT NULL, from: a { .id, .name, .kind },
                        fromOffers: a IS NOT NULL AND c IS NOT NULL AND EXISTS { (a)-[:OFFERS]->(c) },
                        targets: targets} AS result""".formatted(CategoryLabel.of(category), step, Math.min(SHORT, maxHops), maxHops);
    }

    /** Query parameters besides those of the question: how many paths are wanted and whether to search deeper. */
    Map<String, Object> searchParameters() {
        return Map.of("wanted", 1 + properties.alternatives(), "deeper", properties.maxHops() > SHORT);
    }

    private static ActorRef ref(Value actor) {
        return new ActorRef(actor.get("id").asString(), actor.get("name").asString(""), actor.get("kind").asString(""));
    }
}
