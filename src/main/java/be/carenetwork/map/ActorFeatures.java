package be.carenetwork.map;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.Actor;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.OpeningHours;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.taxonomy.HelpCategories;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Actors as GeoJSON points: a lean collection for the map (one query), and one actor's details for its popup.
 * Anonymous readers get public actors only, with contact details only where the actor made them public.
 * Residents are never read here.
 */
@Service
class ActorFeatures {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private static final String FILTERS = """
              AND ($everyone OR a.visibility = 'PUBLIC')
              AND ($formal IS NULL OR a.formal = $formal)
              AND (size($kinds) = 0 OR a.kind IN $kinds)
              AND ($language IS NULL OR $language IN a.languages)
              AND ($targetGroup IS NULL OR $targetGroup IN a.targetGroups)
              AND (size($wheelchair) = 0 OR a.wheelchair IN $wheelchair)
              AND (NOT $openNow OR $slot IN a.openSlots)
              AND ($name IS NULL OR toLower(a.name) CONTAINS $name)
              AND (size($categoryLabels) = 0 OR any(l IN labels(a) WHERE l IN $categoryLabels))
            """;

    private static final String RETURN = """
            RETURN a.id AS id, a.name AS name, a.kind AS kind, a.location AS location,
                   a.visibility = 'PRIVATE' AS private, a.languages AS languages, a.targetGroups AS targetGroups, a.wheelchair AS wheelchair,
                   CASE WHEN a.openSlots IS NULL THEN null ELSE $slot IN a.openSlots END AS open,
                   [l IN labels(a) WHERE l STARTS WITH 'Offers_' | substring(l, 7)] AS categories
            ORDER BY a.id""";

    private final Neo4jClient neo4j;
    private final Actors actors;
    private final HelpCategories categories;
    private final ObjectMapper json;

    ActorFeatures(Neo4jClient neo4j, Actors actors, HelpCategories categories, ObjectMapper json) {
        this.neo4j = neo4j;
        this.actors = actors;
        this.categories = categories;
        this.json = json;
    }

    record ActorPoint(String id, String name, String kind, double lon, double lat, boolean isPrivate,
                      List<String> languages, List<String> targetGroups, String wheelchair, @Nullable Boolean open, List<String> categories) {
    }

    /** The actors the filter selects, lightest first: what a marker, its colour and the filters need. */
    List<ActorPoint> find(ActorFilter filter, boolean everyone) {
        // The Offers_<code> labels follow the OFFERS relationships (see CategoryLabel): reading them costs no expansion.
        List<String> categoryLabels = List.of();
        if (!filter.categories().isEmpty()) {
            categories.requireKnown("category", filter.categories());
            var all = categories.all();
            categoryLabels = filter.categories().stream().flatMap(code -> CoverageMap.withNarrower(code, all).stream())
                    .distinct().map(be.carenetwork.taxonomy.CategoryLabel::of).toList();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("everyone", everyone);
        params.put("neighbourhood", filter.neighbourhood());
        params.put("categoryLabels", categoryLabels);
        params.put("kinds", filter.kinds());
        params.put("formal", filter.formal());
        params.put("language", filter.language());
        params.put("targetGroup", filter.targetGroup());
        params.put("wheelchair", filter.wheelchair());
        params.put("openNow", filter.openNow());
        params.put("slot", OpeningHours.slotOf(LocalDateTime.now(BRUSSELS)));
        params.put("name", filter.name());
        // The first MATCH is chosen from fixed text so that each case has an index to start from.
        String source;
        if (filter.neighbourhood() != null) {
            source = "MATCH (:Neighbourhood {code: $neighbourhood})<-[:LOCATED_IN]-(a:Actor)\nWHERE true\n";
        } else if (filter.bbox() != null) {
            source = "MATCH (a:Actor)\nWHERE point.withinBBox(a.location, $southWest, $northEast)\n";
        } else {
            source = "MATCH (a:Actor)\nWHERE true\n";
        }
        String bboxFilter = "";
        if (filter.bbox() != null) {
            double[] box = filter.bbox();
            params.put("southWest", org.neo4j.driver.Values.point(4326, box[0], box[1]));
            params.put("northEast", org.neo4j.driver.Values.point(4326, box[2], box[3]));
            if (filter.neighbourhood() != null) {
                bboxFilter = "  AND point.withinBBox(a.location, $southWest, $northEast)\n";
            }
        }
        return neo4j.query(source + bboxFilter + FILTERS + RETURN)
                .bindAll(params)
                .fetchAs(ActorPoint.class)
                .mappedBy((types, r) -> {
                    var location = r.get("location").asPoint();
                    Value open = r.get("open");
                    return new ActorPoint(r.get("id").asString(), r.get("name").asString(), r.get("kind").asString(),
                            location.x(), location.y(), r.get("private").asBoolean(false),
                            r.get("languages").asList(Value::asString, List.of()),
                            r.get("targetGroups").asList(Value::asString, List.of()), r.get("wheelchair").asString("UNKNOWN"),
                            open.isNull() ? null : open.asBoolean(), r.get("categories").asList(Value::asString).stream().sorted().toList());
                })
                .all().stream().toList();
    }

    byte[] collection(ActorFilter filter, boolean everyone) {
        List<ActorPoint> points = find(filter, everyone);
        if (points.isEmpty() && filter.neighbourhood() != null) {
            requireNeighbourhood(filter.neighbourhood());
        }
        return GeoJson.collection(json, g -> points.forEach(p -> feature(g, p)), g -> {
        });
    }

    private static void feature(JsonGenerator g, ActorPoint p) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", p.id());
        GeoJson.point(g, p.lon(), p.lat());
        g.writeName("properties");
        g.writeStartObject();
        g.writeStringProperty("name", p.name());
        g.writeStringProperty("kind", p.kind());
        GeoJson.stringArray(g, "categories", p.categories());
        GeoJson.stringArray(g, "languages", p.languages());
        if (!p.targetGroups().isEmpty()) {
            GeoJson.stringArray(g, "targetGroups", p.targetGroups());
        }
        if (!"UNKNOWN".equals(p.wheelchair())) {
            g.writeStringProperty("wheelchair", p.wheelchair());
        }
        if (p.open() != null) {
            g.writeBooleanProperty("open", p.open());
        }
        if (p.isPrivate()) {
            g.writeBooleanProperty("private", true);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** One actor with everything its popup shows, including whom it refers to. */
    byte[] detail(String id, boolean everyone) {
        Actor found = actors.get(id, everyone);
        Actor actor = everyone ? found : found.forPublic();
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("everyone", everyone);
        params.put("slot", OpeningHours.slotOf(LocalDateTime.now(BRUSSELS)));
        Map<String, Object> extra = neo4j.query("""
                        MATCH (a:Actor {id: $id})
                        RETURN CASE WHEN a.openSlots IS NULL THEN null ELSE $slot IN a.openSlots END AS open,
                               COLLECT { MATCH (a)-[r:REFERS_TO]->(t:Actor) WHERE $everyone OR t.visibility = 'PUBLIC'
                                         RETURN {id: t.id, name: t.name, categories: coalesce(r.categories, [])} AS target
                                         ORDER BY t.name } AS refersTo""")
                .bindAll(params).fetch().one().orElseThrow(() -> new NotFoundException("actor", id));
        return GeoJson.document(json, g -> {
            g.writeStartObject();
            g.writeStringProperty("type", "Feature");
            g.writeStringProperty("id", actor.id());
            GeoJson.point(g, actor.location().lon(), actor.location().lat());
            g.writeName("properties");
            g.writeStartObject();
            g.writeStringProperty("name", actor.name());
            optional(g, "description", actor.description());
            g.writeStringProperty("kind", actor.kind().name());
            g.writeBooleanProperty("formal", actor.formal());
            optional(g, "address", actor.address());
            GeoJson.stringArray(g, "categories", actor.offers());
            GeoJson.stringArray(g, "languages", actor.languages());
            optional(g, "openingHours", actor.openingHours());
            if (extra.get("open") instanceof Boolean open) {
                g.writeBooleanProperty("open", open);
            }
            GeoJson.stringArray(g, "targetGroups", actor.targetGroups());
            g.writeStringProperty("wheelchair", actor.wheelchair());
            optional(g, "phone", actor.phone());
            optional(g, "email", actor.email());
            optional(g, "website", actor.website());
            optional(g, "neighbourhood", actor.neighbourhood());
            if (actor.visibility() == be.carenetwork.directory.Visibility.PRIVATE) {
                g.writeBooleanProperty("private", true);
            }
            g.writeName("refersTo");
            g.writePOJO(extra.get("refersTo"));
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private void requireNeighbourhood(String code) {
        boolean exists = neo4j.query("MATCH (n:Neighbourhood {code: $code}) RETURN count(n) > 0")
                .bind(code).to("code").fetchAs(Boolean.class).one().orElse(false);
        if (!exists) {
            throw new NotFoundException("neighbourhood", code);
        }
    }

    private static void optional(JsonGenerator g, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            g.writeStringProperty(name, value);
        }
    }
}
