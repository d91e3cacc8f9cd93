package be.carenetwork.directory;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.carenetwork.neighbourhood.NeighbourhoodLocator;
import be.carenetwork.security.CareUser;
import be.carenetwork.security.CurrentUser;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.system.Page;
import be.carenetwork.taxonomy.HelpCategories;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Needs (help requests). They say who needs help and where, so they are for the coordinators of their
 * neighbourhood only.
 */
@Service
public class Needs {

    public static final int DEFAULT_MAX_DISTANCE = 2000;

    static final String NEED_MAP = """
            n { .id, .description, .status, .location, .maxDistanceMetres, .language, .neededAt, .createdAt, .demo,
                residentId: COLLECT { MATCH (r:Resident)-[:HAS_NEED]->(n) RETURN r.id }[0],
                registeredBy: COLLECT { MATCH (a:Actor)-[:REGISTERED]->(n) RETURN a.id }[0],
                category: COLLECT { MATCH (n)-[:FOR]->(c:HelpCategory) RETURN c.code }[0],
                neighbourhood: COLLECT { MATCH (n)-[:LOCATED_IN]->(nb:Neighbourhood) RETURN nb.code }[0] }""";

    private final Neo4jClient neo4j;
    private final Residents residents;
    private final HelpCategories categories;
    private final NeighbourhoodLocator locator;

    Needs(Neo4jClient neo4j, Residents residents, HelpCategories categories, NeighbourhoodLocator locator) {
        this.neo4j = neo4j;
        this.residents = residents;
        this.categories = categories;
        this.locator = locator;
    }

    public Need get(String id) {
        Need need = neo4j.query("MATCH (n:Need {id: $id}) RETURN " + NEED_MAP + " AS n")
                .bind(id).to("id").fetchAs(Need.class).mappedBy((t, r) -> map(r.get("n")))
                .one().orElseThrow(() -> new NotFoundException("need", id));
        Residents.requireCoordinatorOf(need.neighbourhood());
        return need;
    }

    public Page<Need> list(@Nullable String neighbourhood, @Nullable NeedStatus status, int page, int size) {
        Page.check(page, size);
        CareUser user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Needs are for coordinators"));
        if (neighbourhood != null) {
            Residents.requireCoordinatorOf(neighbourhood);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("neighbourhood", neighbourhood);
        params.put("status", status == null ? null : status.name());
        params.put("mine", List.copyOf(user.neighbourhoods()));
        params.put("all", user.neighbourhoods().isEmpty());
        params.put("skip", (long) page * size);
        params.put("limit", size);
        String match = """
                MATCH (n:Need)
                WHERE $status IS NULL OR n.status = $status
                OPTIONAL MATCH (n)-[:LOCATED_IN]->(nb:Neighbourhood)
                WITH n, nb
                WHERE ($neighbourhood IS NULL OR nb.code = $neighbourhood) AND ($all OR nb.code IN $mine)
                """;
        List<Need> items = neo4j.query(match + "WITH n ORDER BY n.createdAt DESC, n.id SKIP $skip LIMIT $limit RETURN " + NEED_MAP + " AS n")
                .bindAll(params).fetchAs(Need.class).mappedBy((t, r) -> map(r.get("n"))).all().stream().toList();
        long total = neo4j.query(match + "RETURN count(n)").bindAll(params).fetchAs(Long.class).one().orElse(0L);
        return new Page<>(items, page, size, total);
    }

    @Transactional
    public Need create(NeedInput input) {
        String id = UUID.randomUUID().toString();
        write(id, input, NeedStatus.OPEN, false);
        return get(id);
    }

    @Transactional
    public Need update(String id, NeedInput input, NeedStatus status) {
        Need current = get(id);
        write(id, input, status, current.demo());
        return get(id);
    }

    @Transactional
    public void delete(String id) {
        get(id);
        neo4j.query("MATCH (n:Need {id: $id}) DETACH DELETE n").bind(id).to("id").run();
    }

    /** Creates or replaces a need; used by the API and the demo data. */
    public void write(String id, NeedInput input, NeedStatus status, boolean demo) {
        categories.requireKnown("category", List.of(input.category()));
        GeoPoint location = locationOf(input);
        String neighbourhood = locator.locate(location).orElse(null);
        if (!demo) {
            Residents.requireCoordinatorOf(neighbourhood);
        }
        Map<String, Object> props = new HashMap<>();
        props.put("description", input.description());
        props.put("status", status.name());
        props.put("maxDistanceMetres", input.maxDistanceMetres() == null ? DEFAULT_MAX_DISTANCE : input.maxDistanceMetres());
        props.put("language", input.language());
        props.put("neededAt", input.neededAt());
        props.put("demo", demo);
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("props", props);
        params.put("location", location.toNeo4j());
        params.put("category", input.category());
        params.put("residentId", input.residentId());
        params.put("registeredBy", input.registeredBy());
        params.put("neighbourhood", neighbourhood);
        neo4j.query("""
                        MERGE (n:Need {id: $id})
                        ON CREATE SET n.createdAt = datetime()
                        SET n += $props, n.location = $location
                        WITH n
                        OPTIONAL MATCH (n)-[old:FOR|LOCATED_IN]->()
                        DELETE old
                        WITH DISTINCT n
                        MATCH (c:HelpCategory {code: $category})
                        MERGE (n)-[:FOR]->(c)
                        WITH n
                        OPTIONAL MATCH (nb:Neighbourhood {code: $neighbourhood})
                        FOREACH (_ IN CASE WHEN nb IS NULL THEN [] ELSE [1] END | MERGE (n)-[:LOCATED_IN]->(nb))
                        WITH n
                        OPTIONAL MATCH (r:Resident {id: $residentId})
                        FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (r)-[:HAS_NEED]->(n))
                        WITH n
                        OPTIONAL MATCH (a:Actor {id: $registeredBy})
                        FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (a)-[:REGISTERED]->(n))""")
                .bindAll(params).run();
    }

    private GeoPoint locationOf(NeedInput input) {
        if (input.lat() != null && input.lon() != null) {
            return new GeoPoint(input.lat(), input.lon());
        }
        if (input.residentId() != null) {
            return residents.get(input.residentId()).location();
        }
        throw new BadInputException(input.lat() == null ? "lat" : "lon",
                "is required when the need is not for a registered resident");
    }

    static Need map(Value n) {
        return new Need(n.get("id").asString(), Actors.text(n.get("residentId")), Actors.text(n.get("registeredBy")),
                n.get("category").asString(), Actors.text(n.get("description")), NeedStatus.valueOf(n.get("status").asString()),
                GeoPoint.from(n.get("location")), n.get("maxDistanceMetres").asInt(DEFAULT_MAX_DISTANCE),
                Actors.text(n.get("language")), Actors.text(n.get("neededAt")),
                n.get("createdAt").asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                Actors.text(n.get("neighbourhood")), n.get("demo").asBoolean(false));
    }
}
