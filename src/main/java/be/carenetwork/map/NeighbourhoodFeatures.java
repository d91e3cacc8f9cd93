package be.carenetwork.map;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/** Neighbourhood boundaries as GeoJSON polygons, with their names, centroid and how many actors the reader sees in each. */
@Service
class NeighbourhoodFeatures {

    private final Neo4jClient neo4j;
    private final ObjectMapper json;

    /** Stored geometry text to its rounded GeoJSON: boundaries rarely change and real ones have thousands of vertices. */
    private final Map<String, String> rounded = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 2000;
        }
    });

    private String round(String geometry) {
        byte[] bytes = GeoJson.document(json, g -> {
            g.writeStartObject();
            GeoJson.polygon(g, json, geometry);
            g.writeEndObject();
        });
        String wrapped = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        // {"geometry":{...}} -> {...}
        return wrapped.substring(wrapped.indexOf(':') + 1, wrapped.length() - 1);
    }

    NeighbourhoodFeatures(Neo4jClient neo4j, ObjectMapper json) {
        this.neo4j = neo4j;
        this.json = json;
    }

    private record Row(String code, String nameFr, String nameNl, @Nullable String primaryCareZone, String geometry,
                       double centroidLon, double centroidLat, long actors, boolean demo) {
    }

    byte[] collection(@Nullable String code, boolean everyone) {
        Map<String, Object> params = new HashMap<>();
        params.put("code", code);
        params.put("everyone", everyone);
        List<Row> rows = neo4j.query("""
                        MATCH (n:Neighbourhood)
                        WHERE $code IS NULL OR n.code = $code
                        RETURN n.code AS code, n.nameFr AS nameFr, n.nameNl AS nameNl, n.primaryCareZone AS zone,
                               n.geometry AS geometry, n.centroid AS centroid, coalesce(n.demo, false) AS demo,
                               COUNT { (n)<-[:LOCATED_IN]-(a:Actor) WHERE $everyone OR a.visibility = 'PUBLIC' } AS actors
                        ORDER BY n.code""")
                .bindAll(params)
                .fetchAs(Row.class)
                .mappedBy((types, r) -> {
                    var centroid = r.get("centroid").asPoint();
                    Value zone = r.get("zone");
                    return new Row(r.get("code").asString(), r.get("nameFr").asString(""), r.get("nameNl").asString(""),
                            zone.isNull() ? null : zone.asString(), r.get("geometry").asString(), centroid.x(), centroid.y(),
                            r.get("actors").asLong(), r.get("demo").asBoolean());
                })
                .all().stream().toList();
        if (code != null && rows.isEmpty()) {
            throw new be.carenetwork.system.NotFoundException("neighbourhood", code);
        }
        return GeoJson.collection(json, g -> rows.forEach(row -> {
            g.writeStartObject();
            g.writeStringProperty("type", "Feature");
            g.writeStringProperty("id", row.code());
            g.writeName("geometry");
            g.writeRawValue(rounded.computeIfAbsent(row.geometry(), this::round));
            g.writeName("properties");
            g.writeStartObject();
            g.writeStringProperty("code", row.code());
            g.writeStringProperty("nameFr", row.nameFr());
            g.writeStringProperty("nameNl", row.nameNl());
            if (row.primaryCareZone() != null) {
                g.writeStringProperty("primaryCareZone", row.primaryCareZone());
            }
            g.writeName("centroid");
            GeoJson.position(g, row.centroidLon(), row.centroidLat(), 1e6);
            g.writeNumberProperty("actors", row.actors());
            if (row.demo()) {
                g.writeBooleanProperty("demo", true);
            }
            g.writeEndObject();
            g.writeEndObject();
        }), g -> {
        });
    }
}
