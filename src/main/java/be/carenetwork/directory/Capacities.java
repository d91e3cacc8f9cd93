package be.carenetwork.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import be.carenetwork.system.NotFoundException;
import be.carenetwork.taxonomy.CategoryLabel;
import be.carenetwork.taxonomy.HelpCategories;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Capacities are OFFERS relationships from an actor or resident to a help category. Their owner also carries
 * the category's label ({@link CategoryLabel}), kept in step here and only here, in the same transaction.
 */
@Service
public class Capacities {

    static final String OWNER = """
            CALL () {
              MATCH (o:Actor {id: $ownerId}) RETURN o
              UNION
              MATCH (o:Resident {id: $ownerId}) RETURN o
            }
            """;

    private static final String RETURN_CAPACITY = """
            RETURN o.id AS ownerId, CASE WHEN o:Actor THEN 'Actor' ELSE 'Resident' END AS ownerKind,
                   c.code AS category, offers { .id, .radiusMetres, .availability, .maxActive, .note } AS offers""";

    private final Neo4jClient neo4j;
    private final HelpCategories categories;

    Capacities(Neo4jClient neo4j, HelpCategories categories) {
        this.neo4j = neo4j;
        this.categories = categories;
    }

    public record CapacityData(String category, int radiusMetres, @Nullable String availability, int maxActive,
                               @Nullable String note) {
    }

    @Transactional
    public Capacity offer(String ownerId, CapacityData data) {
        return offer(ownerId, UUID.randomUUID().toString(), data);
    }

    @Transactional
    public Capacity offer(String ownerId, String id, CapacityData data) {
        categories.requireKnown("category", List.of(data.category()));
        Map<String, Object> params = properties(data);
        params.put("ownerId", ownerId);
        params.put("id", id);
        params.put("category", data.category());
        params.put("label", CategoryLabel.of(data.category()));
        return neo4j.query(OWNER + """
                        MATCH (c:HelpCategory {code: $category})
                        CREATE (o)-[offers:OFFERS {id: $id}]->(c)
                        SET offers += $props, o:$($label)
                        """ + RETURN_CAPACITY)
                .bindAll(params).fetchAs(Capacity.class).mappedBy((t, r) -> map(r))
                .one().orElseThrow(() -> new NotFoundException("actor or resident", ownerId));
    }

    public Capacity get(String id) {
        return neo4j.query("MATCH (o)-[offers:OFFERS {id: $id}]->(c:HelpCategory) " + RETURN_CAPACITY)
                .bind(id).to("id").fetchAs(Capacity.class).mappedBy((t, r) -> map(r))
                .one().orElseThrow(() -> new NotFoundException("capacity", id));
    }

    /** Actor or Resident, or empty when there is no owner with that id. */
    public Optional<String> ownerKind(String ownerId) {
        return neo4j.query(OWNER + "RETURN CASE WHEN o:Actor THEN 'Actor' ELSE 'Resident' END")
                .bind(ownerId).to("ownerId").fetchAs(String.class).one();
    }

    public List<Capacity> ofOwner(String ownerId) {
        return neo4j.query(OWNER + "MATCH (o)-[offers:OFFERS]->(c:HelpCategory) " + RETURN_CAPACITY + " ORDER BY category")
                .bind(ownerId).to("ownerId").fetchAs(Capacity.class).mappedBy((t, r) -> map(r)).all().stream().toList();
    }

    /** Changes radius, availability, load or note; a different category is a new capacity. */
    @Transactional
    public Capacity update(String id, CapacityData data) {
        Capacity current = get(id);
        if (!current.category().equals(data.category())) {
            withdraw(id);
            return offer(current.ownerId(), id, data);
        }
        Map<String, Object> params = properties(data);
        params.put("id", id);
        neo4j.query("MATCH ()-[offers:OFFERS {id: $id}]->() SET offers += $props").bindAll(params).run();
        return get(id);
    }

    /** Removes the capacity, and the owner's category label when it offers that category no more. */
    @Transactional
    public void withdraw(String id) {
        Capacity capacity = get(id);
        neo4j.query("""
                        MATCH (o)-[offers:OFFERS {id: $id}]->(c:HelpCategory)
                        DELETE offers
                        WITH o, c
                        WHERE NOT EXISTS { (o)-[:OFFERS]->(c) }
                        REMOVE o:$($label)""")
                .bindAll(Map.of("id", id, "label", CategoryLabel.of(capacity.category()))).run();
    }

    private static Map<String, Object> properties(CapacityData data) {
        Map<String, Object> params = new HashMap<>();
        params.put("props", properties(data, OpeningHours.slotsOf("availability", data.availability())));
        return params;
    }

    /**
     * The stored properties of a capacity (an OFFERS relationship) apart from its id. Shared with batch writers
     * (the imports in {@code exchange}) so that every way in sets the same ones.
     *
     * @param availabilitySlots the week slots of {@code data.availability()}, or null when unknown
     */
    public static Map<String, Object> properties(CapacityData data, @Nullable List<Integer> availabilitySlots) {
        Map<String, Object> props = new HashMap<>();
        props.put("radiusMetres", data.radiusMetres());
        props.put("availability", data.availability());
        props.put("availabilitySlots", availabilitySlots);
        props.put("maxActive", data.maxActive());
        props.put("note", data.note());
        return props;
    }

    private static Capacity map(org.neo4j.driver.Record r) {
        var offers = r.get("offers");
        return new Capacity(offers.get("id").asString(), r.get("ownerId").asString(), r.get("ownerKind").asString(),
                r.get("category").asString(), offers.get("radiusMetres").asInt(0), Actors.text(offers.get("availability")),
                offers.get("maxActive").asInt(1), Actors.text(offers.get("note")));
    }
}
