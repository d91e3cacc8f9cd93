package be.carenetwork.exchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.taxonomy.CategoryLabel;
import be.carenetwork.taxonomy.HelpCategories;
import be.carenetwork.taxonomy.HelpCategory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes imported actors in batches (one {@code UNWIND} statement per batch, in the caller's one transaction): the same
 * node properties as {@link Actors#write} (from {@link Actors#properties}), the {@code LOCATED_IN} relationship, one
 * capacity per category with the properties of {@link Capacities} and the owner's {@code Offers_<code>} label.
 * <p>
 * Importing the same source again updates in place: an actor keeps its id ({@code <source>:<source id>}), capacities
 * keep theirs ({@code <actor id>#<category>}), capacities the source no longer gives are withdrawn (with their label
 * when nothing else backs it), and capacities people added by hand are left alone.
 */
@Component
public class ImportedActors {

    static final String WRITE = """
            UNWIND $rows AS row
            OPTIONAL MATCH (existing:Actor {id: row.id})
            WITH row, existing IS NULL AS created
            MERGE (a:Actor {id: row.id})
            SET a += row.props, a.location = point({longitude: row.lon, latitude: row.lat})
            WITH a, row, created
            CALL (a, row) {
              OPTIONAL MATCH (a)-[stale:OFFERS]->(:HelpCategory)
              WHERE stale.id STARTS WITH row.id + '#' AND NOT stale.id IN [c IN row.capacities | c.id]
              DELETE stale
            }
            CALL (a, row) {
              UNWIND row.capacities AS capacity
              MATCH (c:HelpCategory {code: capacity.category})
              MERGE (a)-[o:OFFERS {id: capacity.id}]->(c)
              SET o += capacity.props
            }
            CALL (a, row) {
              OPTIONAL MATCH (a)-[old:LOCATED_IN]->(n:Neighbourhood)
              WHERE row.neighbourhood IS NULL OR n.code <> row.neighbourhood
              DELETE old
            }
            CALL (a, row) {
              MATCH (n:Neighbourhood {code: row.neighbourhood})
              MERGE (a)-[:LOCATED_IN]->(n)
            }
            SET a:$(row.labels)
            WITH a, created, row,
                 [x IN $categoryLabels WHERE x.label IN labels(a) AND NOT x.label IN row.labels
                    AND NOT EXISTS { (a)-[:OFFERS]->(:HelpCategory {code: x.code}) } | x.label]
                 + CASE WHEN a:ReferralPoint AND NOT 'ReferralPoint' IN row.labels THEN ['ReferralPoint'] ELSE [] END AS stale
            FOREACH (label IN stale | REMOVE a:$(label))
            RETURN count(CASE WHEN created THEN 1 END) AS created""";

    private final Neo4jClient neo4j;
    private final HelpCategories categories;
    private final ExchangeProperties properties;

    ImportedActors(Neo4jClient neo4j, HelpCategories categories, ExchangeProperties properties) {
        this.neo4j = neo4j;
        this.categories = categories;
        this.properties = properties;
    }

    /**
     * The HSDS key of an actor whose id is not a UUID (imported ones: {@code osm:tile/12}): a name-based UUID of the
     * id, stored as {@code hsdsId} so that HSDS clients can ask for it.
     */
    public static String hsdsIdOf(String actorId) {
        return UUID.nameUUIDFromBytes(("actor:" + actorId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Writes the actors in the caller's transaction.
     *
     * @return how many were new (the others were updated in place)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int write(List<ImportedActor> actors, boolean demo, ImportProgress progress) {
        List<Map<String, Object>> categoryLabels = categories.all().stream().map(HelpCategory::code)
                .map(code -> Map.<String, Object>of("code", code, "label", CategoryLabel.of(code))).toList();
        int created = 0;
        int batch = Math.max(1, properties.batchSize());
        for (int from = 0; from < actors.size(); from += batch) {
            List<ImportedActor> slice = actors.subList(from, Math.min(actors.size(), from + batch));
            List<Map<String, Object>> rows = new ArrayList<>(slice.size());
            for (ImportedActor actor : slice) {
                rows.add(row(actor, demo));
            }
            created += neo4j.query(WRITE).bindAll(Map.of("rows", rows, "categoryLabels", categoryLabels))
                    .fetchAs(Integer.class).one().orElse(0);
            progress.report("writing", from + slice.size(), actors.size());
        }
        return created;
    }

    static Map<String, Object> row(ImportedActor actor, boolean demo) {
        Map<String, Object> props = Actors.properties(actor.input(), demo, actor.neighbourhood() == null, actor.openSlots());
        props.put("source", actor.source());
        props.put("attribution", actor.attribution());
        props.put("nameFr", actor.nameFr());
        props.put("nameNl", actor.nameNl());
        props.put("hsdsId", isUuid(actor.id()) ? null : hsdsIdOf(actor.id()));
        List<String> labels = new ArrayList<>();
        labels.add("Actor");
        if (actor.input().kind() == ActorKind.REFERRAL_POINT) {
            labels.add("ReferralPoint");
        }
        List<Map<String, Object>> capacities = new ArrayList<>();
        String availability = actor.openSlots() == null ? null : actor.input().openingHours();
        for (String category : actor.categories()) {
            labels.add(CategoryLabel.of(category));
            var data = new Capacities.CapacityData(category, actor.radiusMetres(), availability, actor.maxActive(), null);
            capacities.add(Map.of("id", actor.id() + "#" + category, "category", category,
                    "props", Capacities.properties(data, actor.openSlots())));
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", actor.id());
        row.put("props", props);
        row.put("lon", actor.input().lon());
        row.put("lat", actor.input().lat());
        row.put("neighbourhood", actor.neighbourhood());
        row.put("labels", labels);
        row.put("capacities", capacities);
        return row;
    }

    static boolean isUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
