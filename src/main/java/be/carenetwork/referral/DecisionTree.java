package be.carenetwork.referral;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import be.carenetwork.security.CurrentUser;
import be.carenetwork.system.ConflictException;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.taxonomy.HelpCategories;
import be.carenetwork.taxonomy.HelpCategory;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The "ask once" decision tree as data: {@code (:DecisionQuestion)-[:HAS_ANSWER]->(:DecisionAnswer)}, and from an
 * answer {@code -[:LEADS_TO]->(:DecisionQuestion)} or {@code -[:RESOLVED_BY {position}]->(:HelpCategory)}.
 * <p>
 * Every change is checked as a whole tree ({@link DecisionTreeRules}: no cycle, nothing dangling) and recorded as a
 * {@code (:DecisionTreeVersion {number, changedBy, changedAt, summary, tree})} whose {@code tree} is the JSON of the
 * whole tree after the change, so any version can be read back or restored. The tree is small (tens of
 * questions), so a change rewrites it in one transaction rather than patching nodes.
 */
@Service
public class DecisionTree {

    private static final TypeReference<List<DecisionQuestion>> TREE = new TypeReference<>() {
    };

    private final Neo4jClient neo4j;
    private final HelpCategories categories;
    private final ObjectMapper json;

    DecisionTree(Neo4jClient neo4j, HelpCategories categories, ObjectMapper json) {
        this.neo4j = neo4j;
        this.categories = categories;
        this.json = json;
    }

    /** The tree now and its version number (0 when it was never versioned). */
    public record Tree(int version, List<DecisionQuestion> questions) {
    }

    /** A saved change: the version it made and the question as saved. */
    public record Change(int version, @Nullable DecisionQuestion question) {
    }

    public Tree tree() {
        return new Tree(currentVersion(), questions());
    }

    public List<DecisionQuestion> questions() {
        return neo4j.query("""
                        MATCH (q:DecisionQuestion)
                        RETURN q { .id, .start, .textFr, .textNl, .textEn,
                          answers: COLLECT {
                            MATCH (q)-[:HAS_ANSWER]->(a:DecisionAnswer)
                            WITH a ORDER BY a.position, a.id
                            RETURN a { .id, .textFr, .textNl, .textEn, .actorKinds,
                              next: COLLECT { MATCH (a)-[:LEADS_TO]->(n:DecisionQuestion) RETURN n.id }[0],
                              categories: COLLECT { MATCH (a)-[r:RESOLVED_BY]->(c:HelpCategory)
                                                    RETURN c.code ORDER BY coalesce(r.position, 0), c.code } } } } AS q
                        ORDER BY q.start DESC, q.id""")
                .fetchAs(DecisionQuestion.class).mappedBy((t, r) -> mapQuestion(r.get("q"))).all().stream().toList();
    }

    public DecisionQuestion question(String id) {
        return questions().stream().filter(q -> q.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("decision question", id));
    }

    public DecisionAnswer answer(String id) {
        return questions().stream().flatMap(q -> q.answers().stream()).filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("decision answer", id));
    }

    /** Creates or replaces one question with its answers. */
    @Transactional
    public Change save(DecisionQuestion question, @Nullable Integer baseVersion) {
        List<DecisionQuestion> before = questions();
        Optional<DecisionQuestion> old = before.stream().filter(q -> q.id().equals(question.id())).findFirst();
        List<DecisionQuestion> after = new ArrayList<>(before.stream().filter(q -> !q.id().equals(question.id())).toList());
        after.add(question);
        DecisionTreeRules.check(after, knownCategories(), question.id());
        int version = write(before, after, baseVersion, DecisionTreeRules.describe(old.orElse(null), question));
        return new Change(version, question(question.id()));
    }

    /** Removes a question; refused while an answer still leads to it. */
    @Transactional
    public Change delete(String id, @Nullable Integer baseVersion) {
        List<DecisionQuestion> before = questions();
        DecisionQuestion old = before.stream().filter(q -> q.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("decision question", id));
        List<String> leadingHere = before.stream().flatMap(q -> q.answers().stream())
                .filter(a -> id.equals(a.next())).map(DecisionAnswer::id).toList();
        if (!leadingHere.isEmpty()) {
            throw new ConflictException("Question '" + id + "' cannot be removed: answers " + leadingHere + " lead to it");
        }
        List<DecisionQuestion> after = before.stream().filter(q -> !q.id().equals(id)).toList();
        DecisionTreeRules.check(after, knownCategories(), null);
        return new Change(write(before, after, baseVersion, DecisionTreeRules.describe(old, null)), null);
    }

    /** Makes the tree what it was after version {@code number}, as a new version. */
    @Transactional
    public Change restore(int number, @Nullable Integer baseVersion) {
        DecisionTreeVersion version = version(number);
        if (version.questions() == null) {
            throw new ConflictException("Version " + number + " has no stored tree to restore");
        }
        DecisionTreeRules.check(version.questions(), knownCategories(), null);
        return new Change(write(questions(), version.questions(), baseVersion, "Restored version " + number), null);
    }

    /** The history, newest first, without the stored trees. */
    public List<DecisionTreeVersion> versions() {
        return neo4j.query("""
                        MATCH (v:DecisionTreeVersion)
                        RETURN v.number AS number, v.changedBy AS changedBy, v.changedAt AS changedAt, v.summary AS summary
                        ORDER BY v.number DESC""")
                .fetchAs(DecisionTreeVersion.class)
                .mappedBy((t, r) -> new DecisionTreeVersion(r.get("number").asInt(), r.get("changedBy").asString(),
                        r.get("changedAt").asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                        r.get("summary").asString(), null))
                .all().stream().toList();
    }

    /** One version with the tree as it was after it (the current tree for the latest version). */
    public DecisionTreeVersion version(int number) {
        record Row(DecisionTreeVersion version, @Nullable String tree, boolean latest) {
        }
        Row row = neo4j.query("""
                        MATCH (v:DecisionTreeVersion {number: $number})
                        RETURN v.number AS number, v.changedBy AS changedBy, v.changedAt AS changedAt, v.summary AS summary,
                               v.tree AS tree, NOT EXISTS { MATCH (later:DecisionTreeVersion) WHERE later.number > v.number } AS latest""")
                .bind(number).to("number").fetchAs(Row.class)
                .mappedBy((t, r) -> new Row(new DecisionTreeVersion(r.get("number").asInt(), r.get("changedBy").asString(),
                        r.get("changedAt").asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                        r.get("summary").asString(), null), r.get("tree").isNull() ? null : r.get("tree").asString(),
                        r.get("latest").asBoolean()))
                .one().orElseThrow(() -> new NotFoundException("decision tree version", String.valueOf(number)));
        List<DecisionQuestion> tree = row.tree() != null ? json.readValue(row.tree(), TREE) : row.latest() ? questions() : null;
        DecisionTreeVersion v = row.version();
        return new DecisionTreeVersion(v.number(), v.changedBy(), v.changedAt(), v.summary(), tree);
    }

    int currentVersion() {
        return neo4j.query("MATCH (v:DecisionTreeVersion) RETURN coalesce(max(v.number), 0)")
                .fetchAs(Integer.class).one().orElse(0);
    }

    private Set<String> knownCategories() {
        return categories.all().stream().map(HelpCategory::code).collect(Collectors.toSet());
    }

    /** Rewrites the tree and records the version; a stale {@code baseVersion} is a 409. */
    private int write(List<DecisionQuestion> before, List<DecisionQuestion> changed, @Nullable Integer baseVersion,
                      String summary) {
        // The order questions() reads them in, so that a stored tree equals the tree read back.
        List<DecisionQuestion> after = changed.stream()
                .sorted(java.util.Comparator.comparing((DecisionQuestion q) -> !q.start()).thenComparing(DecisionQuestion::id))
                .toList();
        int current = currentVersion();
        if (baseVersion != null && baseVersion != current) {
            throw new ConflictException("The decision tree is at version " + current + ", not " + baseVersion
                    + ": someone changed it meanwhile. Reload it and make the change again.");
        }
        List<Map<String, Object>> questionRows = new ArrayList<>();
        List<Map<String, Object>> answerRows = new ArrayList<>();
        for (DecisionQuestion question : after) {
            questionRows.add(Map.of("id", question.id(), "start", question.start(), "textFr", question.textFr(),
                    "textNl", question.textNl(), "textEn", question.textEn()));
            for (int i = 0; i < question.answers().size(); i++) {
                DecisionAnswer answer = question.answers().get(i);
                Map<String, Object> row = new HashMap<>();
                row.put("question", question.id());
                row.put("id", answer.id());
                row.put("position", i + 1);
                row.put("textFr", answer.textFr());
                row.put("textNl", answer.textNl());
                row.put("textEn", answer.textEn());
                row.put("next", answer.next());
                row.put("categories", answer.categories());
                row.put("actorKinds", answer.actorKinds());
                answerRows.add(row);
            }
        }
        neo4j.query("MATCH (n) WHERE n:DecisionQuestion OR n:DecisionAnswer DETACH DELETE n").run();
        neo4j.query("""
                        UNWIND $questions AS q
                        CREATE (:DecisionQuestion {id: q.id, start: q.start, textFr: q.textFr, textNl: q.textNl, textEn: q.textEn})""")
                .bind(questionRows).to("questions").run();
        neo4j.query("""
                        UNWIND $answers AS a
                        MATCH (q:DecisionQuestion {id: a.question})
                        CREATE (q)-[:HAS_ANSWER]->(answer:DecisionAnswer {id: a.id, position: a.position, textFr: a.textFr,
                                                     textNl: a.textNl, textEn: a.textEn, actorKinds: a.actorKinds})
                        WITH answer, a
                        CALL (answer, a) {
                          MATCH (next:DecisionQuestion {id: a.next})
                          CREATE (answer)-[:LEADS_TO]->(next)
                        }
                        CALL (answer, a) {
                          UNWIND range(0, size(a.categories) - 1) AS position
                          MATCH (c:HelpCategory {code: a.categories[position]})
                          CREATE (answer)-[:RESOLVED_BY {position: position}]->(c)
                        }""")
                .bind(answerRows).to("answers").run();
        Map<String, Object> params = new HashMap<>();
        params.put("current", current);
        params.put("before", json.writeValueAsString(before));
        params.put("after", json.writeValueAsString(after));
        params.put("by", CurrentUser.get().map(u -> u.getUsername()).orElse("system"));
        params.put("summary", summary);
        try {
            neo4j.query("""
                            OPTIONAL MATCH (previous:DecisionTreeVersion {number: $current})
                            FOREACH (_ IN CASE WHEN previous IS NOT NULL AND previous.tree IS NULL THEN [1] ELSE [] END |
                              SET previous.tree = $before)
                            CREATE (:DecisionTreeVersion {number: $current + 1, changedBy: $by, changedAt: datetime(),
                                                          summary: $summary, tree: $after})""")
                    .bindAll(params).run();
        } catch (DataIntegrityViolationException sameNumber) {
            throw new ConflictException("The decision tree was changed by someone else at the same moment; reload it and try again");
        }
        return current + 1;
    }

    private static DecisionQuestion mapQuestion(Value q) {
        return new DecisionQuestion(q.get("id").asString(), q.get("start").asBoolean(false), q.get("textFr").asString(""),
                q.get("textNl").asString(""), q.get("textEn").asString(""),
                q.get("answers").asList(a -> new DecisionAnswer(a.get("id").asString(), a.get("textFr").asString(""),
                        a.get("textNl").asString(""), a.get("textEn").asString(""),
                        a.get("next").isNull() ? null : a.get("next").asString(),
                        a.get("categories").asList(Value::asString, List.of()),
                        a.get("actorKinds").asList(Value::asString, List.of())), List.of()));
    }
}
