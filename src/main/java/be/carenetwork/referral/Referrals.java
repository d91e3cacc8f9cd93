package be.carenetwork.referral;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.carenetwork.meeting.AnonymousText;
import be.carenetwork.security.CareUser;
import be.carenetwork.security.CurrentUser;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.ConflictException;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.system.Page;
import be.carenetwork.taxonomy.HelpCategories;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of requests, tracked: {@code (:Referral {id, requestId, status, note, createdAt, createdBy, updatedAt,
 * updatedBy})-[:FROM|TO]->(:Actor)}, {@code -[:FOR]->(:HelpCategory)}, {@code -[:FOR_NEED]->(:Need)},
 * {@code -[:FOLLOWS]->(:Referral)} (the referral it passes on), and each status as
 * {@code -[:CHANGED]->(:ReferralStatusChange {seq, status, at, by, note})}.
 * <p>
 * All referrals of one person's request share a {@code requestId}, so that a request going round in circles
 * (A to B to C to A, nobody helped) or stopping (no capacity, not eligible, could not contact, or no answer for
 * {@code care.referral.stale-after-days}) shows up for the coordinator.
 */
@Service
public class Referrals {

    private static final String REFERRAL_MAP = """
            r { .id, .requestId, .status, .note, .createdAt, .createdBy,
                from: [(r)-[:FROM]->(f:Actor) | f { .id, .name, .kind }][0],
                to: [(r)-[:TO]->(t:Actor) | t { .id, .name, .kind }][0],
                category: [(r)-[:FOR]->(c:HelpCategory) | c.code][0],
                needId: [(r)-[:FOR_NEED]->(n:Need) | n.id][0],
                previousId: [(r)-[:FOLLOWS]->(p:Referral) | p.id][0],
                history: COLLECT { MATCH (r)-[:CHANGED]->(s:ReferralStatusChange)
                                   WITH s ORDER BY s.seq RETURN s { .status, .at, .by, .note } } }""";

    private final Neo4jClient neo4j;
    private final HelpCategories categories;
    private final ReferralNetwork network;
    private final ReferralProperties properties;

    Referrals(Neo4jClient neo4j, HelpCategories categories, ReferralNetwork network, ReferralProperties properties) {
        this.neo4j = neo4j;
        this.categories = categories;
        this.network = network;
        this.properties = properties;
    }

    public record NewReferral(String from, String to, String category, @Nullable String needId,
                              @Nullable String previousId, @Nullable String note) {
    }

    /** One step of a request's trail. */
    public record Step(String referralId, ActorRef from, ActorRef to, ReferralStatus status, OffsetDateTime createdAt) {
    }

    /**
     * A request with a problem.
     *
     * @param loopsBackTo the actors the request came back to after passing them on (empty when it did not loop)
     * @param deadEnd why it stopped, when it did
     */
    public record Trail(String requestId, String category, @Nullable String neighbourhood, List<Step> steps,
                        List<ActorRef> loopsBackTo, @Nullable String deadEnd) {
    }

    public record Problems(List<Trail> loops, List<Trail> deadEnds) {
    }

    @Transactional
    public Referral send(NewReferral input) {
        return record(UUID.randomUUID().toString(), input, ZonedDateTime.now(ZoneOffset.UTC), currentUser(), false);
    }

    /** Writes a referral as sent at {@code at}; the API and the demo data. */
    Referral record(String id, NewReferral input, ZonedDateTime at, String by, boolean demo) {
        if (input.from().equals(input.to())) {
            throw new BadInputException("to", "a referral goes to another actor than the one it comes from");
        }
        categories.requireKnown("category", List.of(input.category()));
        AnonymousText.check("note", input.note());
        Map<String, Object> params = new HashMap<>();
        params.put("from", input.from());
        params.put("to", input.to());
        params.put("needId", input.needId());
        params.put("previousId", input.previousId());
        Value found = neo4j.query("""
                        RETURN {from: EXISTS { MATCH (:Actor {id: $from}) }, to: EXISTS { MATCH (:Actor {id: $to}) },
                                need: $needId IS NULL OR EXISTS { MATCH (:Need {id: $needId}) },
                                previous: COLLECT { MATCH (p:Referral {id: $previousId})
                                                    RETURN p { .requestId, to: [(p)-[:TO]->(t) | t.id][0],
                                                               needId: [(p)-[:FOR_NEED]->(n) | n.id][0] } }[0]} AS found""")
                .bindAll(params).fetchAs(Value.class).mappedBy((t, r) -> r.get("found")).one().orElseThrow();
        if (!found.get("from").asBoolean()) {
            throw new BadInputException("from", "there is no actor '" + input.from() + "'");
        }
        if (!found.get("to").asBoolean()) {
            throw new BadInputException("to", "there is no actor '" + input.to() + "'");
        }
        if (!found.get("need").asBoolean()) {
            throw new BadInputException("needId", "there is no need '" + input.needId() + "'");
        }
        String requestId;
        String needId = input.needId();
        Value previous = found.get("previous");
        if (input.previousId() != null) {
            if (previous.isNull()) {
                throw new BadInputException("previousId", "there is no referral '" + input.previousId() + "'");
            }
            if (!previous.get("to").asString().equals(input.from())) {
                throw new BadInputException("previousId", "that referral went to actor '" + previous.get("to").asString()
                        + "', so only that actor can pass it on, not '" + input.from() + "'");
            }
            requestId = previous.get("requestId").asString();
            if (needId == null && !previous.get("needId").isNull()) {
                needId = previous.get("needId").asString();
            }
        } else {
            requestId = needId != null ? needId : UUID.randomUUID().toString();
        }
        params.put("id", id);
        params.put("requestId", requestId);
        params.put("needId", needId);
        params.put("category", input.category());
        params.put("note", input.note());
        params.put("at", at);
        params.put("by", by);
        params.put("demo", demo);
        neo4j.query("""
                        MATCH (f:Actor {id: $from}), (t:Actor {id: $to}), (c:HelpCategory {code: $category})
                        CREATE (r:Referral {id: $id, requestId: $requestId, status: 'SENT', note: $note, createdAt: $at,
                                            createdBy: $by, updatedAt: $at, updatedBy: $by, demo: $demo})
                        CREATE (r)-[:FROM]->(f), (r)-[:TO]->(t), (r)-[:FOR]->(c)
                        CREATE (r)-[:CHANGED]->(:ReferralStatusChange {seq: 1, status: 'SENT', at: $at, by: $by, note: $note})
                        WITH r
                        CALL (r) { MATCH (n:Need {id: $needId}) CREATE (r)-[:FOR_NEED]->(n) }
                        CALL (r) { MATCH (p:Referral {id: $previousId}) CREATE (r)-[:FOLLOWS]->(p) }""")
                .bindAll(params).run();
        // Referring for a category is also saying whom one refers to for it: the referral network learns.
        network.learn(input.from(), input.to(), input.category(), at.toLocalDate());
        return get(id);
    }

    @Transactional
    public Referral changeStatus(String id, ReferralStatus status, @Nullable String note) {
        return changeStatus(id, status, note, ZonedDateTime.now(ZoneOffset.UTC), currentUser());
    }

    Referral changeStatus(String id, ReferralStatus status, @Nullable String note, ZonedDateTime at, String by) {
        Referral current = get(id);
        if (!current.status().mayBecome(status)) {
            throw new ConflictException("Referral " + id + " is " + current.status() + " and cannot become " + status
                    + (status == ReferralStatus.SENT ? "" : ": refer the request on with a new referral instead"));
        }
        AnonymousText.check("note", note);
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("status", status.name());
        params.put("note", note);
        params.put("at", at);
        params.put("by", by);
        neo4j.query("""
                        MATCH (r:Referral {id: $id})
                        SET r.status = $status, r.updatedAt = $at, r.updatedBy = $by
                        WITH r, COUNT { (r)-[:CHANGED]->() } + 1 AS seq
                        CREATE (r)-[:CHANGED]->(:ReferralStatusChange {seq: seq, status: $status, at: $at, by: $by, note: $note})""")
                .bindAll(params).run();
        return get(id);
    }

    public Referral get(String id) {
        return neo4j.query("MATCH (r:Referral {id: $id}) RETURN " + REFERRAL_MAP + " AS r")
                .bind(id).to("id").fetchAs(Referral.class).mappedBy((t, r) -> map(r.get("r")))
                .one().orElseThrow(() -> new NotFoundException("referral", id));
    }

    /** Referrals of one request, or to or from one actor, or in one status; newest first. */
    public Page<Referral> list(@Nullable String requestId, @Nullable String actorId, @Nullable ReferralStatus status,
                               int page, int size) {
        Page.check(page, size);
        Map<String, Object> params = new HashMap<>();
        params.put("requestId", requestId);
        params.put("actor", actorId);
        params.put("status", status == null ? null : status.name());
        params.put("skip", (long) page * size);
        params.put("limit", size);
        String match = """
                MATCH (r:Referral)
                WHERE ($requestId IS NULL OR r.requestId = $requestId)
                  AND ($status IS NULL OR r.status = $status)
                  AND ($actor IS NULL OR EXISTS { (r)-[:FROM|TO]->(:Actor {id: $actor}) })
                """;
        List<Referral> items = neo4j.query(match + "WITH r ORDER BY r.createdAt DESC, r.id SKIP $skip LIMIT $limit RETURN " + REFERRAL_MAP + " AS r")
                .bindAll(params).fetchAs(Referral.class).mappedBy((t, r) -> map(r.get("r"))).all().stream().toList();
        long total = neo4j.query(match + "RETURN count(r)").bindAll(params).fetchAs(Long.class).one().orElse(0L);
        return new Page<>(items, page, size, total);
    }

    /**
     * Requests that loop or stopped, for the coordinator: those of one neighbourhood (where the request was first
     * received), or of all the coordinator's neighbourhoods. Requests where someone got help are left out.
     */
    public Problems problems(@Nullable String neighbourhood) {
        CareUser user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Referral problems are for coordinators"));
        if (neighbourhood != null && !user.coordinates(neighbourhood)) {
            throw new AccessDeniedException("You are not a coordinator of neighbourhood " + neighbourhood);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("neighbourhood", neighbourhood);
        params.put("mine", List.copyOf(user.neighbourhoods()));
        params.put("all", user.neighbourhoods().isEmpty());
        params.put("staleBefore", ZonedDateTime.now(ZoneOffset.UTC).minusDays(properties.staleAfterDays()));
        params.put("deadEnds", ReferralStatus.DEAD_ENDS.stream().map(Enum::name).toList());
        List<Trail> trails = neo4j.query("""
                        MATCH (r:Referral)
                        WITH r ORDER BY r.createdAt, r.id
                        WITH r.requestId AS request, collect(r) AS chain
                        WHERE NOT any(x IN chain WHERE x.status = 'GOT_HELP')
                        WITH request, chain, chain[0] AS first, chain[-1] AS latest
                        WITH request, chain, latest,
                             COLLECT { MATCH (first)-[:FROM]->(:Actor)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0] AS neighbourhood
                        WHERE ($neighbourhood IS NULL OR neighbourhood = $neighbourhood) AND ($all OR neighbourhood IN $mine)
                        WITH request, latest, neighbourhood,
                             [x IN chain | {id: x.id, status: x.status, createdAt: x.createdAt,
                                            from: [(x)-[:FROM]->(f:Actor) | f { .id, .name, .kind }][0],
                                            to: [(x)-[:TO]->(t:Actor) | t { .id, .name, .kind }][0],
                                            category: [(x)-[:FOR]->(c:HelpCategory) | c.code][0]}] AS steps
                        WITH request, latest, neighbourhood, steps,
                             [i IN range(0, size(steps) - 1)
                              WHERE any(j IN range(0, i) WHERE steps[j].from.id = steps[i].to.id) | steps[i].to] AS loopsBackTo
                        WITH request, neighbourhood, steps, loopsBackTo,
                             CASE WHEN latest.status IN $deadEnds THEN latest.status
                                  WHEN latest.status = 'SENT' AND latest.updatedAt < $staleBefore THEN 'NO_ANSWER'
                             END AS deadEnd
                        WHERE size(loopsBackTo) > 0 OR deadEnd IS NOT NULL
                        RETURN request, neighbourhood, steps, loopsBackTo, deadEnd
                        ORDER BY steps[-1].createdAt DESC""")
                .bindAll(params).fetchAs(Trail.class).mappedBy((t, r) -> new Trail(r.get("request").asString(),
                        r.get("steps").get(0).get("category").asString(""),
                        r.get("neighbourhood").isNull() ? null : r.get("neighbourhood").asString(),
                        r.get("steps").asList(s -> new Step(s.get("id").asString(), ReferralNetwork.ref(s.get("from")),
                                ReferralNetwork.ref(s.get("to")), ReferralStatus.valueOf(s.get("status").asString()),
                                dateTime(s.get("createdAt")))),
                        r.get("loopsBackTo").asList(ReferralNetwork::ref),
                        r.get("deadEnd").isNull() ? null : deadEndReason(r.get("deadEnd").asString())))
                .all().stream().toList();
        List<Trail> loops = new ArrayList<>();
        List<Trail> deadEnds = new ArrayList<>();
        for (Trail trail : trails) {
            if (!trail.loopsBackTo().isEmpty()) {
                loops.add(trail);
            }
            if (trail.deadEnd() != null) {
                deadEnds.add(trail);
            }
        }
        return new Problems(loops, deadEnds);
    }

    private String deadEndReason(String status) {
        return switch (status) {
            case "NO_ANSWER" -> "no answer for more than " + properties.staleAfterDays() + " days";
            case "NO_CAPACITY" -> "the last actor had no capacity and nobody referred the request on";
            case "NOT_ELIGIBLE" -> "the person was not eligible with the last actor and nobody referred the request on";
            case "COULD_NOT_CONTACT" -> "the last actor could not contact the person and nobody referred the request on";
            default -> status;
        };
    }

    private static String currentUser() {
        return CurrentUser.get().map(u -> u.getUsername()).orElse("system");
    }

    private static Referral map(Value r) {
        return new Referral(r.get("id").asString(), r.get("requestId").asString(), ReferralNetwork.ref(r.get("from")),
                ReferralNetwork.ref(r.get("to")), r.get("category").asString(""),
                r.get("needId").isNull() ? null : r.get("needId").asString(),
                r.get("previousId").isNull() ? null : r.get("previousId").asString(),
                ReferralStatus.valueOf(r.get("status").asString()),
                r.get("note").isNull() ? null : r.get("note").asString(), dateTime(r.get("createdAt")),
                r.get("createdBy").asString(""),
                r.get("history").asList(s -> new Referral.StatusChange(ReferralStatus.valueOf(s.get("status").asString()),
                        dateTime(s.get("at")), s.get("by").asString(""), s.get("note").isNull() ? null : s.get("note").asString())));
    }

    static OffsetDateTime dateTime(Value value) {
        return value.asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
