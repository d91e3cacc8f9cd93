package be.carenetwork.analyst;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
        WRITES.put(SnapshotKind.CAPACITIES, """
                UNWIND $rows AS row
                CALL (row) {
                  MATCH (o:Actor {id: row.owner}) WHERE row.ownerKind = 'Actor' RETURN o
                  UNION
                  MATCH (o:Resident {pseudonym: row.owner}) WHERE row.ownerKind = 'Resident' RETURN o
                }
                MATCH (c:HelpCategory {code: row.category})
                CREATE (o)-[x:OFFERS]->(c)
                SET x = row.props, o:$(row.label)""");
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

    private final PseudonymisedSnapshot snapshot;

    AnalystGraphBuilder(PseudonymisedSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** Copies the snapshot into {@code db} and returns how many rows of each kind it wrote. */
    Map<SnapshotKind, Long> build(GraphDatabaseService db) {
        CONSTRAINTS.forEach(db::executeTransactionally);
        Map<SnapshotKind, Long> counts = new EnumMap<>(SnapshotKind.class);
        Set<String> categories = new TreeSet<>();
        for (SnapshotKind kind : SnapshotKind.values()) {
            List<Map<String, Object>> batch = new ArrayList<>(BATCH);
            long[] count = {0};
            snapshot.read(kind, row -> {
                if (kind == SnapshotKind.CAPACITIES) {
                    String category = (String) row.get("category");
                    if (category == null || !CategoryLabel.CODE.matcher(category).matches()) {
                        return;
                    }
                    categories.add(category);
                }
                batch.add(parameters(kind, row));
                count[0]++;
                if (batch.size() == BATCH) {
                    write(db, kind, batch);
                }
            });
            write(db, kind, batch);
            counts.put(kind, count[0]);
        }
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
        return counts;
    }

    private static void write(GraphDatabaseService db, SnapshotKind kind, List<Map<String, Object>> batch) {
        if (!batch.isEmpty()) {
            db.executeTransactionally(WRITES.get(kind), Map.of("rows", List.copyOf(batch)));
            batch.clear();
        }
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
        if (kind == SnapshotKind.CAPACITIES) {
            parameters.put("label", CategoryLabel.of((String) row.get("category")));
        }
        parameters.putIfAbsent("properties", Map.of());
        parameters.putIfAbsent("municipalities", List.of());
        parameters.putIfAbsent("referralPoint", false);
        parameters.put("props", props);
        return parameters;
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
