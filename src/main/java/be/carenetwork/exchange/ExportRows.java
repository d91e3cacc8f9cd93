package be.carenetwork.exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import be.carenetwork.taxonomy.CategoryLabel;
import be.carenetwork.taxonomy.HelpCategories;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Reads what the exports write, a batch at a time in id order, so that an export of the whole city never holds more
 * than a batch. Public actors only unless the reader is signed in; contact details only where the actor made them
 * public, for anonymous readers. Residents are never read here.
 */
@Component
class ExportRows {

    private final Neo4jClient neo4j;
    private final HelpCategories categories;
    private final ExchangeProperties properties;

    ExportRows(Neo4jClient neo4j, HelpCategories categories, ExchangeProperties properties) {
        this.neo4j = neo4j;
        this.categories = categories;
        this.properties = properties;
    }

    record ActorRow(String id, String name, @Nullable String nameFr, @Nullable String nameNl, String kind, double lon,
                    double lat, @Nullable String address, List<String> languages, @Nullable String openingHours,
                    String wheelchair, String visibility, @Nullable String phone, @Nullable String email,
                    @Nullable String website, List<String> categories, @Nullable String neighbourhood,
                    @Nullable String neighbourhoodFr, @Nullable String neighbourhoodNl, @Nullable String source,
                    @Nullable String attribution) {
    }

    record AreaRow(String code, String nameFr, String nameNl, @Nullable String primaryCareZone, double areaKm2,
                   String geometry, List<String> municipalities, @Nullable String attribution) {
    }

    /**
     * @param everyone whether private actors and every contact detail may be shown (signed-in readers)
     * @param neighbourhood a neighbourhood code to keep only the actors inside it
     * @param category a help category code to keep only the actors offering it
     */
    void actors(boolean everyone, @Nullable String neighbourhood, @Nullable String category, Consumer<ActorRow> consumer) {
        if (category != null) {
            categories.requireKnown("category", List.of(category));
        }
        // The label comes from a checked category code.
        String label = category == null ? "Actor" : CategoryLabel.of(category);
        // The ids first, then their details (see HsdsRows.each for why not in one query).
        String ids = "MATCH (a:" + label + ")\n" + """
                WHERE a:Actor AND a.id > $after AND ($everyone OR a.visibility = 'PUBLIC')
                  AND ($neighbourhood IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Neighbourhood {code: $neighbourhood}) })
                WITH a.id AS id ORDER BY id LIMIT $batch
                RETURN id""";
        String details = """
                UNWIND $ids AS id
                MATCH (a:Actor {id: id})
                OPTIONAL MATCH (a)-[:LOCATED_IN]->(n:Neighbourhood)
                WITH a, id, head(collect(n)) AS n ORDER BY id
                RETURN a { .id, .name, .nameFr, .nameNl, .kind, .location, .address, .languages, .openingHours, .wheelchair,
                           .visibility, .phone, .email, .website, .contactPublic, .source,
                           attribution: COLLECT { MATCH (d:DataSource {name: a.source}) RETURN d.attribution }[0],
                           categories: COLLECT { MATCH (a)-[:OFFERS]->(c:HelpCategory) RETURN DISTINCT c.code ORDER BY c.code },
                           neighbourhood: n.code, neighbourhoodFr: n.nameFr, neighbourhoodNl: n.nameNl } AS a""";
        Map<String, Object> params = new HashMap<>();
        params.put("everyone", everyone);
        params.put("neighbourhood", neighbourhood);
        params.put("batch", properties.batchSize());
        String after = "";
        while (true) {
            params.put("after", after);
            List<String> page = neo4j.query(ids).bindAll(params).fetchAs(String.class).all().stream().toList();
            if (!page.isEmpty()) {
                neo4j.query(details).bind(page).to("ids").fetchAs(ActorRow.class)
                        .mappedBy((types, record) -> actor(record.get("a"), everyone)).all().forEach(consumer);
            }
            if (page.size() < properties.batchSize()) {
                return;
            }
            after = page.getLast();
        }
    }

    void neighbourhoods(Consumer<AreaRow> consumer) {
        areas("""
                MATCH (n:Neighbourhood) WHERE n.code > $after
                WITH n, n.code AS key ORDER BY key LIMIT $batch
                RETURN n.code AS code, n.nameFr AS nameFr, n.nameNl AS nameNl, n.primaryCareZone AS zone, n.areaKm2 AS area,
                       n.geometry AS geometry, n.attribution AS attribution,
                       COLLECT { MATCH (n)-[s:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code ORDER BY s.share DESC } AS municipalities""",
                consumer);
    }

    void municipalities(Consumer<AreaRow> consumer) {
        areas("""
                MATCH (n:Municipality) WHERE n.code > $after
                WITH n, n.code AS key ORDER BY key LIMIT $batch
                RETURN n.code AS code, n.nameFr AS nameFr, n.nameNl AS nameNl, null AS zone, null AS area,
                       n.geometry AS geometry, n.attribution AS attribution, [] AS municipalities""", consumer);
    }

    private void areas(String cypher, Consumer<AreaRow> consumer) {
        // Polygons are large: a tenth of the actor batch.
        int batch = Math.max(1, properties.batchSize() / 10);
        String after = "";
        while (true) {
            List<AreaRow> rows = neo4j.query(cypher).bindAll(Map.of("after", after, "batch", batch)).fetchAs(AreaRow.class)
                    .mappedBy((types, r) -> new AreaRow(r.get("code").asString(), r.get("nameFr").asString(""),
                            r.get("nameNl").asString(""), text(r.get("zone")), r.get("area").isNull() ? 0 : r.get("area").asDouble(),
                            r.get("geometry").asString(), r.get("municipalities").asList(Value::asString), text(r.get("attribution"))))
                    .all().stream().toList();
            rows.forEach(consumer);
            if (rows.size() < batch) {
                return;
            }
            after = rows.getLast().code();
        }
    }

    private static ActorRow actor(Value a, boolean everyone) {
        boolean contact = everyone || a.get("contactPublic").asBoolean(false);
        var location = a.get("location").asPoint();
        return new ActorRow(a.get("id").asString(), a.get("name").asString(), text(a.get("nameFr")), text(a.get("nameNl")),
                a.get("kind").asString("ORGANISATION"), location.x(), location.y(), text(a.get("address")),
                a.get("languages").asList(Value::asString, List.of()), text(a.get("openingHours")),
                a.get("wheelchair").asString("UNKNOWN"), a.get("visibility").asString("PUBLIC"),
                contact ? text(a.get("phone")) : null, contact ? text(a.get("email")) : null,
                contact ? text(a.get("website")) : null, a.get("categories").asList(Value::asString, List.of()),
                text(a.get("neighbourhood")), text(a.get("neighbourhoodFr")), text(a.get("neighbourhoodNl")),
                text(a.get("source")), text(a.get("attribution")));
    }

    private static @Nullable String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
