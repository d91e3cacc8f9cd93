package be.carenetwork.analyst;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import be.carenetwork.taxonomy.CategoryLabel;
import org.jspecify.annotations.Nullable;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.values.storable.CoordinateReferenceSystem;
import org.neo4j.values.storable.Values;

/**
 * Writes the pseudonymised snapshot into a fresh, writable Neo4j (the staging copy of the analyst graph), in the
 * same shape as the main graph: same labels, relationship types and property names, the category labels
 * ({@code Offers_<code>}) with their point indexes, minus everything {@link PseudonymisedSnapshot} leaves out.
 */
final class AnalystGraphBuilder {

    private static final int BATCH = 5_000;

    private static final List<String> CONSTRAINTS = List.of(
            "CREATE CONSTRAINT municipality_code FOR (m:Municipality) REQUIRE m.code IS UNIQUE",
            "CREATE CONSTRAINT neighbourhood_code FOR (n:Neighbourhood) REQUIRE n.code IS UNIQUE",
            "CREATE CONSTRAINT help_category_code FOR (c:HelpCategory) REQUIRE c.code IS UNIQUE",
            "CREATE CONSTRAINT actor_id FOR (a:Actor) REQUIRE a.id IS UNIQUE",
            "CREATE CONSTRAINT resident_pseudonym FOR (r:Resident) REQUIRE r.pseudonym IS UNIQUE",
            "CREATE CONSTRAINT need_id FOR (n:Need) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT match_id FOR (m:Match) REQUIRE m.id IS UNIQUE",
            "CREATE CONSTRAINT care_meeting_id FOR (m:CareMeeting) REQUIRE m.id IS UNIQUE");

    private static final List<String> INDEXES = List.of(
            "CREATE POINT INDEX actor_location FOR (a:Actor) ON (a.location)",
            "CREATE POINT INDEX resident_location FOR (r:Resident) ON (r.location)",
            "CREATE POINT INDEX need_location FOR (n:Need) ON (n.location)",
            "CREATE POINT INDEX neighbourhood_centroid FOR (n:Neighbourhood) ON (n.centroid)",
            "CREATE RANGE INDEX actor_visibility FOR (a:Actor) ON (a.visibility)",
            "CREATE RANGE INDEX actor_kind FOR (a:Actor) ON (a.kind)",
            "CREATE RANGE INDEX need_status FOR (n:Need) ON (n.status)",
            "CREATE RANGE INDEX match_status FOR (m:Match) ON (m.status)",
            "CREATE RANGE INDEX care_meeting_date FOR (m:CareMeeting) ON (m.date)",
            // One full-text index on actors' names (Neo4j allows one per label and properties), language-neutral.
            """
            CREATE FULLTEXT INDEX actor_text FOR (a:Actor) ON EACH [a.name, a.description]
            OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}""");

    private static final Map<SnapshotKind, String> WRITES = new EnumMap<>(SnapshotKind.class);

    static {
        WRITES.put(SnapshotKind.MUNICIPALITIES, "UNWIND $rows AS row CREATE (m:Municipality) SET m = row.props");
        WRITES.put(SnapshotKind.NEIGHBOURHOODS, """
                UNWIND $rows AS row
                CREATE (n:Neighbourhood) SET n = row.props
                WITH n, row
                UNWIND row.municipalities AS link
                MATCH (m:Municipality {code: link.code})
                CREATE (n)-[:IN_MUNICIPALITY {share: link.share}]->(m)""");
        WRITES.put(SnapshotKind.CATEGORIES, "UNWIND $rows AS row CREATE (c:HelpCategory) SET c = row.props");
        WRITES.put(SnapshotKind.ACTORS, """
                UNWIND $rows AS row
                CREATE (a:Actor) SET a = row.props
                FOREACH (_ IN CASE WHEN row.referralPoint THEN [1] ELSE [] END | SET a:ReferralPoint)
                WITH a, row
                MATCH (n:Neighbourhood {code: row.neighbourhood})
                CREATE (a)-[:LOCATED_IN]->(n)""");
        WRITES.put(SnapshotKind.RESIDENTS, """
                UNWIND $rows AS row
                CREATE (r:Resident) SET r = row.props
                WITH r, row
                MATCH (n:Neighbourhood {code: row.neighbourhood})
                CREATE (r)-[:LIVES_IN]->(n)""");
        WRITES.put(SnapshotKind.NEEDS, """
                UNWIND $rows AS row
                CREATE (n:Need) SET n = row.props
                WITH n, row
                OPTIONAL MATCH (c:HelpCategory {code: row.category})
                OPTIONAL MATCH (nb:Neighbourhood {code: row.neighbourhood})
                OPTIONAL MATCH (r:Resident {pseudonym: row.resident})
                OPTIONAL MATCH (a:Actor {id: row.registeredBy})
                FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (n)-[:FOR]->(c))
                FOREACH (_ IN CASE WHEN nb IS NULL THEN [] ELSE [1] END | CREATE (n)-[:LOCATED_IN]->(nb))
                FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | CREATE (r)-[:HAS_NEED]->(n))
                FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | CREATE (a)-[:REGISTERED]->(n))""");
        WRITES.put(SnapshotKind.MATCHES, """
                UNWIND $rows AS row
                CREATE (m:Match) SET m = row.props, m += row.properties
                WITH m, row
                OPTIONAL MATCH (n:Need {id: row.need})
                OPTIONAL MATCH (a:Actor {id: row.by}) WHERE row.byKind = 'Actor'
                OPTIONAL MATCH (r:Resident {pseudonym: row.by}) WHERE row.byKind = 'Resident'
                FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | CREATE (m)-[:FOR_NEED]->(n))
                FOREACH (owner IN [x IN [a, r] WHERE x IS NOT NULL] | CREATE (m)-[:BY]->(owner))""");
        WRITES.put(SnapshotKind.MEETINGS, """
                UNWIND $rows AS row
                CREATE (m:CareMeeting) SET m = row.props, m += row.properties
                WITH m, row
                MATCH (n:Neighbourhood {code: row.neighbourhood})
                CREATE (m)-[:HELD_IN]->(n)""");
        WRITES.put(SnapshotKind.ATTENDANCES, """
                UNWIND $rows AS row
                MATCH (a:Actor {id: row.actor}), (m:CareMeeting {id: row.meeting})
                CREATE (a)-[x:ATTENDED]->(m) SET x = row.properties""");
        WRITES.put(SnapshotKind.KNOWS, """
                UNWIND $rows AS row
                MATCH (a:Actor {id: row.from}), (b:Actor {id: row.to})
                CREATE (a)-[x:KNOWS]->(b) SET x = row.properties""");
        WRITES.put(SnapshotKind.REFERS_TO, """
                UNWIND $rows AS row
                MATCH (a:Actor {id: row.from}), (b:Actor {id: row.to})
                CREATE (a)-[x:REFERS_TO]->(b) SET x = row.properties""");
    }

    /**
     * Capacities are written per owner: the rows come grouped by owner (the snapshot pages by owner), so each owner is
     * looked up once and gets all its {@code Offers_<code>} labels at once.
     */
    private static final String WRITE_OFFERS = """
            UNWIND $owners AS owner
            MATCH (o:%s {%s: owner.key})
            SET o:$(owner.labels)
            WITH o, owner
            UNWIND owner.offers AS offer
            MATCH (c:HelpCategory {code: offer.category})
            CREATE (o)-[x:OFFERS]->(c)
            SET x = offer.props""";

    private final PseudonymisedSnapshot snapshot;

    AnalystGraphBuilder(PseudonymisedSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * Copies the snapshot into {@code db} and returns how many rows of each kind it wrote; adds how long reading
     * (from the main graph) and writing (here) took to {@code phases}. Gives up between kinds once {@code stopping}
     * says so: Neo4j's own calls do not heed interrupts, and the application's stop must not wait for a whole copy.
     */
    Map<SnapshotKind, Long> build(GraphDatabaseService db, Map<String, Long> phases, BooleanSupplier stopping) {
        CONSTRAINTS.forEach(db::executeTransactionally);
        Map<SnapshotKind, Long> counts = new EnumMap<>(SnapshotKind.class);
        Set<String> categories = new TreeSet<>();
        long[] writing = {0};
        long started = System.nanoTime();
        for (SnapshotKind kind : SnapshotKind.values()) {
            giveUpIf(stopping);
            if (kind == SnapshotKind.CAPACITIES) {
                Offers offers = new Offers(db, categories);
                snapshot.read(kind, offers::add);
                offers.flush();
                writing[0] += offers.writing;
                counts.put(kind, offers.count);
                continue;
            }
            List<Map<String, Object>> batch = new ArrayList<>(BATCH);
            long[] count = {0};
            snapshot.read(kind, row -> {
                batch.add(parameters(kind, row));
                count[0]++;
                if (batch.size() == BATCH) {
                    writing[0] += write(db, kind, batch);
                }
            });
            writing[0] += write(db, kind, batch);
            counts.put(kind, count[0]);
        }
        phases.put("readMillis", (System.nanoTime() - started - writing[0]) / 1_000_000);
        phases.put("writeMillis", writing[0] / 1_000_000);
        giveUpIf(stopping);
        long indexing = System.nanoTime();
        db.executeTransactionally("""
                MATCH (c:HelpCategory) WHERE c.broader IS NOT NULL
                MATCH (b:HelpCategory {code: c.broader})
                CREATE (c)-[:BROADER]->(b)""");
        db.executeTransactionally("MATCH (c:HelpCategory) REMOVE c.broader");
        INDEXES.forEach(db::executeTransactionally);
        // Index and label names cannot be parameters; CategoryLabel only builds them from a validated code.
        categories.forEach(code -> db.executeTransactionally("CREATE POINT INDEX offers_" + code + "_location FOR (n:"
                + CategoryLabel.of(code) + ") ON (n.location)"));
        db.executeTransactionally("CALL db.awaitIndexes(600)");
        phases.put("indexMillis", (System.nanoTime() - indexing) / 1_000_000);
        return counts;
    }

    private static void giveUpIf(BooleanSupplier stopping) {
        if (stopping.getAsBoolean()) {
            throw new CancellationException("The application is stopping");
        }
    }

    /** Writes and empties the batch; returns the nanoseconds it took. */
    private static long write(GraphDatabaseService db, SnapshotKind kind, List<Map<String, Object>> batch) {
        long started = System.nanoTime();
        if (!batch.isEmpty()) {
            db.executeTransactionally(WRITES.get(kind), Map.of("rows", List.copyOf(batch)));
            batch.clear();
        }
        return System.nanoTime() - started;
    }

    private static Map<String, Object> parameters(SnapshotKind kind, Map<String, @Nullable Object> row) {
        Map<String, Object> parameters = new HashMap<>();
        Map<String, Object> props = new HashMap<>();
        row.forEach((column, value) -> {
            if (value == null) {
                return;
            }
            if (kind.links().contains(column)) {
                parameters.put(column, embedded(value));
            } else {
                props.put(column, embedded(value));
            }
        });
        parameters.putIfAbsent("properties", Map.of());
        parameters.putIfAbsent("municipalities", List.of());
        parameters.putIfAbsent("referralPoint", false);
        parameters.put("props", props);
        return parameters;
    }

    /** Collects capacities owner by owner and writes them in batches of about {@link #BATCH}. */
    private static final class Offers {
        private final GraphDatabaseService db;
        private final Set<String> categories;
        private final Map<String, List<Map<String, Object>>> owners = new java.util.HashMap<>();
        private @Nullable String kind;
        private @Nullable String key;
        private final List<String> labels = new ArrayList<>();
        private final List<Map<String, Object>> offers = new ArrayList<>();
        private int pending;
        long count;
        long writing;

        Offers(GraphDatabaseService db, Set<String> categories) {
            this.db = db;
            this.categories = categories;
        }

        void add(Map<String, @Nullable Object> row) {
            String category = (String) row.get("category");
            String ownerKind = (String) row.get("ownerKind");
            String owner = (String) row.get("owner");
            if (category == null || owner == null || ownerKind == null || !CategoryLabel.CODE.matcher(category).matches()) {
                return;
            }
            if (!owner.equals(key) || !ownerKind.equals(kind)) {
                endOwner();
                kind = ownerKind;
                key = owner;
            }
            categories.add(category);
            if (!labels.contains(CategoryLabel.of(category))) {
                labels.add(CategoryLabel.of(category));
            }
            Map<String, Object> props = new java.util.HashMap<>();
            for (String column : List.of("id", "radiusMetres", "availability", "availabilitySlots", "maxActive")) {
                Object value = row.get(column);
                if (value != null) {
                    props.put(column, embedded(value));
                }
            }
            offers.add(Map.of("category", category, "props", props));
            count++;
        }

        private void endOwner() {
            if (key != null && kind != null && !offers.isEmpty()) {
                owners.computeIfAbsent(kind, k -> new ArrayList<>())
                        .add(Map.of("key", key, "labels", List.copyOf(labels), "offers", List.copyOf(offers)));
                pending += offers.size();
            }
            labels.clear();
            offers.clear();
            key = null;
            if (pending >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (key != null) {
                endOwner();
            }
            long started = System.nanoTime();
            owners.forEach((ownerKind, batch) -> db.executeTransactionally(ownerKind.equals("Actor")
                    ? WRITE_OFFERS.formatted("Actor", "id") : WRITE_OFFERS.formatted("Resident", "pseudonym"),
                    Map.of("owners", List.copyOf(batch))));
            owners.clear();
            pending = 0;
            writing += System.nanoTime() - started;
        }
    }

    /** Points as Neo4j points; everything else the embedded API takes as it is. */
    private static Object embedded(Object value) {
        return switch (value) {
            case GeoJsonPoint p -> Values.pointValue(CoordinateReferenceSystem.WGS_84, p.lon(), p.lat());
            case List<?> list -> list.stream().map(item -> item == null ? null : embedded(item)).toList();
            case Map<?, ?> map -> {
                Map<String, Object> converted = new HashMap<>();
                map.forEach((k, v) -> {
                    if (v != null) {
                        converted.put(String.valueOf(k), embedded(v));
                    }
                });
                yield converted;
            }
            default -> value;
        };
    }
}
