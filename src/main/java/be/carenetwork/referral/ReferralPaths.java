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
 * each (a bidirectional breadth-first search, see docs/referral-and-meetings.md for the measured choice). The few
 * rows are ranked here, in this order: speaks the person's language (when one is given), fewest hops, open in this
 * week slot (open, then unknown hours, then closed), nearest to the person, warmest (strength of the KNOWS
 * relationships along the way), id.
 */
@Service
public class ReferralPaths {

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
     * The label (from a checked code) and the hop bound (a configured integer, 1 to 6) are the only parts not
     * passed as parameters: Cypher takes neither as one, and both keep the point index and the bounded search.
     */
    static String query(String category, int maxHops) {
        return """
                OPTIONAL MATCH (c:HelpCategory {code: $category})
                OPTIONAL MATCH (a:Actor {id: $from})
                WITH a, c, coalesce($point, a.location) AS centre,
                     CASE WHEN c IS NULL THEN [] ELSE COLLECT { MATCH (c)-[:BROADER*0..5]->(b:HelpCategory) RETURN b.code } END AS accepted
                CALL (a, c, centre, accepted) {
                  MATCH (t:%s)
                  WHERE a IS NOT NULL AND c IS NOT NULL
                    AND point.distance(t.location, centre) <= $radius AND t:Actor AND t <> a
                  WITH a, t, point.distance(t.location, centre) AS distance
                  ORDER BY distance, t.id
                  LIMIT $targets
                  OPTIONAL MATCH p = SHORTEST 1 (a)((x)-[r:KNOWS|REFERS_TO]-(y)
                      WHERE type(r) = 'KNOWS' OR (startNode(r) = x AND any(code IN r.categories WHERE code IN accepted))){1,%d}(t)
                  RETURN collect({t: t { .id, .name, .kind, .languages }, distance: distance,
                                  open: CASE WHEN t.openSlots IS NULL THEN null ELSE $slot IN t.openSlots END,
                                  nodes: CASE WHEN p IS NULL THEN null ELSE [n IN nodes(p) | n { .id, .name, .kind }] END,
                                  rels: CASE WHEN p IS NULL THEN null ELSE [rel IN relationships(p) | {type: type(rel), strength: rel.strength}] END
                                 }) AS targets
                }
                RETURN {categoryFound: c IS NOT NULL, from: a { .id, .name, .kind },
                        fromOffers: a IS NOT NULL AND c IS NOT NULL AND EXISTS { (a)-[:OFFERS]->(c) },
                        targets: targets} AS result""".formatted(CategoryLabel.of(category), maxHops);
    }

    private static ActorRef ref(Value actor) {
        return new ActorRef(actor.get("id").asString(), actor.get("name").asString(""), actor.get("kind").asString(""));
    }
}
