package be.carenetwork.glossary;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.carenetwork.system.NotFoundException;
import be.carenetwork.taxonomy.HelpCategories;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The glossary terms: reading (by category, by words) and, for coordinators, writing. */
@Service
public class Glossary {

    private static final String TERM_MAP = """
            t { .id, .termFr, .termNl, .termEn, .definitionFr, .definitionNl, .definitionEn,
                categories: COLLECT { MATCH (t)-[:ABOUT]->(c:HelpCategory) RETURN c.code ORDER BY c.code } }""";

    private final Neo4jClient neo4j;
    private final HelpCategories categories;

    Glossary(Neo4jClient neo4j, HelpCategories categories) {
        this.neo4j = neo4j;
        this.categories = categories;
    }

    /** Every term, or those about one category, or those whose term contains the words; by English term. */
    public List<GlossaryTerm> all(@Nullable String category, @Nullable String words) {
        Map<String, Object> params = new HashMap<>();
        params.put("category", category);
        params.put("words", words == null || words.isBlank() ? null : words.strip().toLowerCase(Locale.ROOT));
        return neo4j.query("""
                        MATCH (t:GlossaryTerm)
                        WHERE ($category IS NULL OR EXISTS { (t)-[:ABOUT]->(:HelpCategory {code: $category}) })
                          AND ($words IS NULL OR toLower(t.termFr) CONTAINS $words OR toLower(t.termNl) CONTAINS $words
                               OR toLower(t.termEn) CONTAINS $words)
                        WITH t ORDER BY toLower(t.termEn), t.id
                        RETURN\s""" + TERM_MAP + " AS t")
                .bindAll(params).fetchAs(GlossaryTerm.class).mappedBy((types, r) -> map(r.get("t"))).all().stream().toList();
    }

    public GlossaryTerm get(String id) {
        return neo4j.query("MATCH (t:GlossaryTerm {id: $id}) RETURN " + TERM_MAP + " AS t")
                .bind(id).to("id").fetchAs(GlossaryTerm.class).mappedBy((types, r) -> map(r.get("t")))
                .one().orElseThrow(() -> new NotFoundException("glossary term", id));
    }

    /** Creates or replaces the term with that id, with exactly the categories given. */
    @Transactional
    public GlossaryTerm save(GlossaryTerm term) {
        categories.requireKnown("categories", term.categories());
        Map<String, Object> props = new HashMap<>();
        props.put("termFr", term.termFr());
        props.put("termNl", term.termNl());
        props.put("termEn", term.termEn());
        props.put("definitionFr", term.definitionFr());
        props.put("definitionNl", term.definitionNl());
        props.put("definitionEn", term.definitionEn());
        neo4j.query("""
                        MERGE (t:GlossaryTerm {id: $id})
                        SET t += $props
                        WITH t
                        OPTIONAL MATCH (t)-[old:ABOUT]->()
                        DELETE old
                        WITH DISTINCT t
                        UNWIND $categories AS code
                        MATCH (c:HelpCategory {code: code})
                        MERGE (t)-[:ABOUT]->(c)""")
                .bindAll(Map.of("id", term.id(), "props", props, "categories", term.categories())).run();
        return get(term.id());
    }

    @Transactional
    public void delete(String id) {
        long deleted = neo4j.query("MATCH (t:GlossaryTerm {id: $id}) DETACH DELETE t RETURN count(*)")
                .bind(id).to("id").fetchAs(Long.class).one().orElse(0L);
        if (deleted == 0) {
            throw new NotFoundException("glossary term", id);
        }
    }

    private static GlossaryTerm map(Value t) {
        return new GlossaryTerm(t.get("id").asString(), t.get("termFr").asString(""), t.get("termNl").asString(""),
                t.get("termEn").asString(""), t.get("definitionFr").asString(""), t.get("definitionNl").asString(""),
                t.get("definitionEn").asString(""), t.get("categories").asList(Value::asString, List.of()));
    }
}
