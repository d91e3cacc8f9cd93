package be.carenetwork.referral;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import be.carenetwork.system.BadInputException;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.taxonomy.HelpCategories;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who refers to whom, for which categories: {@code (:Actor)-[:REFERS_TO {categories, since}]->(:Actor)}, one per
 * ordered pair. An actor refers only for the categories it declared; referral paths follow it only for those.
 */
@Service
public class ReferralNetwork {

    private final Neo4jClient neo4j;
    private final HelpCategories categories;

    ReferralNetwork(Neo4jClient neo4j, HelpCategories categories) {
        this.neo4j = neo4j;
        this.categories = categories;
    }

    public record ReferralLink(ActorRef actor, List<String> categories, LocalDate since) {
    }

    public record Links(ActorRef actor, List<ReferralLink> refersTo, List<ReferralLink> referredBy) {
    }

    /** Sets the categories {@code from} refers to {@code to} for (replacing those declared before). */
    @Transactional
    public ReferralLink declare(String from, String to, List<String> codes) {
        if (codes.isEmpty()) {
            throw new BadInputException("categories", "must name at least one help category");
        }
        if (from.equals(to)) {
            throw new BadInputException("to", "an actor does not refer to itself");
        }
        categories.requireKnown("categories", codes);
        requireActors(from, to);
        neo4j.query("""
                        MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
                        MERGE (a)-[r:REFERS_TO]->(b)
                        ON CREATE SET r.since = date()
                        SET r.categories = $codes""")
                .bindAll(Map.of("from", from, "to", to, "codes", codes.stream().distinct().sorted().toList())).run();
        return links(from).refersTo().stream().filter(l -> l.actor().id().equals(to)).findFirst().orElseThrow();
    }

    /** Adds one category to what {@code from} refers to {@code to} for, creating the link if needed. */
    void learn(String from, String to, String category, LocalDate on) {
        neo4j.query("""
                        MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
                        MERGE (a)-[r:REFERS_TO]->(b)
                        ON CREATE SET r.since = $on, r.categories = [$category]
                        ON MATCH SET r.categories = CASE WHEN $category IN r.categories THEN r.categories
                                                         ELSE r.categories + $category END,
                                     r.since = CASE WHEN r.since > $on THEN $on ELSE r.since END""")
                .bindAll(Map.of("from", from, "to", to, "category", category, "on", on)).run();
    }

    @Transactional
    public void withdraw(String from, String to) {
        long deleted = neo4j.query("MATCH (:Actor {id: $from})-[r:REFERS_TO]->(:Actor {id: $to}) DELETE r RETURN count(*)")
                .bindAll(Map.of("from", from, "to", to)).fetchAs(Long.class).one().orElse(0L);
        if (deleted == 0) {
            throw new NotFoundException("referral link", from + " -> " + to);
        }
    }

    public Links links(String actorId) {
        return neo4j.query("""
                        MATCH (a:Actor {id: $id})
                        RETURN a { .id, .name, .kind } AS actor,
                               COLLECT { MATCH (a)-[r:REFERS_TO]->(b:Actor)
                                         RETURN {actor: b { .id, .name, .kind }, categories: r.categories, since: r.since}
                                         ORDER BY b.name, b.id } AS refersTo,
                               COLLECT { MATCH (a)<-[r:REFERS_TO]-(b:Actor)
                                         RETURN {actor: b { .id, .name, .kind }, categories: r.categories, since: r.since}
                                         ORDER BY b.name, b.id } AS referredBy""")
                .bind(actorId).to("id").fetchAs(Links.class)
                .mappedBy((t, r) -> new Links(ref(r.get("actor")),
                        r.get("refersTo").asList(ReferralNetwork::link), r.get("referredBy").asList(ReferralNetwork::link)))
                .one().orElseThrow(() -> new NotFoundException("actor", actorId));
    }

    private void requireActors(String... ids) {
        List<String> found = neo4j.query("MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id")
                .bind(List.of(ids)).to("ids").fetchAs(String.class).all().stream().toList();
        for (String id : ids) {
            if (!found.contains(id)) {
                throw new NotFoundException("actor", id);
            }
        }
    }

    private static ReferralLink link(org.neo4j.driver.Value v) {
        return new ReferralLink(ref(v.get("actor")), v.get("categories").asList(org.neo4j.driver.Value::asString, List.of()),
                v.get("since").isNull() ? LocalDate.now(ZoneOffset.UTC) : v.get("since").asLocalDate());
    }

    static ActorRef ref(org.neo4j.driver.Value actor) {
        return new ActorRef(actor.get("id").asString(), actor.get("name").asString(""), actor.get("kind").asString(""));
    }
}
