package be.carenetwork.directory;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import be.carenetwork.neighbourhood.NeighbourhoodLocator;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.system.Page;
import be.carenetwork.taxonomy.CategoryLabel;
import be.carenetwork.taxonomy.HelpCategories;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actors of the directory: reading, writing, proximity and text search.
 * <p>
 * {@code everyone} parameters say whether the reader may see private actors (signed-in users) or only
 * public ones (anonymous users, the widget, exports).
 */
@Service
public class Actors {

    static final String ACTOR_MAP = """
            a { .id, .name, .description, .kind, .formal, .location, .address, .languages, .openingHours,
                .targetGroups, .wheelchair, .visibility, .phone, .email, .website, .contactPublic, .demo,
                neighbourhood: COLLECT { MATCH (a)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0],
                offers: COLLECT { MATCH (a)-[:OFFERS]->(c:HelpCategory) RETURN DISTINCT c.code ORDER BY c.code } }""";

    public static final int MAX_RESULTS = 200;

    private final Neo4jClient neo4j;
    private final NeighbourhoodLocator locator;
    private final HelpCategories categories;

    Actors(Neo4jClient neo4j, NeighbourhoodLocator locator, HelpCategories categories) {
        this.neo4j = neo4j;
        this.locator = locator;
        this.categories = categories;
    }

    public Actor get(String id, boolean everyone) {
        return neo4j.query("MATCH (a:Actor {id: $id}) WHERE $everyone OR a.visibility = 'PUBLIC' RETURN " + ACTOR_MAP + " AS a")
                .bindAll(Map.of("id", id, "everyone", everyone))
                .fetchAs(Actor.class).mappedBy((t, r) -> map(r.get("a")))
                .one().orElseThrow(() -> new NotFoundException("actor", id));
    }

    public Page<Actor> list(@Nullable String neighbourhood, int page, int size, boolean everyone) {
        Page.check(page, size);
        Map<String, Object> params = new HashMap<>();
        params.put("neighbourhood", neighbourhood);
        params.put("everyone", everyone);
        params.put("skip", (long) page * size);
        params.put("limit", size);
        String match = """
                MATCH (a:Actor)
                WHERE ($everyone OR a.visibility = 'PUBLIC')
                  AND ($neighbourhood IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Neighbourhood {code: $neighbourhood}) })
                """;
        List<Actor> items = neo4j.query(match + "WITH a ORDER BY a.name, a.id SKIP $skip LIMIT $limit RETURN " + ACTOR_MAP + " AS a")
                .bindAll(params).fetchAs(Actor.class).mappedBy((t, r) -> map(r.get("a"))).all().stream().toList();
        long total = neo4j.query(match + "RETURN count(a)").bindAll(params).fetchAs(Long.class).one().orElse(0L);
        return new Page<>(items, page, size, total);
    }

    /**
     * Actors within {@code distanceMetres} of a point, nearest first, with their distance. With a category, the
     * point index of that category's label is used, so only candidates offering it are read.
     */
    public List<NearbyActor> nearby(GeoPoint point, double distanceMetres, @Nullable String category,
                                    @Nullable String language, int limit, boolean everyone) {
        GeoPoint.checkDistance("distance", distanceMetres);
        checkLimit(limit);
        if (category != null) {
            categories.requireKnown("category", List.of(category));
        }
        // The label comes from a validated category code: labels cannot be parameters and keep the index usable.
        String label = category == null ? "Actor" : CategoryLabel.of(category);
        Map<String, Object> params = new HashMap<>();
        params.put("point", point.toNeo4j());
        params.put("distance", distanceMetres);
        params.put("language", language);
        params.put("everyone", everyone);
        params.put("limit", limit);
        return neo4j.query("MATCH (a:" + label + ")\n" + """
                        WHERE point.distance(a.location, $point) <= $distance
                          AND a:Actor
                          AND ($everyone OR a.visibility = 'PUBLIC')
                          AND ($language IS NULL OR $language IN a.languages)
                        WITH a, point.distance(a.location, $point) AS distance
                        ORDER BY distance, a.id
                        LIMIT $limit
                        RETURN\s""" + ACTOR_MAP + " AS a, distance")
                .bindAll(params)
                .fetchAs(NearbyActor.class)
                .mappedBy((t, r) -> new NearbyActor(map(r.get("a")), Math.round(r.get("distance").asDouble())))
                .all().stream().toList();
    }

    /** Full-text search on names and descriptions, with the stemming of the given language (fr, nl or en). */
    public List<Actor> search(String text, String language, int limit, boolean everyone) {
        if (text.isBlank() || text.length() > 200) {
            throw new BadInputException("q", "must be 1 to 200 characters");
        }
        if (!List.of("fr", "nl", "en").contains(language)) {
            throw new BadInputException("lang", "must be fr, nl or en");
        }
        checkLimit(limit);
        return neo4j.query("""
                        CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit * 4}) YIELD node AS a, score
                        WHERE $everyone OR a.visibility = 'PUBLIC'
                        WITH a, score ORDER BY score DESC LIMIT $limit
                        RETURN\s""" + ACTOR_MAP + " AS a")
                .bindAll(Map.of("index", "actor_text_" + language, "query", luceneQuery(text),
                        "limit", limit, "everyone", everyone))
                .fetchAs(Actor.class).mappedBy((t, r) -> map(r.get("a"))).all().stream().toList();
    }

    @Transactional
    public Actor create(ActorInput input) {
        String id = UUID.randomUUID().toString();
        write(id, input, false);
        return get(id, true);
    }

    @Transactional
    public Actor update(String id, ActorInput input) {
        get(id, true);
        write(id, input, false);
        return get(id, true);
    }

    @Transactional
    public void delete(String id) {
        long deleted = neo4j.query("MATCH (a:Actor {id: $id}) DETACH DELETE a RETURN count(*)")
                .bind(id).to("id").fetchAs(Long.class).one().orElse(0L);
        if (deleted == 0) {
            throw new NotFoundException("actor", id);
        }
    }

    /** Creates or replaces the actor with that id; used by the API, imports and the demo data. */
    public void write(String id, ActorInput input, boolean demo) {
        GeoPoint location = new GeoPoint(input.lat(), input.lon());
        Optional<String> neighbourhood = locator.locate(location);
        Map<String, Object> props = properties(input, demo, neighbourhood.isEmpty(),
                OpeningHours.slotsOf("openingHours", input.openingHours()));
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("props", props);
        params.put("location", location.toNeo4j());
        params.put("referralPoint", input.kind() == ActorKind.REFERRAL_POINT);
        params.put("neighbourhood", neighbourhood.orElse(null));
        neo4j.query("""
                        MERGE (a:Actor {id: $id})
                        SET a += $props, a.location = $location
                        FOREACH (_ IN CASE WHEN $referralPoint THEN [1] ELSE [] END | SET a:ReferralPoint)
                        FOREACH (_ IN CASE WHEN $referralPoint THEN [] ELSE [1] END | REMOVE a:ReferralPoint)
                        WITH a
                        OPTIONAL MATCH (a)-[old:LOCATED_IN]->()
                        DELETE old
                        WITH DISTINCT a
                        OPTIONAL MATCH (n:Neighbourhood {code: $neighbourhood})
                        FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | MERGE (a)-[:LOCATED_IN]->(n))""")
                .bindAll(params).run();
    }

    /**
     * The stored properties of an actor, apart from its id and location. {@link #write} and batch writers (the
     * imports in {@code exchange}) both build them here, so that every way in sets the same ones.
     *
     * @param openSlots the week slots of {@code input.openingHours()}, or null when unknown (see {@link OpeningHours})
     */
    public static Map<String, Object> properties(ActorInput input, boolean demo, boolean outsideNeighbourhoods,
                                                 @Nullable List<Integer> openSlots) {
        Map<String, Object> props = new HashMap<>();
        props.put("name", input.name());
        props.put("description", input.description());
        props.put("kind", input.kind().name());
        props.put("formal", input.kind().formal());
        props.put("address", input.address());
        props.put("languages", input.languages() == null ? List.of() : input.languages());
        props.put("openingHours", input.openingHours());
        props.put("openSlots", openSlots);
        props.put("targetGroups", input.targetGroups() == null ? List.of() : input.targetGroups());
        props.put("wheelchair", input.wheelchair() == null ? "UNKNOWN" : input.wheelchair());
        props.put("visibility", (input.visibility() == null ? Visibility.PUBLIC : input.visibility()).name());
        props.put("phone", input.phone());
        props.put("email", input.email());
        props.put("website", input.website());
        props.put("contactPublic", Boolean.TRUE.equals(input.contactPublic()));
        props.put("demo", demo);
        props.put("outsideNeighbourhoods", outsideNeighbourhoods);
        props.put("modifiedAt", ZonedDateTime.now(ZoneOffset.UTC));
        return props;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new BadInputException("limit", "must be between 1 and " + MAX_RESULTS);
        }
    }

    /** Each word of the user's text as a literal term, so Lucene syntax in it is searched for, not obeyed. */
    static String luceneQuery(String text) {
        return String.join(" ", java.util.Arrays.stream(text.trim().split("\\s+"))
                .map(word -> word.replaceAll("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])", "\\\\$1"))
                .toList());
    }

    static Actor map(Value a) {
        return new Actor(a.get("id").asString(), a.get("name").asString(), text(a.get("description")),
                ActorKind.valueOf(a.get("kind").asString()), a.get("formal").asBoolean(false),
                GeoPoint.from(a.get("location")), text(a.get("address")), a.get("languages").asList(Value::asString, List.of()),
                text(a.get("openingHours")), a.get("targetGroups").asList(Value::asString, List.of()),
                a.get("wheelchair").asString("UNKNOWN"), Visibility.valueOf(a.get("visibility").asString("PUBLIC")),
                text(a.get("phone")), text(a.get("email")), text(a.get("website")),
                a.get("contactPublic").asBoolean(false), text(a.get("neighbourhood")),
                a.get("offers").asList(Value::asString, List.of()), a.get("demo").asBoolean(false));
    }

    static @Nullable String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
