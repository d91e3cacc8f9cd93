package be.carenetwork.exchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.taxonomy.CategoryLabel;
import be.carenetwork.taxonomy.HelpCategories;
import be.carenetwork.taxonomy.HelpCategory;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes imported actors in batches (a few {@code UNWIND} statements per batch, all in the caller's one transaction):
 * the same node properties as {@link Actors#write} (built by {@link Actors#properties}), the {@code LOCATED_IN}
 * relationship, one capacity per category with the properties of {@link Capacities#properties} and the owner's
 * {@code Offers_<code>} label.
 * <p>
 * Importing the same source again updates in place. An actor keeps its id ({@code <source>:<source id>}) and its
 * capacities theirs ({@code <actor id>#<category>}). An actor whose source record has not changed since the last import
 * (same digest, {@code importHash}) is left as it is. For one that changed, only what differs is written: changed
 * properties, the position if it moved, capacities added, changed or no longer given (withdrawn, with their label when
 * nothing else backs it), the neighbourhood if it is another. Capacities people added by hand are left alone. Writing
 * only the differences keeps the one transaction of a large re-import small (Neo4j keeps a copy of every touched record
 * until it commits).
 */
@Component
public class ImportedActors {

    // replan=skip: the graph's statistics change fast during an import; replanning the same statements for that costs
    // seconds of planning per import and gains nothing.
    private static final String EXISTING = """
            CYPHER replan=skip
            UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a.id AS id, a.importHash AS hash""";

    private static final String CURRENT = """
            CYPHER replan=skip
            UNWIND $ids AS id
            MATCH (a:Actor {id: id})
            RETURN a.id AS id, properties(a) AS props, labels(a) AS labels,
                   COLLECT { MATCH (a)-[o:OFFERS]->(c:HelpCategory) RETURN {id: o.id, category: c.code, props: properties(o)} } AS offers,
                   COLLECT { MATCH (a)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code } AS located""";

    /** New actors: nothing to compare with, so plain creates. */
    static final String CREATE = """
            CYPHER replan=skip
            UNWIND $rows AS row
            CREATE (a:Actor {id: row.id})
            SET a += row.props, a.location = point({longitude: row.lon, latitude: row.lat}), a:$(row.labels)
            WITH a, row
            CALL (a, row) {
              MATCH (n:Neighbourhood {code: row.neighbourhood})
              CREATE (a)-[:LOCATED_IN]->(n)
            }
            CALL (a, row) {
              UNWIND row.capacities AS capacity
              MATCH (c:HelpCategory {code: capacity.category})
              CREATE (a)-[o:OFFERS {id: capacity.id}]->(c)
              SET o += capacity.props
            }""";

    /** Changed actors: only the differences, worked out beforehand. */
    static final String UPDATE = """
            CYPHER replan=skip
            UNWIND $rows AS row
            MATCH (a:Actor {id: row.id})
            SET a += row.props, a:$(row.addLabels)
            FOREACH (_ IN CASE WHEN row.moved THEN [1] ELSE [] END |
              SET a.location = point({longitude: row.lon, latitude: row.lat}))
            FOREACH (label IN row.removeLabels | REMOVE a:$(label))
            WITH a, row
            CALL (a, row) {
              UNWIND row.withdraw AS id
              MATCH (a)-[o:OFFERS {id: id}]->()
              DELETE o
            }
            CALL (a, row) {
              UNWIND row.offer AS capacity
              MATCH (c:HelpCategory {code: capacity.category})
              CREATE (a)-[o:OFFERS {id: capacity.id}]->(c)
              SET o += capacity.props
            }
            CALL (a, row) {
              UNWIND row.change AS capacity
              MATCH (a)-[o:OFFERS {id: capacity.id}]->()
              SET o += capacity.props
            }
            CALL (a, row) {
              WITH a, row WHERE row.relocate
              OPTIONAL MATCH (a)-[old:LOCATED_IN]->()
              DELETE old
            }
            CALL (a, row) {
              WITH a, row WHERE row.relocate
              MATCH (n:Neighbourhood {code: row.neighbourhood})
              CREATE (a)-[:LOCATED_IN]->(n)
            }""";

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
     * What a write did.
     *
     * @param unchanged existing actors whose source record has not changed since the last import: left as they are
     */
    public record Written(int created, int updated, int unchanged) {
    }

    /** Writes the actors in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Written write(List<ImportedActor> actors, boolean demo, ImportProgress progress) {
        List<String> codes = categories.all().stream().map(HelpCategory::code).toList();
        recordSources(actors);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int batch = Math.max(1, properties.batchSize());
        for (int from = 0; from < actors.size(); from += batch) {
            List<ImportedActor> slice = actors.subList(from, Math.min(actors.size(), from + batch));
            Map<String, String> existing = new HashMap<>();
            neo4j.query(EXISTING).bind(slice.stream().map(ImportedActor::id).toList()).to("ids").fetch().all()
                    .forEach(row -> existing.put((String) row.get("id"), String.valueOf(row.get("hash"))));
            List<Map<String, Object>> creates = new ArrayList<>();
            Map<String, Map<String, Object>> changed = new HashMap<>();
            for (ImportedActor actor : slice) {
                Map<String, Object> row = row(actor, demo);
                if (!existing.containsKey(actor.id())) {
                    ((Map<?, ?>) row.get("props")).values().removeIf(Objects::isNull);
                    creates.add(row);
                } else if (existing.get(actor.id()).equals(row.get("hash"))) {
                    unchanged++;
                } else {
                    changed.put(actor.id(), row);
                }
            }
            if (!creates.isEmpty()) {
                neo4j.query(CREATE).bind(creates).to("rows").run();
            }
            if (!changed.isEmpty()) {
                List<Map<String, Object>> updates = new ArrayList<>();
                neo4j.query(CURRENT).bind(List.copyOf(changed.keySet())).to("ids").fetchAs(Void.class)
                        .mappedBy((types, current) -> {
                            updates.add(differences(changed.get(current.get("id").asString()), current, codes));
                            return null;
                        }).all();
                neo4j.query(UPDATE).bind(updates).to("rows").run();
            }
            created += creates.size();
            updated += changed.size();
            progress.report("writing", from + slice.size(), actors.size());
        }
        return new Written(created, updated, unchanged);
    }

    /** One node per source with the credit its licence requires, rather than the same text on thousands of actors. */
    private void recordSources(List<ImportedActor> actors) {
        Map<String, Map<String, Object>> sources = new java.util.LinkedHashMap<>();
        for (ImportedActor actor : actors) {
            if (actor.source() != null) {
                Map<String, Object> source = new HashMap<>();
                source.put("name", actor.source());
                source.put("attribution", actor.attribution());
                sources.put(actor.source(), source);
            }
        }
        if (!sources.isEmpty()) {
            neo4j.query("""
                            UNWIND $sources AS source
                            MERGE (d:DataSource {name: source.name})
                            SET d.attribution = source.attribution, d.lastImport = datetime()""")
                    .bind(List.copyOf(sources.values())).to("sources").run();
        }
    }

    /** What the import would write for an actor, whole: the creation, or the basis of an update's differences. */
    static Map<String, Object> row(ImportedActor actor, boolean demo) {
        Map<String, Object> props = Actors.properties(actor.input(), demo, actor.neighbourhood() == null, actor.openSlots());
        props.put("source", actor.source());
        props.put("nameFr", actor.nameFr());
        props.put("nameNl", actor.nameNl());
        props.put("hsdsId", isUuid(actor.id()) ? null : hsdsIdOf(actor.id()));
        String hash = hash(actor, demo);
        props.put("importHash", hash);
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
        row.put("hash", hash);
        return row;
    }

    /** The update of one changed actor: what differs between the whole row and what the graph holds. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> differences(Map<String, Object> row, org.neo4j.driver.Record current, List<String> codes) {
        String id = (String) row.get("id");
        Value stored = current.get("props");
        Map<String, Object> props = new HashMap<>();
        ((Map<String, Object>) row.get("props")).forEach((key, value) -> {
            if (!key.equals("modifiedAt") && !same(value, stored.get(key))) {
                props.put(key, value);
            }
        });
        props.put("modifiedAt", ((Map<String, Object>) row.get("props")).get("modifiedAt"));
        var location = stored.get("location");
        boolean moved = location.isNull() || location.asPoint().x() != (double) row.get("lon")
                || location.asPoint().y() != (double) row.get("lat");

        Map<String, Map<String, Object>> before = new HashMap<>();
        Set<String> otherCategories = new HashSet<>();
        for (Value offer : current.get("offers").values()) {
            String offerId = offer.get("id").asString();
            if (offerId.startsWith(id + "#")) {
                before.put(offerId, Map.of("category", offer.get("category").asString(), "props", offer.get("props")));
            } else {
                otherCategories.add(offer.get("category").asString());
            }
        }
        List<Map<String, Object>> offer = new ArrayList<>();
        List<Map<String, Object>> change = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (Map<String, Object> capacity : (List<Map<String, Object>>) row.get("capacities")) {
            String capacityId = (String) capacity.get("id");
            given.add(capacityId);
            Map<String, Object> was = before.get(capacityId);
            if (was == null) {
                offer.add(capacity);
                continue;
            }
            Value storedProps = (Value) was.get("props");
            Map<String, Object> differing = new HashMap<>();
            ((Map<String, Object>) capacity.get("props")).forEach((key, value) -> {
                if (!same(value, storedProps.get(key))) {
                    differing.put(key, value);
                }
            });
            if (!differing.isEmpty()) {
                change.add(Map.of("id", capacityId, "props", differing));
            }
        }
        List<String> withdraw = before.keySet().stream().filter(capacityId -> !given.contains(capacityId)).toList();

        List<String> labels = (List<String>) row.get("labels");
        Set<String> has = new HashSet<>(current.get("labels").asList(Value::asString));
        List<String> addLabels = new ArrayList<>(List.of("Actor"));
        labels.stream().filter(label -> !has.contains(label)).forEach(addLabels::add);
        List<String> removeLabels = new ArrayList<>();
        if (has.contains("ReferralPoint") && !labels.contains("ReferralPoint")) {
            removeLabels.add("ReferralPoint");
        }
        for (String code : codes) {
            // Labels only from CategoryLabel, from codes of the taxonomy.
            String label = CategoryLabel.of(code);
            if (has.contains(label) && !labels.contains(label) && !otherCategories.contains(code)) {
                removeLabels.add(label);
            }
        }
        List<String> located = current.get("located").asList(Value::asString);
        String neighbourhood = (String) row.get("neighbourhood");
        boolean relocate = neighbourhood == null ? !located.isEmpty() : !located.equals(List.of(neighbourhood));

        Map<String, Object> update = new HashMap<>();
        update.put("id", id);
        update.put("props", props);
        update.put("moved", moved);
        update.put("lon", row.get("lon"));
        update.put("lat", row.get("lat"));
        update.put("addLabels", addLabels);
        update.put("removeLabels", removeLabels);
        update.put("withdraw", withdraw);
        update.put("offer", offer);
        update.put("change", change);
        update.put("relocate", relocate);
        update.put("neighbourhood", neighbourhood);
        return update;
    }

    /** Whether a value to write equals what is stored (numbers by value, lists item by item; null and absent alike). */
    static boolean same(@Nullable Object value, Value stored) {
        if (value == null || stored.isNull()) {
            return value == null && stored.isNull();
        }
        if (value instanceof Number number) {
            return stored.asObject() instanceof Number s && number.doubleValue() == s.doubleValue();
        }
        if (value instanceof List<?> list) {
            List<Value> storedList;
            try {
                storedList = stored.asList(v -> v);
            } catch (RuntimeException notAList) {
                return false;
            }
            if (storedList.size() != list.size()) {
                return false;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!same(list.get(i), storedList.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return value.equals(stored.asObject());
    }

    /**
     * A digest of everything an import writes for an actor (but the time): equal digests mean the source record did
     * not change, and the actor is left as it is, edits people made since included.
     */
    static String hash(ImportedActor actor, boolean demo) {
        String content = String.join("\u0001", String.valueOf(actor), String.valueOf(demo));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            // 64 bits tell a changed record from an unchanged one, and 16 characters are stored inline with the node.
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
