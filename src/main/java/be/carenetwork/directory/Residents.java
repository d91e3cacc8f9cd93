package be.carenetwork.directory;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.carenetwork.neighbourhood.NeighbourhoodLocator;
import be.carenetwork.security.CareUser;
import be.carenetwork.security.CurrentUser;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.system.Page;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents: personal data, so every method here is for coordinators, and a coordinator only reaches the
 * residents of the neighbourhoods they work for.
 */
@Service
public class Residents {

    static final String RESIDENT_MAP = """
            r { .id, .pseudonym, .displayName, .phone, .email, .birthYear, .languages, .location, .blurredLocation,
                .consentDate, .demo, neighbourhood: COLLECT { MATCH (r)-[:LIVES_IN]->(n:Neighbourhood) RETURN n.code }[0] }""";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PSEUDONYM_LETTERS = "BCDFGHJKLMNPQRSTVWXZ23456789";

    private final Neo4jClient neo4j;
    private final NeighbourhoodLocator locator;
    private final ApplicationEventPublisher events;

    Residents(Neo4jClient neo4j, NeighbourhoodLocator locator, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.locator = locator;
        this.events = events;
    }

    public Resident get(String id) {
        Resident resident = find(id);
        requireCoordinatorOf(resident.neighbourhood());
        return resident;
    }

    public Page<Resident> list(@Nullable String neighbourhood, int page, int size) {
        Page.check(page, size);
        CareUser user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Residents are for coordinators"));
        if (neighbourhood != null) {
            requireCoordinatorOf(neighbourhood);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("neighbourhood", neighbourhood);
        params.put("mine", List.copyOf(user.neighbourhoods()));
        params.put("all", user.neighbourhoods().isEmpty());
        params.put("skip", (long) page * size);
        params.put("limit", size);
        String match = """
                MATCH (r:Resident)
                OPTIONAL MATCH (r)-[:LIVES_IN]->(n:Neighbourhood)
                WITH r, n
                WHERE ($neighbourhood IS NULL OR n.code = $neighbourhood) AND ($all OR n.code IN $mine)
                """;
        List<Resident> items = neo4j.query(match + "WITH r ORDER BY r.displayName, r.id SKIP $skip LIMIT $limit RETURN " + RESIDENT_MAP + " AS r")
                .bindAll(params).fetchAs(Resident.class).mappedBy((t, rec) -> map(rec.get("r"))).all().stream().toList();
        long total = neo4j.query(match + "RETURN count(r)").bindAll(params).fetchAs(Long.class).one().orElse(0L);
        return new Page<>(items, page, size, total);
    }

    @Transactional
    public Resident create(ResidentInput input) {
        String id = UUID.randomUUID().toString();
        write(id, newPseudonym(), input, false);
        return get(id);
    }

    @Transactional
    public Resident update(String id, ResidentInput input) {
        Resident current = get(id);
        write(id, current.pseudonym(), input, current.demo());
        return get(id);
    }

    /**
     * Erases the resident and everything that is only about them (GDPR right to erasure): their needs and the
     * relationships that pointed at them. Features that keep more about a resident erase it too, by listening to
     * {@link ResidentErased}, in the same transaction, before the resident is gone.
     */
    @Transactional
    public void erase(String id) {
        Resident resident = get(id);
        events.publishEvent(new ResidentErased(resident.id(), resident.pseudonym(), LocalDate.now()));
        neo4j.query("""
                        MATCH (r:Resident {id: $id})
                        OPTIONAL MATCH (r)-[:HAS_NEED]->(need:Need)
                        DETACH DELETE need
                        WITH DISTINCT r
                        DETACH DELETE r""")
                .bind(id).to("id").run();
    }

    /** Creates or replaces a resident; used by the API and the demo data. The caller checks who may do it. */
    public void write(String id, String pseudonym, ResidentInput input, boolean demo) {
        GeoPoint location = new GeoPoint(input.lat(), input.lon());
        String neighbourhood = locator.locate(location).orElse(null);
        if (!demo) {
            requireCoordinatorOf(neighbourhood);
        }
        Map<String, Object> props = new HashMap<>();
        props.put("pseudonym", pseudonym);
        props.put("displayName", input.displayName());
        props.put("phone", input.phone());
        props.put("email", input.email());
        props.put("birthYear", input.birthYear());
        props.put("languages", input.languages() == null ? List.of() : input.languages());
        props.put("consentDate", input.consentDate());
        props.put("demo", demo);
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("props", props);
        params.put("location", location.toNeo4j());
        params.put("blurred", Blur.of(location).toNeo4j());
        params.put("neighbourhood", neighbourhood);
        neo4j.query("""
                        MERGE (r:Resident {id: $id})
                        SET r += $props, r.location = $location, r.blurredLocation = $blurred
                        WITH r
                        OPTIONAL MATCH (r)-[old:LIVES_IN]->()
                        DELETE old
                        WITH DISTINCT r
                        OPTIONAL MATCH (n:Neighbourhood {code: $neighbourhood})
                        FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | MERGE (r)-[:LIVES_IN]->(n))""")
                .bindAll(params).run();
    }

    /** A 403 unless the signed-in user coordinates that neighbourhood. */
    public static void requireCoordinatorOf(@Nullable String neighbourhood) {
        CareUser user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Residents are for coordinators"));
        boolean allowed = neighbourhood == null
                ? user.coordinates("") && user.neighbourhoods().isEmpty()
                : user.coordinates(neighbourhood);
        if (!allowed) {
            throw new AccessDeniedException("You are not a coordinator of neighbourhood " + neighbourhood);
        }
    }

    private Resident find(String id) {
        return neo4j.query("MATCH (r:Resident {id: $id}) RETURN " + RESIDENT_MAP + " AS r")
                .bind(id).to("id").fetchAs(Resident.class).mappedBy((t, r) -> map(r.get("r")))
                .one().orElseThrow(() -> new NotFoundException("resident", id));
    }

    static String newPseudonym() {
        StringBuilder pseudonym = new StringBuilder("R-");
        for (int i = 0; i < 8; i++) {
            pseudonym.append(PSEUDONYM_LETTERS.charAt(RANDOM.nextInt(PSEUDONYM_LETTERS.length())));
        }
        return pseudonym.toString();
    }

    static Resident map(Value r) {
        Value consent = r.get("consentDate");
        return new Resident(r.get("id").asString(), r.get("pseudonym").asString(), r.get("displayName").asString(),
                Actors.text(r.get("phone")), Actors.text(r.get("email")),
                r.get("birthYear").isNull() ? null : r.get("birthYear").asInt(),
                r.get("languages").asList(Value::asString, List.of()), GeoPoint.from(r.get("location")),
                GeoPoint.from(r.get("blurredLocation")), consent.isNull() ? null : consent.asLocalDate(),
                Actors.text(r.get("neighbourhood")), r.get("demo").asBoolean(false));
    }

    /** Published after a resident was erased, for features that hold more about residents. */
    public record ResidentErased(String id, String pseudonym, LocalDate on) {
    }
}
