package be.carenetwork.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.carenetwork.directory.OpeningHours;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.ConflictException;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.taxonomy.CategoryLabel;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes the capacities that can answer a need, ranked, with reasons; says why when none can.
 * <p>
 * Two reads: the need's facts (and the coordinator check), then the ranking as one Cypher query that starts from
 * the point index of each category label ({@code Offers_<code>}) of the need's category and its narrower ones, so
 * only capacities of those categories within the need's maximum distance are read. The score is documented in
 * docs/matching.md and mirrored in {@link #PROPOSALS}.
 */
@Service
public class CapacityMatching {

    public static final int MAX_LIMIT = 50;

    /**
     * How many owners are scored at most: the nearest ones that may help (consented, speaking the need's language),
     * and anyone who helped this person before. Only dense places and popular categories have more within the need's
     * maximum distance; scoring them all would cost several times more for proposals that rank lower anyway.
     */
    static final int NEAREST = 200;

    private static final int NEAR_PLACES_METRES = 1000;

    /** Everything the ranking needs to know about the need, read in one query. */
    record NeedFacts(String id, String status, GeoPoint location, int maxDistanceMetres, @Nullable String language,
                     @Nullable String neededAt, @Nullable String neighbourhood, @Nullable String residentId,
                     @Nullable String pseudonym, boolean consented, List<String> residentLanguages, String category,
                     List<String> codes, List<String> taken, List<String> helpedBefore) {

        boolean closed() {
            return "CLOSED".equals(status) || "CANCELLED".equals(status);
        }
    }

    private static final String NEED_FACTS = """
            MATCH (n:Need {id: $id})
            OPTIONAL MATCH (r:Resident)-[:HAS_NEED]->(n)
            RETURN n.status AS status, n.location AS location, n.maxDistanceMetres AS maxDistance,
                   n.language AS language, n.neededAt AS neededAt,
                   COLLECT { MATCH (n)-[:LOCATED_IN]->(nb:Neighbourhood) RETURN nb.code }[0] AS neighbourhood,
                   r.id AS residentId, r.pseudonym AS pseudonym, r.consentDate IS NOT NULL AS consented,
                   coalesce(r.languages, []) AS residentLanguages,
                   COLLECT { MATCH (n)-[:FOR]->(c:HelpCategory) RETURN c.code }[0] AS category,
                   COLLECT { MATCH (n)-[:FOR]->(:HelpCategory)<-[:BROADER*0..]-(x:HelpCategory) RETURN DISTINCT x.code } AS codes,
                   COLLECT { MATCH (n)<-[:FOR_NEED]-(x:Match) RETURN x.capacityId } AS taken,
                   COLLECT { MATCH (r)-[:HAS_NEED]->(:Need)<-[:FOR_NEED]-(pm:Match)-[:BY]->(h)
                             WHERE pm.status IN ['VALIDATED', 'ACTIVE', 'CLOSED'] RETURN DISTINCT h.id } AS helpedBefore""";

    /** A place to turn to, as the person is shown it ({@code a} and its {@code distance}). */
    private static final String PLACE = "a { .id, .name, .kind, .address, .phone, .openingHours, .languages, distance: distance }";

    /** The five nearest referral points within {@code $placesWithin}: few, so a label scan beats a point index. */
    private static final String REFERRAL_POINTS = """
            COLLECT { MATCH (a:ReferralPoint) WHERE point.distance(a.location, $point) <= $placesWithin
                      WITH a, point.distance(a.location, $point) AS distance ORDER BY distance, a.id LIMIT 5
                      RETURN %s }""".formatted(PLACE);

    /**
     * One row: the top proposals, and when there are none, the funnel (how many candidates were left after each rule).
     * <p>
     * Candidates are the owners of each category label within the need's maximum distance (one point index seek per
     * label, which also gives each one's location), and anyone who helped the person before; they are walked nearest
     * first (who helped before first of all), reading each one's consent and languages only until {@link #NEAREST} may
     * help; those are scored against the capacity's own radius, availability and load. The walk is lazy because the
     * sorted candidates are collected into a list and unwound: the filter after the UNWIND cannot be moved before the
     * sort, and LIMIT stops it (Community's slotted runtime pulls row by row). In a dense place the nearest 200 of
     * 4,000 candidates are found after reading a few hundred.
     * <p>
     * Only when nothing is proposed, the funnel counts the same list again, rule by rule, to say why; and the nearest
     * referral points and formal actors of the category (from the same list) are where to turn instead.
     * The two {@code %s} are built from validated category codes only: the UNION of the seeks, and the labels' counts
     * (Neo4j's count store, no scan).
     */
    static final String PROPOSALS = """
            CALL () {
            %s
            }
            WITH o, distance, helped ORDER BY helped DESC, distance
            WITH collect({o: o, distance: distance}) AS nearestFirst
            OPTIONAL MATCH (me:Resident {id: $residentId})
            CALL (nearestFirst, me) {
              UNWIND nearestFirst AS candidate
              WITH DISTINCT candidate.o AS o, candidate.distance AS distance, me
              WHERE (me IS NULL OR o <> me)
                AND (o:Actor OR o.consentDate IS NOT NULL)
                AND ($language = '' OR $language IN o.languages)
              WITH o, distance LIMIT $nearest
              MATCH (o)-[cap:OFFERS]->(c:HelpCategory)
              WHERE c.code IN $codes AND distance <= cap.radiusMetres AND NOT cap.id IN $taken
                AND ($capacityId = '' OR cap.id = $capacityId)
              WITH o, cap, c, distance, coalesce(cap.availabilitySlots, o.openSlots) AS slots
              WITH o, cap, c, distance,
                   CASE WHEN size($slots) = 0 THEN 'ANY_TIME'
                        WHEN slots IS NULL THEN 'ASK'
                        WHEN any(s IN $slots WHERE s IN slots) THEN 'AVAILABLE'
                        ELSE 'UNAVAILABLE' END AS availability
              WHERE availability <> 'UNAVAILABLE'
              WITH o, cap, c, distance, availability, coalesce(cap.maxActive, 1) AS maxActive,
                   COUNT { MATCH (x:Match {capacityId: cap.id}) WHERE x.status IN $booked } AS load
              WHERE load < maxActive
              WITH o, cap, c, distance, availability, maxActive, load, o.id IN $helpedBefore AS continuity,
                   CASE WHEN $language <> '' THEN $language
                        ELSE head([l IN $residentLanguages WHERE l IN o.languages]) END AS sharedLanguage,
                   CASE WHEN cap.radiusMetres < $maxDistance THEN cap.radiusMetres ELSE $maxDistance END AS reach
              WITH o, cap, c, distance, availability, maxActive, load, continuity, sharedLanguage,
                   40.0 * (1.0 - distance / reach)
                   + CASE WHEN sharedLanguage IS NULL THEN 0 ELSE 15 END
                   + 15.0 * (1.0 - toFloat(load) / maxActive)
                   + CASE availability WHEN 'ASK' THEN 5 ELSE 15 END
                   + CASE WHEN continuity THEN 15 ELSE 0 END AS score
              ORDER BY score DESC, distance, cap.id
              LIMIT $limit
              RETURN collect({capacityId: cap.id, category: c.code, ownerId: o.id, actor: o:Actor, actorKind: o.kind,
                              formal: coalesce(o.formal, false), name: coalesce(o.name, o.pseudonym),
                              displayName: CASE WHEN o:Resident THEN o.displayName END,
                              ownerNeighbourhood: CASE WHEN o:Resident THEN COLLECT { MATCH (o)-[:LIVES_IN]->(x:Neighbourhood) RETURN x.code }[0] END,
                              distance: distance, radius: cap.radiusMetres, times: coalesce(cap.availability, o.openingHours),
                              availability: availability, load: load, maxActive: maxActive, continuity: continuity,
                              sharedLanguage: sharedLanguage, score: score}) AS proposals
            }
            OPTIONAL CALL (nearestFirst, me, proposals) {
              // Not when one capacity is checked for a validation: a refusal there needs no reasons.
              WITH nearestFirst, me, proposals WHERE size(proposals) = 0 AND $capacityId = ''
              CALL (nearestFirst, me) {
                UNWIND nearestFirst AS candidate
                WITH DISTINCT candidate.o AS o, candidate.distance AS distance, me
                WITH o, distance, (me IS NULL OR o <> me) AND (o:Actor OR o.consentDate IS NOT NULL) AS eligible
                WITH o, distance, eligible, eligible AND ($language = '' OR $language IN o.languages) AS speaks
                RETURN count(o) AS withinMaxDistance, count(CASE WHEN eligible THEN 1 END) AS eligible,
                       count(CASE WHEN speaks THEN 1 END) AS language,
                       collect(CASE WHEN speaks THEN {o: o, distance: distance} END)[0..$nearest] AS kept
              }
              CALL () {
                CALL () {
            %s
                }
                RETURN sum(k) AS inCategory
              }
              CALL (kept) {
                UNWIND kept AS k
                WITH k.o AS o, k.distance AS distance
                MATCH (o)-[cap:OFFERS]->(c:HelpCategory) WHERE c.code IN $codes
                WITH cap, distance <= cap.radiusMetres AS inRadius,
                     size($slots) = 0 OR coalesce(cap.availabilitySlots, o.openSlots) IS NULL
                       OR any(s IN $slots WHERE s IN coalesce(cap.availabilitySlots, o.openSlots)) AS available,
                     NOT cap.id IN $taken AS untaken
                WITH cap, inRadius, available, untaken,
                     COUNT { MATCH (x:Match {capacityId: cap.id}) WHERE x.status IN $booked } < coalesce(cap.maxActive, 1) AS free
                RETURN count(CASE WHEN inRadius THEN 1 END) AS withinRadius,
                       count(CASE WHEN inRadius AND available THEN 1 END) AS available,
                       count(CASE WHEN inRadius AND available AND untaken THEN 1 END) AS notDeclined,
                       count(CASE WHEN inRadius AND available AND untaken AND free THEN 1 END) AS notBusy
              }
              RETURN {inCategory: inCategory, withinMaxDistance: withinMaxDistance, eligible: eligible, language: language,
                      withinRadius: withinRadius, available: available, notDeclined: notDeclined, notBusy: notBusy} AS funnel,
                     REFERRAL_POINTS AS referralPoints,
                     COLLECT { UNWIND nearestFirst AS candidate
                               WITH DISTINCT candidate.o AS a, candidate.distance AS distance
                               WHERE distance <= $placesWithin AND a:Actor AND a.formal
                               RETURN PLACE LIMIT 5 } AS formalActors
            }
            RETURN proposals, funnel, referralPoints, formalActors"""
            .replace("REFERRAL_POINTS", REFERRAL_POINTS).replace("PLACE", PLACE);

    /**
     * The nearest referral points and the nearest formal actors offering the need's category (its label's point
     * index), farther than the ranking query looks. {@code %s} is the label.
     */
    private static final String PLACES = """
            RETURN REFERRAL_POINTS AS referralPoints,
                   COLLECT { MATCH (a:%s) WHERE point.distance(a.location, $point) <= $placesWithin AND a:Actor AND a.formal
                             WITH a, point.distance(a.location, $point) AS distance ORDER BY distance, a.id LIMIT 5
                             RETURN PLACE } AS formalActors"""
            .replace("REFERRAL_POINTS", REFERRAL_POINTS).replace("PLACE", PLACE);

    private final Neo4jClient neo4j;
    private final MatchingProperties properties;

    CapacityMatching(Neo4jClient neo4j, MatchingProperties properties) {
        this.neo4j = neo4j;
        this.properties = properties;
    }

    /**
     * The top proposals for a need, for a coordinator of its neighbourhood. One read transaction for its two queries
     * (three when the places within a kilometre are not enough): one session instead of one per query.
     */
    @Transactional(readOnly = true)
    Proposals propose(String needId, int limit, Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        NeedFacts need = facts(needId);
        caller.requireCoordinatorOf(need.neighbourhood());
        requireMatchable(need);
        Ranking ranking = ranking(need, null, limit, caller);
        NoMatch noMatch = ranking.funnel() == null || ranking.places() == null ? null
                : explain(need, ranking.funnel(), ranking.places());
        return new Proposals(need.id(), need.category(), need.codes(), need.neededAt(), ranking.proposals(), noMatch);
    }

    NeedFacts facts(String needId) {
        return neo4j.query(NEED_FACTS).bind(needId).to("id")
                .fetchAs(NeedFacts.class).mappedBy((t, r) -> new NeedFacts(needId, r.get("status").asString(),
                        GeoPoint.from(r.get("location")), r.get("maxDistance").asInt(2000), text(r.get("language")),
                        text(r.get("neededAt")), text(r.get("neighbourhood")), text(r.get("residentId")),
                        text(r.get("pseudonym")), r.get("consented").asBoolean(false),
                        r.get("residentLanguages").asList(Value::asString), r.get("category").asString(),
                        r.get("codes").asList(Value::asString), r.get("taken").asList(Value::asString),
                        r.get("helpedBefore").asList(Value::asString)))
                .one().orElseThrow(() -> new NotFoundException("need", needId));
    }

    /** A 409 when the need is closed or its resident has not consented: nothing may be proposed for it. */
    static void requireMatchable(NeedFacts need) {
        if (need.closed()) {
            throw new ConflictException("Need " + need.id() + " is " + need.status() + ": it cannot be matched any more");
        }
        if (need.residentId() != null && !need.consented()) {
            throw new ConflictException("Resident " + need.pseudonym()
                    + " has not consented to matching: record their consent before proposing anyone");
        }
    }

    /** The ranked proposals; with a capacity id, that capacity alone if it is one of them. */
    List<Proposal> rank(NeedFacts need, @Nullable String capacityId, int limit, Caller caller) {
        return ranking(need, capacityId, limit, caller).proposals();
    }

    /**
     * @param funnel how many candidates were left after each rule, in order; only when nothing is proposed
     * @param places the nearest referral points and formal actors within {@link #NEAR_PLACES_METRES}; only then too
     */
    private record Ranking(List<Proposal> proposals, @Nullable Map<String, Long> funnel, @Nullable Places places) {
    }

    record Places(List<NoMatch.Place> referralPoints, List<NoMatch.Place> formalActors) {

        boolean complete() {
            return !referralPoints.isEmpty() && !formalActors.isEmpty();
        }
    }

    private Ranking ranking(NeedFacts need, @Nullable String capacityId, int limit, Caller caller) {
        Map<String, Object> params = parameters(need);
        params.put("capacityId", capacityId == null ? "" : capacityId);
        params.put("limit", limit);
        String language = need.language();
        return neo4j.query(rankingQuery(need)).bindAll(params)
                .fetchAs(Ranking.class)
                .mappedBy((t, r) -> new Ranking(r.get("proposals").asList(p -> proposal(p, need, language, caller)),
                        r.get("funnel").isNull() ? null : funnel(r.get("funnel")),
                        r.get("funnel").isNull() ? null : places(r)))
                .one().orElseThrow();
    }

    private static Map<String, Long> funnel(Value counts) {
        Map<String, Long> funnel = new LinkedHashMap<>();
        for (String step : List.of("inCategory", "withinMaxDistance", "eligible", "language", "withinRadius", "available",
                "notDeclined", "notBusy")) {
            funnel.put(step, counts.get(step).asLong());
        }
        return funnel;
    }

    /** The ranking query with its parameters, for PROFILE in the benchmark and the docs. */
    String rankingQuery(NeedFacts need) {
        return PROPOSALS.formatted(seeks(need.codes(), "  "), counts(need.codes()));
    }

    Map<String, Object> rankingParameters(NeedFacts need, int limit) {
        Map<String, Object> params = parameters(need);
        params.put("capacityId", "");
        params.put("limit", limit);
        return params;
    }

    /**
     * The parameters of the ranking query. Absent values are '' and [] rather than null: Neo4j caches a plan per query
     * text and parameter types, so nulls would make up to eight plans of the query per category.
     */
    private Map<String, Object> parameters(NeedFacts need) {
        Map<String, Object> params = new HashMap<>();
        params.put("point", need.location().toNeo4j());
        params.put("maxDistance", need.maxDistanceMetres());
        params.put("residentId", need.residentId() == null ? "" : need.residentId());
        params.put("language", need.language() == null ? "" : need.language());
        params.put("residentLanguages", need.residentLanguages());
        params.put("codes", need.codes());
        params.put("taken", need.taken());
        params.put("helpedBefore", need.helpedBefore());
        params.put("slots", neededSlots(need).orElse(List.of()));
        params.put("booked", MatchStatus.BOOKED);
        params.put("nearest", NEAREST);
        params.put("placesWithin", Math.min(NEAR_PLACES_METRES, properties.referralDistanceMetres()));
        return params;
    }

    /** The week slots of the needed time; empty when the need gives none (or none we can read): any time. */
    private static Optional<List<Integer>> neededSlots(NeedFacts need) {
        return OpeningHours.tryParse(need.neededAt()).map(OpeningHours::weeklySlots).filter(s -> !s.isEmpty());
    }

    /**
     * One index seek per category label within the need's maximum distance, and the owners of those labels who helped
     * the person before ({@code helped}: they are scored first, however far); labels come from CategoryLabel only.
     */
    private static String seeks(List<String> codes, String indent) {
        List<String> parts = new ArrayList<>();
        String distance = "point.distance(o.location, $point)";
        for (String code : codes) {
            parts.add(indent + "MATCH (o:" + CategoryLabel.of(code) + ") WHERE " + distance + " <= $maxDistance RETURN o, "
                    + distance + " AS distance, false AS helped");
        }
        String anyLabel = String.join(" OR ", codes.stream().map(code -> "o:" + CategoryLabel.of(code)).toList());
        for (String owner : List.of("Actor", "Resident")) {
            parts.add(indent + "MATCH (o:" + owner + ") WHERE o.id IN $helpedBefore AND (" + anyLabel + ") AND " + distance
                    + " <= $maxDistance RETURN o, " + distance + " AS distance, true AS helped");
        }
        return String.join("\n" + indent + "UNION ALL\n", parts);
    }

    private NoMatch explain(NeedFacts need, Map<String, Long> funnel, Places near) {
        NoMatch.Reason reason = reasonOf(funnel);
        // The ranking query gave the places within a kilometre: enough in a city, and cheap even for a popular
        // category; farther only when it found no referral point or no formal actor (in a city, rarely).
        Places places = near;
        int farthest = properties.referralDistanceMetres();
        if (!near.complete() && farthest > NEAR_PLACES_METRES) {
            places = places(need, farthest);
        }
        return new NoMatch(reason, reason.message, funnel, places.referralPoints(), places.formalActors());
    }

    private static Places places(org.neo4j.driver.Record r) {
        return new Places(places(r.get("referralPoints").asList(Value::asMap)), places(r.get("formalActors").asList(Value::asMap)));
    }

    /** The nearest referral points and formal actors for the need's category, within {@code distance} metres. */
    Places places(NeedFacts need, int distance) {
        return neo4j.query(PLACES.formatted(CategoryLabel.of(need.category())))
                .bindAll(Map.of("point", need.location().toNeo4j(), "placesWithin", distance))
                .fetchAs(Places.class).mappedBy((t, r) -> places(r)).one().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<NoMatch.Place> places(List<?> rows) {
        return rows.stream().map(row -> (Map<String, Object>) row).map(a -> new NoMatch.Place((String) a.get("id"),
                (String) a.get("name"), (String) a.get("kind"), (String) a.get("address"), (String) a.get("phone"),
                (String) a.get("openingHours"), a.get("languages") == null ? List.of() : (List<String>) a.get("languages"),
                Math.round(((Number) a.get("distance")).doubleValue()))).toList();
    }

    /** Owners per category label, from Neo4j's count store: no scan however many there are. */
    private static String counts(List<String> codes) {
        List<String> parts = new ArrayList<>();
        for (String code : codes) {
            parts.add("      MATCH (o:" + CategoryLabel.of(code) + ") RETURN count(o) AS k");
        }
        return String.join("\n      UNION ALL\n", parts);
    }

    static NoMatch.Reason reasonOf(Map<String, Long> funnel) {
        if (funnel.get("inCategory") == 0) {
            return NoMatch.Reason.NO_CAPACITY_IN_CATEGORY;
        }
        if (funnel.get("withinMaxDistance") == 0) {
            return NoMatch.Reason.ALL_TOO_FAR;
        }
        if (funnel.get("eligible") == 0) {
            return NoMatch.Reason.NO_CONSENT;
        }
        if (funnel.get("language") == 0) {
            return NoMatch.Reason.LANGUAGE;
        }
        if (funnel.get("withinRadius") == 0) {
            return NoMatch.Reason.ALL_TOO_FAR;
        }
        if (funnel.get("available") == 0) {
            return NoMatch.Reason.NOT_AVAILABLE;
        }
        if (funnel.get("notDeclined") == 0) {
            return NoMatch.Reason.ALL_DECLINED;
        }
        return NoMatch.Reason.ALL_BUSY;
    }

    private static Proposal proposal(Value r, NeedFacts need, @Nullable String needLanguage,
                                     Caller caller) {
        boolean actor = r.get("actor").asBoolean();
        String actorKind = text(r.get("actorKind"));
        HelperKind helperKind = helperKind(actor, actorKind, r.get("formal").asBoolean());
        long distance = Math.round(r.get("distance").asDouble());
        int radius = r.get("radius").asInt();
        String language = text(r.get("sharedLanguage"));
        Proposal.Availability availability = Proposal.Availability.valueOf(r.get("availability").asString());
        int load = r.get("load").asInt();
        int maxActive = r.get("maxActive").asInt();
        boolean continuity = r.get("continuity").asBoolean();
        String times = text(r.get("times"));
        List<String> reasons = new ArrayList<>();
        reasons.add(distance + " m away (within its " + radius + " m radius and the need's " + need.maxDistanceMetres() + " m)");
        if (language == null) {
            reasons.add("no language known to be shared: check");
        } else {
            reasons.add("speaks " + language + (needLanguage == null ? ", a language of the person" : ", as asked"));
        }
        reasons.add(switch (availability) {
            case AVAILABLE -> "available at the needed time (" + need.neededAt() + "; its times: " + times + ")";
            case ANY_TIME -> "the need gives no time" + (times == null ? "" : "; its times: " + times);
            case ASK -> "availability unknown: ask (ranked lower)";
        });
        reasons.add(load + " of " + maxActive + " active matches");
        if (continuity) {
            reasons.add("helped this person before");
        }
        String displayName = null;
        if (!actor && caller.coordinates(text(r.get("ownerNeighbourhood")))) {
            displayName = text(r.get("displayName"));
        }
        return new Proposal(r.get("capacityId").asString(), r.get("category").asString(), r.get("ownerId").asString(),
                actor ? "Actor" : "Resident", helperKind, actorKind, r.get("name").asString(), displayName, distance,
                radius, language, availability, load, maxActive, continuity,
                (int) Math.round(r.get("score").asDouble()), List.copyOf(reasons));
    }

    static HelperKind helperKind(boolean actor, @Nullable String actorKind, boolean formal) {
        if (!actor) {
            return HelperKind.NEIGHBOUR;
        }
        if (formal) {
            return HelperKind.PROFESSIONAL;
        }
        return "VOLUNTEER".equals(actorKind) ? HelperKind.VOLUNTEER : HelperKind.NEIGHBOUR;
    }

    /** Great-circle distance as Neo4j computes it (a sphere of radius 6378140 m). */
    static double distanceMetres(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_378_140 * Math.asin(Math.sqrt(h));
    }

    static @Nullable String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
