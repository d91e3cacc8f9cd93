package be.carenetwork.neighbourhood;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.carenetwork.system.GeoPoint;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.system.Page;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and writing neighbourhoods. A neighbourhood is identified by its code for writes: saving the same
 * code again updates it in place.
 */
@Service
public class Neighbourhoods {

    private static final String RETURN_NEIGHBOURHOOD = """
            RETURN n { .id, .code, .nameFr, .nameNl, .primaryCareZone, .centroid, .areaKm2, .geometry, .demo,
                       municipalities: COLLECT { MATCH (n)-[s:IN_MUNICIPALITY]->(m:Municipality)
                                                 RETURN m { .code, .nameFr, .nameNl, share: s.share } ORDER BY s.share DESC } } AS n""";

    private final Neo4jClient neo4j;
    private final MunicipalityOverlap overlap;
    private final NeighbourhoodLocator locator;

    Neighbourhoods(Neo4jClient neo4j, MunicipalityOverlap overlap, NeighbourhoodLocator locator) {
        this.neo4j = neo4j;
        this.overlap = overlap;
        this.locator = locator;
    }

    /** What is written for one neighbourhood. */
    public record NeighbourhoodData(String code, String nameFr, String nameNl, @Nullable String primaryCareZone,
                                    Boundary boundary, boolean demo) {
    }

    public Page<Neighbourhood> list(int page, int size) {
        Page.check(page, size);
        List<Neighbourhood> items = neo4j.query("MATCH (n:Neighbourhood) WITH n ORDER BY n.code SKIP $skip LIMIT $limit "
                        + RETURN_NEIGHBOURHOOD)
                .bindAll(Map.of("skip", (long) page * size, "limit", size))
                .fetchAs(Neighbourhood.class).mappedBy((t, r) -> map(r.get("n")))
                .all().stream().toList();
        long total = neo4j.query("MATCH (n:Neighbourhood) RETURN count(n)").fetchAs(Long.class).one().orElse(0L);
        return new Page<>(items, page, size, total);
    }

    public Neighbourhood get(String idOrCode) {
        return neo4j.query("MATCH (n:Neighbourhood) WHERE n.id = $key OR n.code = $key " + RETURN_NEIGHBOURHOOD)
                .bind(idOrCode).to("key")
                .fetchAs(Neighbourhood.class).mappedBy((t, r) -> map(r.get("n")))
                .one().orElseThrow(() -> new NotFoundException("neighbourhood", idOrCode));
    }

    @Transactional
    public Neighbourhood save(NeighbourhoodData data) {
        save(List.of(data), overlap.calculator());
        return get(data.code());
    }

    /**
     * Writes many neighbourhoods in the caller's transaction (an import runs them all in one).
     *
     * @return how many were created (the others were updated)
     */
    @Transactional
    public int save(List<NeighbourhoodData> neighbourhoods, java.util.function.Function<Boundary, List<MunicipalityOverlap.Share>> shares) {
        List<Map<String, Object>> rows = neighbourhoods.stream().map(data -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", UUID.randomUUID().toString());
            row.put("code", data.code());
            row.put("nameFr", data.nameFr());
            row.put("nameNl", data.nameNl());
            row.put("primaryCareZone", data.primaryCareZone());
            row.put("geometry", data.boundary().toGeoJson());
            row.put("centroid", data.boundary().centroid().toMap());
            row.put("areaKm2", data.boundary().areaKm2());
            row.put("demo", data.demo());
            row.put("shares", shares.apply(data.boundary()).stream()
                    .map(s -> Map.of("code", s.code(), "share", s.share())).toList());
            return row;
        }).toList();
        int created = neo4j.query("""
                        UNWIND $rows AS row
                        MERGE (n:Neighbourhood {code: row.code})
                        ON CREATE SET n.id = row.id, n.created = true
                        SET n.nameFr = row.nameFr, n.nameNl = row.nameNl, n.primaryCareZone = row.primaryCareZone,
                            n.geometry = row.geometry, n.centroid = point(row.centroid), n.areaKm2 = row.areaKm2,
                            n.demo = row.demo
                        WITH n, row, coalesce(n.created, false) AS created
                        REMOVE n.created
                        WITH n, row, created
                        CALL (n, row) {
                          OPTIONAL MATCH (n)-[old:IN_MUNICIPALITY]->()
                          DELETE old
                          WITH DISTINCT n, row
                          UNWIND row.shares AS share
                          MATCH (m:Municipality {code: share.code})
                          MERGE (n)-[s:IN_MUNICIPALITY]->(m)
                          SET s.share = share.share
                        }
                        RETURN count(CASE WHEN created THEN 1 END) AS created""")
                .bind(rows).to("rows")
                .fetchAs(Integer.class).one().orElse(0);
        locator.invalidate();
        return created;
    }

    @Transactional
    public void delete(String id) {
        long deleted = neo4j.query("MATCH (n:Neighbourhood {id: $id}) DETACH DELETE n RETURN count(*) AS deleted")
                .bind(id).to("id").fetchAs(Long.class).one().orElse(0L);
        if (deleted == 0) {
            throw new NotFoundException("neighbourhood", id);
        }
        locator.invalidate();
    }

    private static Neighbourhood map(Value n) {
        List<Neighbourhood.MunicipalityShare> municipalities = n.get("municipalities").asList(m ->
                new Neighbourhood.MunicipalityShare(m.get("code").asString(), m.get("nameFr").asString(""),
                        m.get("nameNl").asString(""), m.get("share").asDouble()));
        return new Neighbourhood(n.get("id").asString(), n.get("code").asString(), n.get("nameFr").asString(""),
                n.get("nameNl").asString(""), nullable(n, "primaryCareZone"), GeoPoint.from(n.get("centroid")),
                n.get("areaKm2").asDouble(0), n.get("geometry").asString(), municipalities, n.get("demo").asBoolean(false));
    }

    private static @Nullable String nullable(MapAccessor map, String key) {
        Value value = map.get(key);
        return value.isNull() ? null : value.asString();
    }
}
