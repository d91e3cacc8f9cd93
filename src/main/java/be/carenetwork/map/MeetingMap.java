package be.carenetwork.map;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * What the meeting mode draws over a neighbourhood's map: the care meeting held there on a day and who attended it
 * ({@code (:Actor)-[:ATTENDED]->(:CareMeeting {date})-[:HELD_IN]->(:Neighbourhood)}), and who knows whom
 * ({@code KNOWS}, stored once per pair, read undirected) as lines between actors. Both are empty until the meetings
 * feature records them. Anonymous readers see only public actors and no meeting titles.
 */
@Service
class MeetingMap {

    private final Neo4jClient neo4j;
    private final ObjectMapper json;

    MeetingMap(Neo4jClient neo4j, ObjectMapper json) {
        this.neo4j = neo4j;
        this.json = json;
    }

    private record Link(String from, String to, double fromLon, double fromLat, double toLon, double toLat, long strength) {
    }

    /** A FeatureCollection of KNOWS lines, with the meeting, its attendees and the latest earlier meeting as foreign members. */
    byte[] of(String neighbourhood, LocalDate date, boolean everyone) {
        Map<String, Object> params = new HashMap<>();
        params.put("code", neighbourhood);
        params.put("date", date);
        params.put("everyone", everyone);
        var head = neo4j.query("""
                        MATCH (n:Neighbourhood {code: $code})
                        OPTIONAL CALL (n) {
                          MATCH (m:CareMeeting)-[:HELD_IN]->(n) WHERE m.date = $date
                          RETURN m ORDER BY m.id LIMIT 1
                        }
                        WITH n, m, COLLECT { MATCH (p:CareMeeting)-[:HELD_IN]->(n) RETURN p.date } AS dates
                        RETURN m.id AS id, m.title AS title, m.mode AS mode,
                               CASE WHEN m IS NULL THEN [] ELSE COLLECT {
                                 MATCH (a:Actor)-[:ATTENDED]->(m) WHERE $everyone OR a.visibility = 'PUBLIC'
                                 RETURN a.id ORDER BY a.id } END AS attendees,
                               // Compared in a list, not in the subquery: a date range on the indexed CareMeeting.date
                               // inside COLLECT hits a planner error in Neo4j 2026.08 ("should not appear non-cached").
                               reduce(best = null, d IN dates | CASE WHEN d < $date AND (best IS NULL OR d > best) THEN d ELSE best END) AS previous,
                               reduce(best = null, d IN dates | CASE WHEN d > $date AND (best IS NULL OR d < best) THEN d ELSE best END) AS next""")
                .bindAll(params).fetch().one()
                .orElseThrow(() -> new be.carenetwork.system.NotFoundException("neighbourhood", neighbourhood));
        List<Link> links = neo4j.query("""
                        MATCH (n:Neighbourhood {code: $code})<-[:LOCATED_IN]-(a:Actor)-[k:KNOWS]-(b:Actor)
                        WHERE ($everyone OR (a.visibility = 'PUBLIC' AND b.visibility = 'PUBLIC'))
                          AND (a.id < b.id OR NOT EXISTS { (b)-[:LOCATED_IN]->(n) })
                        RETURN DISTINCT a.id AS from, b.id AS to, a.location AS fromLocation, b.location AS toLocation,
                               coalesce(k.strength, 1) AS strength
                        ORDER BY from, to""")
                .bindAll(params)
                .fetchAs(Link.class)
                .mappedBy((types, r) -> {
                    var from = r.get("fromLocation").asPoint();
                    var to = r.get("toLocation").asPoint();
                    return new Link(r.get("from").asString(), r.get("to").asString(), from.x(), from.y(), to.x(), to.y(),
                            r.get("strength").asLong());
                })
                .all().stream().toList();
        return GeoJson.collection(json, g -> links.forEach(link -> {
            g.writeStartObject();
            g.writeStringProperty("type", "Feature");
            GeoJson.line(g, link.fromLon(), link.fromLat(), link.toLon(), link.toLat());
            g.writeName("properties");
            g.writeStartObject();
            g.writeStringProperty("from", link.from());
            g.writeStringProperty("to", link.to());
            g.writeNumberProperty("strength", link.strength());
            g.writeEndObject();
            g.writeEndObject();
        }), g -> {
            g.writeStringProperty("neighbourhood", neighbourhood);
            g.writeStringProperty("date", date.toString());
            Object id = head.get("id");
            g.writeName("meeting");
            if (id == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeStringProperty("id", id.toString());
                if (everyone && head.get("title") != null) {
                    g.writeStringProperty("title", head.get("title").toString());
                }
                if (head.get("mode") != null) {
                    g.writeStringProperty("mode", head.get("mode").toString());
                }
                g.writeEndObject();
            }
            g.writeName("attendees");
            g.writePOJO(head.get("attendees"));
            writeDate(g, "previousMeeting", head.get("previous"));
            writeDate(g, "nextMeeting", head.get("next"));
        });
    }

    private static void writeDate(tools.jackson.core.JsonGenerator g, String name, @Nullable Object date) {
        if (date != null) {
            g.writeStringProperty(name, date.toString());
        }
    }
}
