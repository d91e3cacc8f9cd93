package be.carenetwork.exchange.hsds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import be.carenetwork.taxonomy.CategoryLabel;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Reads public actors for HSDS: a page at a time (one query, with the total), or all of them in id order, a batch at
 * a time, for streamed exports. Private actors are never read here, whoever asks.
 */
@Component
class HsdsRows {

    private static final String PROJECTION = """
            a { .id, .hsdsId, .name, .description, .kind, .location, .address, .languages, .openingHours, .openSlots,
                .wheelchair, .phone, .email, .website, .contactPublic, modifiedAt: toString(a.modifiedAt),
                distance: CASE WHEN $point IS NULL THEN null ELSE point.distance(a.location, $point) END,
                categories: COLLECT { MATCH (a)-[:OFFERS]->(c:HelpCategory) RETURN DISTINCT c.code ORDER BY c.code },
                municipality: COLLECT { MATCH (a)-[:LOCATED_IN]->(:Neighbourhood)-[s:IN_MUNICIPALITY]->(m:Municipality)
                                        RETURN m { .code, .nameFr, .nameNl } ORDER BY s.share DESC LIMIT 1 }[0] }""";

    private final Neo4jClient neo4j;
    private final Map<String, String> fullTextIndexes = new java.util.concurrent.ConcurrentHashMap<>();

    HsdsRows(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    record Page(long total, List<ActorRow> rows) {
    }

    /** One page, 0-based {@code skip}, ordered by distance (proximity), relevance (search) or name. */
    Page page(HsdsQuery query, long skip, int limit) {
        Map<String, Object> params = params(query);
        params.put("skip", skip);
        params.put("end", skip + limit);
        String order = query.near() != null ? "point.distance(a.location, $point), a.id"
                : query.search() != null ? "score DESC, a.id" : "a.name, a.id";
        String cypher = match(query) + "\nWITH a" + (query.search() != null ? ", score" : "") + " ORDER BY " + order + """

                WITH collect(a) AS matched
                WITH size(matched) AS total, matched[$skip..$end] AS page
                UNWIND CASE WHEN page = [] THEN [null] ELSE page END AS a
                RETURN total,\s""" + PROJECTION + " AS a";
        List<ActorRow> rows = new ArrayList<>();
        long[] total = {0};
        neo4j.query(cypher).bindAll(params).fetchAs(Void.class).mappedBy((types, record) -> {
            total[0] = record.get("total").asLong();
            if (!record.get("a").isNull()) {
                rows.add(map(record.get("a")));
            }
            return null;
        }).all();
        return new Page(total[0], rows);
    }

    /** Every matching actor in id order, {@code batch} at a time, without holding more than a batch. */
    void each(HsdsQuery query, int batch, Consumer<ActorRow> consumer) {
        Map<String, Object> params = params(query);
        params.put("batch", batch);
        // The id under its own name: ordering by a.id and projecting .id from a trips a planner check in Neo4j 2026.08
        // ("should not appear non-cached").
        String cypher = match(query) + " AND a.id > $after\nWITH a, a.id AS key ORDER BY key LIMIT $batch\nRETURN "
                + PROJECTION + " AS a";
        String after = "";
        while (true) {
            params.put("after", after);
            List<ActorRow> rows = neo4j.query(cypher).bindAll(params).fetchAs(ActorRow.class)
                    .mappedBy((types, record) -> map(record.get("a"))).all().stream().toList();
            rows.forEach(consumer);
            if (rows.size() < batch) {
                return;
            }
            after = rows.getLast().id();
        }
    }

    /** The actor behind an HSDS key, if it is public. */
    @Nullable ActorRow one(String key) {
        HsdsQuery query = new HsdsQuery(null, "en", null, false, false, key, null, null, 0, null);
        return neo4j.query(match(query) + "\nRETURN " + PROJECTION + " AS a").bindAll(params(query))
                .fetchAs(ActorRow.class).mappedBy((types, record) -> map(record.get("a"))).one().orElse(null);
    }

    /** The MATCH and WHERE of a query: labels come from checked category codes only, values are parameters. */
    private static String match(HsdsQuery query) {
        List<String> where = new ArrayList<>();
        String start;
        boolean categoryByLabel = false;
        if (query.near() != null) {
            categoryByLabel = query.category() != null;
            start = "MATCH (a:" + (categoryByLabel ? CategoryLabel.of(query.category()) : "Actor") + ")";
            where.add("point.distance(a.location, $point) <= $distance");
            where.add("a:Actor");
            if (query.search() != null) {
                where.add("a.id IN $searchIds");
            }
        } else if (query.search() != null) {
            start = "CALL db.index.fulltext.queryNodes($index, $search) YIELD node AS a, score";
            where.add("a:Actor");
        } else if (query.actorKey() != null) {
            start = "MATCH (a:Actor)";
        } else if (query.category() != null) {
            categoryByLabel = true;
            start = "MATCH (a:" + CategoryLabel.of(query.category()) + ")";
            where.add("a:Actor");
        } else {
            start = "MATCH (a:Actor)";
        }
        where.add("a.visibility = 'PUBLIC'");
        if (query.nothing()) {
            where.add("false");
        }
        if (query.category() != null && !categoryByLabel) {
            where.add("a:" + CategoryLabel.of(query.category()));
        }
        if (query.anyCategory()) {
            where.add("EXISTS { (a)-[:OFFERS]->(:HelpCategory) }");
        }
        if (query.actorKey() != null) {
            where.add("(a.id = $key OR a.hsdsId = $key)");
        }
        if (query.modifiedAfter() != null) {
            where.add("a.modifiedAt >= $modifiedAfter");
        }
        if (query.postcodePattern() != null) {
            where.add("a.address =~ $postcode");
        }
        return start + "\nWHERE " + String.join("\n  AND ", where);
    }

    private Map<String, Object> params(HsdsQuery query) {
        Map<String, Object> params = new HashMap<>();
        params.put("point", query.near() == null ? null : query.near().toNeo4j());
        params.put("distance", query.distanceMetres());
        params.put("key", query.actorKey());
        params.put("modifiedAfter", query.modifiedAfter());
        params.put("postcode", query.postcodePattern());
        if (query.search() != null) {
            params.put("index", fullTextIndex(query.language()));
            params.put("search", lucene(query.search()));
            if (query.near() != null) {
                params.put("searchIds", neo4j.query("""
                                CALL db.index.fulltext.queryNodes($index, $search) YIELD node
                                WHERE node:Actor AND node.visibility = 'PUBLIC' RETURN node.id""")
                        .bindAll(Map.of("index", params.get("index"), "search", params.get("search")))
                        .fetchAs(String.class).all());
            }
        }
        return params;
    }

    /**
     * The full-text index of the language, or another language's when it is missing: the foundation's migration asks
     * for three indexes on the same properties, and Neo4j keeps only the first (IF NOT EXISTS finds them equivalent).
     */
    private String fullTextIndex(String language) {
        return fullTextIndexes.computeIfAbsent(language, lang -> {
            List<String> present = neo4j.query("SHOW FULLTEXT INDEXES YIELD name WHERE name STARTS WITH 'actor_text_' RETURN name")
                    .fetchAs(String.class).all().stream().toList();
            String wanted = "actor_text_" + lang;
            return present.contains(wanted) || present.isEmpty() ? wanted : present.getFirst();
        });
    }

    /** Each word as a literal term, so Lucene syntax in what people type is searched for, not obeyed. */
    static String lucene(String text) {
        return String.join(" ", java.util.Arrays.stream(text.trim().split("\\s+"))
                .map(word -> word.replaceAll("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])", "\\\\$1"))
                .toList());
    }

    private static ActorRow map(Value a) {
        boolean contact = a.get("contactPublic").asBoolean(false);
        var location = a.get("location").asPoint();
        Value municipality = a.get("municipality");
        Value slots = a.get("openSlots");
        return new ActorRow(a.get("id").asString(), HsdsIds.key(a.get("id").asString(), text(a.get("hsdsId"))),
                a.get("name").asString(), text(a.get("description")), a.get("kind").asString("ORGANISATION"),
                location.x(), location.y(), text(a.get("address")), a.get("languages").asList(Value::asString, List.of()),
                text(a.get("openingHours")), slots.isNull() ? null : slots.asList(Value::asInt),
                a.get("wheelchair").asString("UNKNOWN"), contact ? text(a.get("phone")) : null,
                contact ? text(a.get("email")) : null, contact ? text(a.get("website")) : null, text(a.get("modifiedAt")),
                a.get("categories").asList(Value::asString, List.of()),
                municipality.isNull() ? null : new ActorRow.Municipality(municipality.get("code").asString(),
                        municipality.get("nameFr").asString(""), municipality.get("nameNl").asString("")),
                a.get("distance").isNull() ? null : a.get("distance").asDouble());
    }

    private static @Nullable String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
