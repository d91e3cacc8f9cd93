package be.carenetwork.analyst;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import be.carenetwork.directory.Blur;
import be.carenetwork.system.GeoPoint;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.stereotype.Component;

/**
 * The main graph as analysts may see it, read kind by kind and pseudonymised on the way: the one definition used
 * both to build the analyst graph and for the snapshot exports.
 * <p>
 * What is left out is never read: the source queries do not ask for residents' names, contact details, exact
 * locations or ids, nor for free text (descriptions, notes) written about people. Residents appear under the
 * pseudonym the directory gave them, at their 250 m blurred location, with their birth decade. Needs, capacities,
 * matches and private actors (neighbours, volunteers, informal carers) get keyed pseudonyms ({@link Pseudonyms}),
 * and private actors a blurred location and no name. Public actors are shown as the public directory shows them,
 * without phone or e-mail.
 * <p>
 * For nodes and relationships of features whose properties are not listed here (matches, meetings, acquaintances,
 * referrals), only values that cannot carry a name are copied: numbers, booleans, dates and times, and the few text
 * properties in {@link #SAFE_TEXT}.
 */
@Component
class PseudonymisedSnapshot {

    /** Text properties copied from matches, meetings and relationships: codes and statuses, not prose. */
    static final List<String> SAFE_TEXT = List.of("status", "mode", "title", "categories", "category", "sector",
            "meetings", "kind", "outcome");

    private static final String SAFE_PROPERTIES = """
            [k IN keys(%1$s) WHERE NOT k IN ['id', 'capacityId']
               AND (k IN $safeText OR %1$s[k] IS :: BOOLEAN OR %1$s[k] IS :: INTEGER OR %1$s[k] IS :: FLOAT
                    OR %1$s[k] IS :: DATE OR %1$s[k] IS :: ZONED DATETIME OR %1$s[k] IS :: LOCAL DATETIME
                    OR %1$s[k] IS :: DURATION OR %1$s[k] IS :: LIST<INTEGER NOT NULL>) | [k, %1$s[k]]]""";

    private static final String ACTOR_REF = "{id: %1$s.id, public: coalesce(%1$s.visibility = 'PUBLIC', false)}";

    private final Driver driver;
    private final DatabaseSelectionProvider database;
    private final Pseudonyms pseudonyms;
    private final Map<SnapshotKind, Source> sources = new EnumMap<>(SnapshotKind.class);

    /**
     * Where one kind's rows come from: one or more queries. A paged query reads a page of {@link #PAGE} keys at a time
     * (starting after {@code $after}, in key order, on the key's index), each page in its own short transaction, so a
     * slow reader never runs into the main graph's transaction time-out; it returns the page's last key as
     * {@code _key}. A row the mapper turns into null (a key with nothing to show) is skipped.
     */
    private record Source(List<String> parts, Function<Record, @Nullable Map<String, @Nullable Object>> row) {
    }

    static final int PAGE = 5_000;

    /**
     * A paged part over the nodes of {@code label} in the order of their unique {@code key}. The page goes through a
     * list before it is read: Neo4j 2026.08's planner fails ("should not appear non-cached") on a subquery or pattern
     * comprehension over nodes found in index order, and nodes from a list are plain nodes again.
     */
    private static String paged(String variable, String label, String key, String rest) {
        return """
                MATCH (%1$s:%2$s) WHERE %1$s.%3$s > $after
                WITH %1$s ORDER BY %1$s.%3$s LIMIT $page
                WITH collect(%1$s) AS page
                UNWIND page AS %1$s
                %4$s, %1$s.%3$s AS _key""".formatted(variable, label, key, rest);
    }

    private static Source source(String cypher, Function<Record, @Nullable Map<String, @Nullable Object>> row) {
        return new Source(List.of(cypher), row);
    }

    PseudonymisedSnapshot(Driver driver, DatabaseSelectionProvider database, Pseudonyms pseudonyms) {
        this.driver = driver;
        this.database = database;
        this.pseudonyms = pseudonyms;
        sources.put(SnapshotKind.MUNICIPALITIES, source("""
                MATCH (m:Municipality)
                RETURN m.code AS code, m.nameFr AS nameFr, m.nameNl AS nameNl, m.centroid AS centroid, m.geometry AS geometry
                ORDER BY code""", PseudonymisedSnapshot::asIs));
        sources.put(SnapshotKind.NEIGHBOURHOODS, source("""
                MATCH (n:Neighbourhood)
                RETURN n.code AS code, n.nameFr AS nameFr, n.nameNl AS nameNl, n.primaryCareZone AS primaryCareZone,
                       n.areaKm2 AS areaKm2, n.centroid AS centroid, n.geometry AS geometry,
                       [(n)-[s:IN_MUNICIPALITY]->(m:Municipality) | {code: m.code, share: s.share}] AS municipalities,
                       n.demo AS demo
                ORDER BY code""", PseudonymisedSnapshot::asIs));
        sources.put(SnapshotKind.CATEGORIES, source("""
                MATCH (c:HelpCategory)
                RETURN c.code AS code, c.sector AS sector, c.labelFr AS labelFr, c.labelNl AS labelNl, c.labelEn AS labelEn,
                       COLLECT { MATCH (c)-[:BROADER]->(b:HelpCategory) RETURN b.code }[0] AS broader
                ORDER BY code""", PseudonymisedSnapshot::asIs));
        sources.put(SnapshotKind.ACTORS, source(paged("a", "Actor", "id", """
                RETURN a.id AS id, coalesce(a.visibility = 'PUBLIC', false) AS public, a.name AS name, a.kind AS kind,
                       a.formal AS formal, a.visibility AS visibility, a:ReferralPoint AS referralPoint,
                       COLLECT { MATCH (a)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0] AS neighbourhood,
                       a.location AS location, a.languages AS languages, a.openingHours AS openingHours,
                       a.openSlots AS openSlots, a.targetGroups AS targetGroups, a.wheelchair AS wheelchair,
                       a.address AS address, a.website AS website, a.description AS description, a.demo AS demo"""),
                this::actor));
        sources.put(SnapshotKind.RESIDENTS, source(paged("r", "Resident", "pseudonym", """
                RETURN r.pseudonym AS pseudonym,
                       COLLECT { MATCH (r)-[:LIVES_IN]->(n:Neighbourhood) RETURN n.code }[0] AS neighbourhood,
                       r.blurredLocation AS blurredLocation, r.birthYear AS birthYear, r.languages AS languages, r.demo AS demo"""),
                PseudonymisedSnapshot::resident));
        sources.put(SnapshotKind.NEEDS, source(paged("n", "Need", "id", """
                RETURN n.id AS id, COLLECT { MATCH (n)-[:FOR]->(c:HelpCategory) RETURN c.code }[0] AS category,
                       n.status AS status, COLLECT { MATCH (n)-[:LOCATED_IN]->(nb:Neighbourhood) RETURN nb.code }[0] AS neighbourhood,
                       n.location AS location, n.maxDistanceMetres AS maxDistanceMetres, n.language AS language,
                       n.neededAt AS neededAt, n.createdAt AS createdAt,
                       COLLECT { MATCH (r:Resident)-[:HAS_NEED]->(n) RETURN r.pseudonym }[0] AS resident,
                       COLLECT { MATCH (a:Actor)-[:REGISTERED]->(n) RETURN %s }[0] AS registeredBy, n.demo AS demo"""
                .formatted(ACTOR_REF.formatted("a"))), this::need));
        String offers = """
                OPTIONAL MATCH (o)-[x:OFFERS]->(c:HelpCategory)
                RETURN x.id AS id, '%s' AS ownerKind, o.%s AS owner, coalesce(o.visibility = 'PUBLIC', false) AS ownerPublic,
                       c.code AS category, x.radiusMetres AS radiusMetres, x.availability AS availability,
                       x.availabilitySlots AS availabilitySlots, x.maxActive AS maxActive""";
        sources.put(SnapshotKind.CAPACITIES, new Source(List.of(
                paged("o", "Actor", "id", offers.formatted("Actor", "id")),
                paged("o", "Resident", "pseudonym", offers.formatted("Resident", "pseudonym"))), this::capacity));
        sources.put(SnapshotKind.MATCHES, source(paged("m", "Match", "id", """
                RETURN m.id AS id, COLLECT { MATCH (m)-[:FOR_NEED]->(n:Need) RETURN n.id }[0] AS need,
                       COLLECT { MATCH (m)-[:BY]->(o) WHERE o:Actor OR o:Resident
                                 RETURN {kind: CASE WHEN o:Actor THEN 'Actor' ELSE 'Resident' END,
                                         id: CASE WHEN o:Actor THEN o.id ELSE o.pseudonym END,
                                         public: coalesce(o.visibility = 'PUBLIC', false)} }[0] AS by,
                       m.capacityId AS capacityId, %s AS properties""".formatted(SAFE_PROPERTIES.formatted("m"))), this::match));
        sources.put(SnapshotKind.MEETINGS, source(paged("m", "CareMeeting", "id", """
                RETURN m.id AS id, COLLECT { MATCH (m)-[:HELD_IN]->(n:Neighbourhood) RETURN n.code }[0] AS neighbourhood,
                       %s AS properties""".formatted(SAFE_PROPERTIES.formatted("m"))), PseudonymisedSnapshot::meeting));
        sources.put(SnapshotKind.ATTENDANCES, source(paged("a", "Actor", "id", """
                OPTIONAL MATCH (a)-[x:ATTENDED]->(m:CareMeeting)
                RETURN %s AS actor, m.id AS meeting, %s AS properties"""
                .formatted(ACTOR_REF.formatted("a"), SAFE_PROPERTIES.formatted("x"))), this::attendance));
        String between = """
                OPTIONAL MATCH (a)-[x:%s]->(b:Actor)
                RETURN %s AS from, CASE WHEN b IS NULL THEN null ELSE %s END AS to, %s AS properties""";
        sources.put(SnapshotKind.KNOWS, source(paged("a", "Actor", "id", between.formatted("KNOWS",
                ACTOR_REF.formatted("a"), ACTOR_REF.formatted("b"), SAFE_PROPERTIES.formatted("x"))), this::between));
        sources.put(SnapshotKind.REFERS_TO, source(paged("a", "Actor", "id", between.formatted("REFERS_TO",
                ACTOR_REF.formatted("a"), ACTOR_REF.formatted("b"), SAFE_PROPERTIES.formatted("x"))), this::between));
    }

    /** Streams the rows of one kind, pseudonymised, from the main graph, page by page. */
    void read(SnapshotKind kind, Consumer<Map<String, @Nullable Object>> rows) {
        Source source = sources.get(kind);
        try (Session session = session()) {
            for (String part : source.parts()) {
                boolean paged = part.contains("$after");
                String after = "";
                while (true) {
                    Result result;
                    try {
                        result = session.run(part, Map.of("safeText", SAFE_TEXT, "after", after, "page", PAGE));
                        result.hasNext();
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("Could not read the " + kind + " of the main graph: " + e.getMessage(), e);
                    }
                    boolean any = false;
                    while (result.hasNext()) {
                        Record record = result.next();
                        any = true;
                        if (paged) {
                            after = record.get("_key").asString();
                        }
                        Map<String, @Nullable Object> row = source.row().apply(record);
                        if (row != null) {
                            rows.accept(row);
                        }
                    }
                    if (!paged || !any) {
                        break;
                    }
                }
            }
        }
    }

    private Session session() {
        String name = database.getDatabaseSelection().getValue();
        SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(org.neo4j.driver.AccessMode.READ)
                .withFetchSize(2000);
        return driver.session(name == null ? config.build() : config.withDatabase(name).build());
    }

    /** The key an actor has in the analyst graph: its id when public, a pseudonym when private. */
    String actorKey(String id, boolean isPublic) {
        return isPublic ? id : pseudonyms.of("A", id);
    }

    private @Nullable String actorKey(Value ref) {
        return ref.isNull() ? null : actorKey(ref.get("id").asString(), ref.get("public").asBoolean(false));
    }

    private Map<String, @Nullable Object> actor(Record r) {
        Map<String, @Nullable Object> row = asIs(r);
        row.remove("public");
        boolean isPublic = r.get("public").asBoolean(false);
        row.put("pseudonymised", !isPublic);
        if (!isPublic) {
            String key = actorKey(r.get("id").asString(), false);
            row.put("id", key);
            row.put("name", label(r.get("kind").asString("ACTOR")) + " " + key);
            row.put("location", blurred(r.get("location")));
            row.put("address", null);
            row.put("website", null);
            row.put("description", null);
        }
        return ordered(SnapshotKind.ACTORS, row);
    }

    private static Map<String, @Nullable Object> resident(Record r) {
        Map<String, @Nullable Object> row = asIs(r);
        Object blurred = row.get("blurredLocation");
        row.put("location", blurred);
        Value birthYear = r.get("birthYear");
        row.remove("birthYear");
        row.put("birthDecade", birthYear.isNull() ? null : birthYear.asLong() - Math.floorMod(birthYear.asLong(), 10));
        return ordered(SnapshotKind.RESIDENTS, row);
    }

    private Map<String, @Nullable Object> need(Record r) {
        Map<String, @Nullable Object> row = asIs(r);
        row.put("id", pseudonyms.of("N", r.get("id").asString()));
        row.put("location", blurred(r.get("location")));
        row.put("registeredBy", actorKey(r.get("registeredBy")));
        return ordered(SnapshotKind.NEEDS, row);
    }

    private @Nullable Map<String, @Nullable Object> capacity(Record r) {
        if (r.get("category").isNull()) {
            return null;
        }
        Map<String, @Nullable Object> row = asIs(r);
        row.remove("ownerPublic");
        row.put("id", r.get("id").isNull() ? null : pseudonyms.of("C", r.get("id").asString()));
        if ("Actor".equals(r.get("ownerKind").asString())) {
            row.put("owner", actorKey(r.get("owner").asString(), r.get("ownerPublic").asBoolean(false)));
        }
        return ordered(SnapshotKind.CAPACITIES, row);
    }

    private Map<String, @Nullable Object> match(Record r) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("id", r.get("id").isNull() ? null : pseudonyms.of("M", r.get("id").asString()));
        row.put("need", r.get("need").isNull() ? null : pseudonyms.of("N", r.get("need").asString()));
        Value by = r.get("by");
        row.put("byKind", by.isNull() ? null : by.get("kind").asString());
        row.put("by", by.isNull() ? null : "Actor".equals(by.get("kind").asString()) ? actorKey(by) : by.get("id").asString());
        row.put("capacityId", r.get("capacityId").isNull() ? null : pseudonyms.of("C", r.get("capacityId").asString()));
        row.put("properties", properties(r.get("properties")));
        return row;
    }

    private static Map<String, @Nullable Object> meeting(Record r) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("id", rich(r.get("id")));
        row.put("neighbourhood", rich(r.get("neighbourhood")));
        row.put("properties", properties(r.get("properties")));
        return row;
    }

    private @Nullable Map<String, @Nullable Object> attendance(Record r) {
        if (r.get("meeting").isNull()) {
            return null;
        }
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("actor", actorKey(r.get("actor")));
        row.put("meeting", rich(r.get("meeting")));
        row.put("properties", properties(r.get("properties")));
        return row;
    }

    private @Nullable Map<String, @Nullable Object> between(Record r) {
        if (r.get("to").isNull()) {
            return null;
        }
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("from", actorKey(r.get("from")));
        row.put("to", actorKey(r.get("to")));
        row.put("properties", properties(r.get("properties")));
        return row;
    }

    private static Map<String, @Nullable Object> properties(Value pairs) {
        Map<String, @Nullable Object> properties = new LinkedHashMap<>();
        pairs.asList(pair -> pair).forEach(pair -> properties.put(pair.get(0).asString(), rich(pair.get(1))));
        return properties;
    }

    private static Map<String, @Nullable Object> asIs(Record r) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        r.keys().stream().filter(key -> !key.startsWith("_")).forEach(key -> row.put(key, rich(r.get(key))));
        return row;
    }

    private static Map<String, @Nullable Object> ordered(SnapshotKind kind, Map<String, @Nullable Object> row) {
        Map<String, @Nullable Object> ordered = new LinkedHashMap<>();
        kind.columns().forEach(column -> ordered.put(column, row.get(column)));
        return ordered;
    }

    private static @Nullable GeoJsonPoint blurred(Value location) {
        if (location.isNull()) {
            return null;
        }
        GeoPoint blurred = Blur.of(new GeoPoint(location.asPoint().y(), location.asPoint().x()));
        return new GeoJsonPoint(blurred.lon(), blurred.lat());
    }

    private static String label(String kind) {
        String lower = kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Plain Java values that both the exports and the embedded API take: dates and times stay java.time values. */
    static @Nullable Object rich(Value value) {
        if (value.isNull()) {
            return null;
        }
        return switch (value.type().name()) {
            case "POINT" -> new GeoJsonPoint(value.asPoint().x(), value.asPoint().y());
            case "LIST" -> value.asList(PseudonymisedSnapshot::rich);
            case "MAP" -> {
                Map<String, @Nullable Object> map = new HashMap<>();
                value.keys().forEach(key -> map.put(key, rich(value.get(key))));
                yield map;
            }
            case "DURATION" -> value.asIsoDuration().toString();
            case "NODE", "RELATIONSHIP", "PATH" -> throw new IllegalStateException("Snapshot queries return values only");
            default -> value.asObject();
        };
    }
}
