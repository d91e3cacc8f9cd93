package be.carenetwork.taxonomy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.carenetwork.system.BadInputException;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.system.GraphReady;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/**
 * The taxonomy: reading categories, checking codes, and keeping one point index per category label.
 */
@Service
public class HelpCategories {

    private final Neo4jClient neo4j;

    HelpCategories(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** At start, after the migrations: a point index for every category's label, including categories added since. */
    @EventListener(GraphReady.class)
    @Order(0)
    public void ensureIndexes() {
        var existing = java.util.Set.copyOf(neo4j.query("SHOW INDEXES YIELD name RETURN name").fetchAs(String.class).all());
        all().stream().map(HelpCategory::code)
                .filter(code -> !existing.contains(CategoryLabel.indexName(code)))
                .forEach(this::ensureIndex);
    }

    public List<HelpCategory> all() {
        return neo4j.query("""
                        MATCH (c:HelpCategory)
                        OPTIONAL MATCH (c)-[:BROADER]->(b:HelpCategory)
                        RETURN c.code AS code, c.sector AS sector, c.labelFr AS fr, c.labelNl AS nl, c.labelEn AS en,
                               b.code AS broader
                        ORDER BY coalesce(b.code, c.code), b.code IS NOT NULL, c.code""")
                .fetchAs(HelpCategory.class)
                .mappedBy((types, r) -> new HelpCategory(r.get("code").asString(), r.get("sector").asString(),
                        r.get("fr").asString(), r.get("nl").asString(), r.get("en").asString(),
                        r.get("broader").isNull() ? null : r.get("broader").asString()))
                .all().stream().toList();
    }

    public HelpCategory get(String code) {
        return all().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("help category", code));
    }

    /** Fails with a 400 naming the field when any code is not a known category. */
    public void requireKnown(String field, Collection<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        Set<String> known = Set.copyOf(neo4j.query("MATCH (c:HelpCategory) WHERE c.code IN $codes RETURN c.code")
                .bind(List.copyOf(codes)).to("codes").fetchAs(String.class).all());
        codes.stream().filter(code -> !known.contains(code)).findFirst().ifPresent(unknown -> {
            throw new BadInputException(field, "'" + unknown + "' is not a known help category code");
        });
    }

    public HelpCategory create(HelpCategory category) {
        if (!CategoryLabel.CODE.matcher(category.code()).matches()) {
            throw new BadInputException("code", "must be lower case letters, digits and underscores, 2 to 49 characters, starting with a letter");
        }
        if (category.broader() != null) {
            requireKnown("broader", List.of(category.broader()));
        }
        neo4j.query("""
                        MERGE (c:HelpCategory {code: $code})
                        SET c.sector = $sector, c.labelFr = $fr, c.labelNl = $nl, c.labelEn = $en
                        WITH c
                        OPTIONAL MATCH (b:HelpCategory {code: $broader})
                        FOREACH (_ IN CASE WHEN b IS NULL THEN [] ELSE [1] END | MERGE (c)-[:BROADER]->(b))""")
                .bindAll(Map.of("code", category.code(), "sector", category.sector(), "fr", category.labelFr(),
                        "nl", category.labelNl(), "en", category.labelEn(),
                        "broader", category.broader() == null ? "" : category.broader()))
                .run();
        ensureIndex(category.code());
        return get(category.code());
    }

    private void ensureIndex(String code) {
        // Index and label names cannot be parameters; CategoryLabel only builds them from a validated code.
        neo4j.query("CREATE POINT INDEX " + CategoryLabel.indexName(code) + " IF NOT EXISTS FOR (n:"
                + CategoryLabel.of(code) + ") ON (n.location)").run();
    }
}
