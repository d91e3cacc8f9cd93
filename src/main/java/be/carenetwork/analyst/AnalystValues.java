package be.carenetwork.analyst;

import java.lang.reflect.Array;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.spatial.Point;

/**
 * Turns what Neo4j returns (in-process or over Bolt) into plain values for JSON, CSV and GeoJSON: null, Boolean,
 * Long, Double, String, List, Map, {@link GeoJsonPoint}. Dates and times become ISO-8601 text; a node becomes a map
 * of its properties with {@code _labels}, a relationship with {@code _type}, a path its nodes and relationships.
 */
final class AnalystValues {

    private AnalystValues() {
    }

    /** A value of the embedded (in-process) API. */
    static @Nullable Object plain(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case Character c -> String.valueOf(c);
            case Point p -> point(p.getCoordinate().getCoordinate());
            case Node n -> entity(n, "_labels", labels(n));
            case Relationship r -> entity(r, "_type", r.getType().name());
            case Path p -> path(p);
            case TemporalAccessor t -> t.toString();
            case TemporalAmount t -> t.toString();
            case Map<?, ?> m -> map(m);
            case Iterable<?> items -> list(items);
            case Object array when array.getClass().isArray() -> array(array);
            default -> value.toString();
        };
    }

    /** A value received over Bolt. */
    static @Nullable Object plain(Value value) {
        if (value.isNull()) {
            return null;
        }
        return switch (value.type().name()) {
            case "POINT" -> new GeoJsonPoint(value.asPoint().x(), value.asPoint().y());
            case "LIST" -> value.asList(AnalystValues::plain);
            case "MAP" -> {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                value.keys().forEach(key -> map.put(key, plain(value.get(key))));
                yield map;
            }
            case "NODE" -> {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                List<String> labels = new ArrayList<>();
                value.asNode().labels().forEach(labels::add);
                map.put("_labels", labels);
                value.asNode().keys().forEach(key -> map.put(key, plain(value.asNode().get(key))));
                yield map;
            }
            case "RELATIONSHIP" -> {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                map.put("_type", value.asRelationship().type());
                value.asRelationship().keys().forEach(key -> map.put(key, plain(value.asRelationship().get(key))));
                yield map;
            }
            case "DATE", "TIME", "LOCAL_TIME", "LOCAL_DATE_TIME", "DATE_TIME" -> value.asObject().toString();
            case "DURATION" -> {
                IsoDuration duration = value.asIsoDuration();
                yield duration.toString();
            }
            case "INTEGER" -> value.asLong();
            case "FLOAT" -> value.asDouble();
            case "BOOLEAN" -> value.asBoolean();
            case "STRING" -> value.asString();
            default -> value.toString();
        };
    }

    private static GeoJsonPoint point(double[] coordinates) {
        return new GeoJsonPoint(coordinates[0], coordinates[1]);
    }

    private static List<String> labels(Node node) {
        List<String> labels = new ArrayList<>();
        for (Label label : node.getLabels()) {
            labels.add(label.name());
        }
        return labels;
    }

    private static Map<String, @Nullable Object> entity(Entity entity, String key, Object kind) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put(key, kind);
        entity.getAllProperties().forEach((name, value) -> map.put(name, plain(value)));
        return map;
    }

    private static Map<String, @Nullable Object> path(Path path) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("nodes", list(path.nodes()));
        map.put("relationships", list(path.relationships()));
        return map;
    }

    private static Map<String, @Nullable Object> map(Map<?, ?> values) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        values.forEach((key, value) -> map.put(String.valueOf(key), plain(value)));
        return map;
    }

    private static List<@Nullable Object> list(Iterable<?> items) {
        List<@Nullable Object> list = new ArrayList<>();
        items.forEach(item -> list.add(plain(item)));
        return list;
    }

    private static List<@Nullable Object> array(Object array) {
        List<@Nullable Object> list = new ArrayList<>();
        for (int i = 0; i < Array.getLength(array); i++) {
            list.add(plain(Array.get(array, i)));
        }
        return list;
    }
}
