package be.carenetwork.meeting;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import be.carenetwork.system.BadInputException;
import be.carenetwork.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who knows whom: {@code (:Actor)-[:KNOWS {since, strength, meetings, declared, declaredOn}]->(:Actor)}, one per
 * pair (read either way). {@code strength} counts the care meetings the two attended together and
 * {@code meetings} lists them; {@code declared} says an actor also recorded the acquaintance by hand. A KNOWS made
 * only by meetings disappears when its last meeting is taken back; a declared one stays.
 */
@Service
public class Acquaintances {

    private final Neo4jClient neo4j;

    Acquaintances(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * @param meetings how many care meetings the two attended together
     */
    public record Acquaintance(String actorId, String name, String kind, @Nullable LocalDate since, int meetings,
                               boolean declared) {
    }

    /** Everyone attending the meeting knows {@code actorId} (a little better), the meeting being the source. */
    void meetAtMeeting(String meetingId, String actorId) {
        neo4j.query("""
                        MATCH (a:Actor {id: $actor})-[:ATTENDED]->(m:CareMeeting {id: $meeting})
                        MATCH (other:Actor)-[:ATTENDED]->(m)
                        WHERE other <> a
                        WITH m, CASE WHEN a.id < other.id THEN a ELSE other END AS low,
                                CASE WHEN a.id < other.id THEN other ELSE a END AS high
                        MERGE (low)-[k:KNOWS]-(high)
                        ON CREATE SET k.strength = 0, k.meetings = [], k.declared = false
                        WITH k, m
                        WHERE NOT m.id IN coalesce(k.meetings, [])
                        SET k.strength = coalesce(k.strength, 0) + 1,
                            k.meetings = coalesce(k.meetings, []) + m.id,
                            k.since = CASE WHEN k.since IS NULL OR k.since > m.date THEN m.date ELSE k.since END""")
                .bindAll(Map.of("meeting", meetingId, "actor", actorId)).run();
    }

    /** Takes back what the meeting added between {@code actorId} and the other attendees. */
    void unmeetAtMeeting(String meetingId, String actorId) {
        neo4j.query("""
                        MATCH (a:Actor {id: $actor}), (m:CareMeeting {id: $meeting})
                        MATCH (a)-[k:KNOWS]-(other:Actor)
                        WHERE m.id IN coalesce(k.meetings, [])
                        WITH k, [x IN k.meetings WHERE x <> m.id] AS remaining
                        WITH k, remaining,
                             COLLECT { MATCH (earlier:CareMeeting) WHERE earlier.id IN remaining
                                       RETURN earlier.date ORDER BY earlier.date LIMIT 1 }[0] AS firstMet
                        SET k.meetings = remaining, k.strength = coalesce(k.strength, 1) - 1,
                            k.since = CASE WHEN firstMet IS NULL THEN k.declaredOn
                                           WHEN k.declaredOn IS NOT NULL AND k.declaredOn < firstMet THEN k.declaredOn
                                           ELSE firstMet END
                        WITH k
                        WHERE size(k.meetings) = 0 AND k.declared = false
                        DELETE k""")
                .bindAll(Map.of("meeting", meetingId, "actor", actorId)).run();
    }

    /** Records that two actors know each other, outside any meeting (a coordinator or one of them says so). */
    @Transactional
    public Acquaintance declare(String actorId, String otherId, @Nullable LocalDate since) {
        if (actorId.equals(otherId)) {
            throw new BadInputException("other", "an actor knows itself already");
        }
        LocalDate on = since == null ? LocalDate.now(ZoneOffset.UTC) : since;
        long made = neo4j.query("""
                        MATCH (x:Actor {id: $actor}), (y:Actor {id: $other})
                        WITH CASE WHEN x.id < y.id THEN x ELSE y END AS low, CASE WHEN x.id < y.id THEN y ELSE x END AS high
                        MERGE (low)-[k:KNOWS]-(high)
                        ON CREATE SET k.strength = 0, k.meetings = []
                        SET k.declared = true,
                            k.declaredOn = CASE WHEN k.declaredOn IS NULL OR k.declaredOn > $on THEN $on ELSE k.declaredOn END,
                            k.since = CASE WHEN k.since IS NULL OR k.since > $on THEN $on ELSE k.since END
                        RETURN count(k)""")
                .bindAll(Map.of("actor", actorId, "other", otherId, "on", on)).fetchAs(Long.class).one().orElse(0L);
        if (made == 0) {
            requireActor(actorId);
            throw new NotFoundException("actor", otherId);
        }
        return of(actorId).stream().filter(a -> a.actorId().equals(otherId)).findFirst().orElseThrow();
    }

    /** Takes back a declared acquaintance; what meetings made stays. */
    @Transactional
    public void undeclare(String actorId, String otherId) {
        Map<String, Object> params = Map.of("actor", actorId, "other", otherId);
        long declared = neo4j.query("MATCH (:Actor {id: $actor})-[k:KNOWS]-(:Actor {id: $other}) WHERE k.declared RETURN count(k)")
                .bindAll(params).fetchAs(Long.class).one().orElse(0L);
        if (declared == 0) {
            throw new NotFoundException("declared acquaintance", actorId + " - " + otherId);
        }
        neo4j.query("""
                        MATCH (:Actor {id: $actor})-[k:KNOWS]-(:Actor {id: $other})
                        WHERE k.declared
                        WITH k, COLLECT { MATCH (m:CareMeeting) WHERE m.id IN coalesce(k.meetings, [])
                                          RETURN m.date ORDER BY m.date LIMIT 1 }[0] AS firstMet
                        SET k.declared = false, k.declaredOn = null, k.since = firstMet
                        WITH k WHERE size(coalesce(k.meetings, [])) = 0
                        DELETE k""")
                .bindAll(params).run();
    }

    /** The actors {@code actorId} knows, by name. */
    public List<Acquaintance> of(String actorId) {
        requireActor(actorId);
        return neo4j.query("""
                        MATCH (:Actor {id: $actor})-[k:KNOWS]-(b:Actor)
                        RETURN b.id AS id, b.name AS name, b.kind AS kind, k.since AS since,
                               size(coalesce(k.meetings, [])) AS meetings, coalesce(k.declared, true) AS declared
                        ORDER BY b.name, b.id""")
                .bind(actorId).to("actor").fetchAs(Acquaintance.class)
                .mappedBy((t, r) -> new Acquaintance(r.get("id").asString(), r.get("name").asString(""),
                        r.get("kind").asString(""), date(r.get("since")), r.get("meetings").asInt(),
                        r.get("declared").asBoolean()))
                .all().stream().toList();
    }

    private void requireActor(String id) {
        if (neo4j.query("MATCH (a:Actor {id: $id}) RETURN count(a)").bind(id).to("id").fetchAs(Long.class).one().orElse(0L) == 0) {
            throw new NotFoundException("actor", id);
        }
    }

    private static @Nullable LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }
}
