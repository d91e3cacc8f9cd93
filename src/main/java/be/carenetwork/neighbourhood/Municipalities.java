package be.carenetwork.neighbourhood;

import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Municipalities: the polygons neighbourhoods are measured against. Identified by their NIS code. */
@Service
public class Municipalities {

    private final Neo4jClient neo4j;

    Municipalities(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public record MunicipalityData(String code, String nameFr, String nameNl, Boundary boundary) {
    }

    /** Creates or updates each municipality by code, in the caller's transaction; returns how many were new. */
    @Transactional
    public int save(List<MunicipalityData> municipalities) {
        List<Map<String, Object>> rows = municipalities.stream()
                .map(m -> Map.<String, Object>of("code", m.code(), "nameFr", m.nameFr(), "nameNl", m.nameNl(),
                        "geometry", m.boundary().toGeoJson(), "centroid", m.boundary().centroid().toMap()))
                .toList();
        return neo4j.query("""
                        UNWIND $rows AS row
                        MERGE (m:Municipality {code: row.code})
                        ON CREATE SET m.id = randomUUID(), m.created = true
                        SET m.nameFr = row.nameFr, m.nameNl = row.nameNl, m.geometry = row.geometry,
                            m.centroid = point(row.centroid)
                        WITH m, coalesce(m.created, false) AS created
                        REMOVE m.created
                        RETURN count(CASE WHEN created THEN 1 END)""")
                .bind(rows).to("rows").fetchAs(Integer.class).one().orElse(0);
    }
}
