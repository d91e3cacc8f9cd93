package be.carenetwork.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Visibility;
import be.carenetwork.taxonomy.CategoryLabel;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A user's mapping of source fields to actors, from a small YAML or JSON file; the format is in docs/exchange.md.
 * Every key is checked when the file is read (unknown keys, unknown kinds, unknown category codes), so a typo refuses
 * the mapping before any record is read.
 */
final class FileMapping implements ActorMapping {

    private static final Set<String> KEYS = Set.of("source", "attribution", "crs", "id", "longitude", "latitude", "x", "y",
            "name", "nameFr", "nameNl", "description", "kind", "categories", "address", "languages", "openingHours",
            "targetGroups", "wheelchair", "phone", "email", "website", "visibility", "contactPublic", "radiusMetres",
            "maxActive");
    private static final java.util.regex.Pattern SPLIT = java.util.regex.Pattern.compile("\\s*[;,|]\\s*");

    /** A value looked up in a table ({@code values}), with a default for values not in it. */
    private record Table<T>(FieldRef field, Map<String, T> values, @Nullable T fallback) {

        @Nullable T lookUp(@Nullable String value) {
            if (value == null) {
                return fallback;
            }
            T found = values.get(value.toLowerCase(Locale.ROOT));
            return found != null ? found : fallback;
        }
    }

    /** One source of category codes: fixed codes, codes written in a field, or a field's values through a table. */
    private record CategoryRule(List<String> codes, @Nullable FieldRef field, @Nullable Map<String, List<String>> values) {
    }

    private final String source;
    private final @Nullable String attribution;
    private final @Nullable Crs crs;
    private final FieldRef id;
    private final FieldRef x;
    private final FieldRef y;
    private final FieldRef name;
    private final @Nullable FieldRef nameFr;
    private final @Nullable FieldRef nameNl;
    private final @Nullable FieldRef description;
    private final @Nullable ActorKind fixedKind;
    private final @Nullable Table<ActorKind> kind;
    private final List<CategoryRule> categories;
    private final @Nullable FieldRef address;
    private final @Nullable Table<String> languages;
    private final @Nullable FieldRef openingHours;
    private final @Nullable FieldRef targetGroups;
    private final @Nullable Table<String> wheelchair;
    private final @Nullable FieldRef phone;
    private final @Nullable FieldRef email;
    private final @Nullable FieldRef website;
    private final Visibility visibility;
    private final boolean contactPublic;
    private final int radiusMetres;
    private final int maxActive;
    private final Set<String> knownCategories;

    private FileMapping(Reader r, Set<String> knownCategories) {
        this.knownCategories = knownCategories;
        JsonNode root = r.root;
        for (Iterator<String> names = root.propertyNames().iterator(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                r.problem(key, "is not a mapping key; the keys are " + new java.util.TreeSet<>(KEYS));
            }
        }
        String sourceName = r.text("source", true);
        source = sourceName == null ? "import" : sourceName;
        if (sourceName != null && !sourceName.matches("[a-z0-9][a-z0-9_-]{0,29}")) {
            r.problem("source", "must be 1 to 30 lower-case letters, digits, '-' or '_' (it prefixes the actors' ids)");
        }
        attribution = r.text("attribution", false);
        String crsName = r.text("crs", false);
        crs = crsName == null ? null : Crs.parse(crsName).orElse(null);
        if (crsName != null && crs == null) {
            r.problem("crs", "'" + crsName + "' is not supported: use " + Crs.supported());
        }
        id = required(r, "id");
        x = r.has("x") ? required(r, "x") : r.has("longitude") ? required(r, "longitude") : FieldRef.firstOf(List.of("lon", "longitude", "x"));
        y = r.has("y") ? required(r, "y") : r.has("latitude") ? required(r, "latitude") : FieldRef.firstOf(List.of("lat", "latitude", "y"));
        name = required(r, "name");
        nameFr = r.field("nameFr");
        nameNl = r.field("nameNl");
        description = r.field("description");
        JsonNode kindNode = root.get("kind");
        if (kindNode == null || kindNode.isString()) {
            fixedKind = kindNode == null ? ActorKind.ORGANISATION : kind(r, "kind", kindNode.asString());
            kind = null;
        } else {
            fixedKind = null;
            kind = table(r, "kind", kindNode, (path, value) -> kind(r, path, value.asString()));
        }
        categories = categoryRules(r, root.get("categories"));
        address = r.field("address");
        JsonNode languagesNode = root.get("languages");
        languages = languagesNode == null ? null : languagesNode.isObject()
                ? table(r, "languages", languagesNode, (path, value) -> value.asString().toLowerCase(Locale.ROOT))
                : new Table<>(fieldRef(r, "languages", languagesNode), Map.of(), null);
        openingHours = r.field("openingHours");
        targetGroups = r.field("targetGroups");
        JsonNode wheelchairNode = root.get("wheelchair");
        wheelchair = wheelchairNode == null ? null : wheelchairNode.isObject()
                ? table(r, "wheelchair", wheelchairNode, (path, value) -> wheelchairValue(r, path, value.asString()))
                : new Table<>(fieldRef(r, "wheelchair", wheelchairNode), Map.of(), null);
        phone = r.field("phone");
        email = r.field("email");
        website = r.field("website");
        String visibilityName = r.text("visibility", false);
        Visibility v = Visibility.PUBLIC;
        if (visibilityName != null) {
            try {
                v = Visibility.valueOf(visibilityName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                r.problem("visibility", "must be PUBLIC or PRIVATE");
            }
        }
        visibility = v;
        JsonNode contactNode = root.get("contactPublic");
        if (contactNode != null && !contactNode.isBoolean()) {
            r.problem("contactPublic", "must be true or false");
        }
        contactPublic = contactNode != null && contactNode.isBoolean() ? contactNode.asBoolean() : visibility == Visibility.PUBLIC;
        radiusMetres = r.integer("radiusMetres", OsmMapping.RADIUS_METRES, 1, 50_000);
        maxActive = r.integer("maxActive", OsmMapping.MAX_ACTIVE, 1, 1000);
    }

    /** Reads and checks a mapping file; refuses it with every problem found. */
    static FileMapping read(SourceFile file, ObjectMapper json, Set<String> knownCategories, int maxProblems) {
        JsonNode root;
        try {
            boolean yaml = !file.extension().equals("json");
            root = yaml ? YAMLMapper.builder().build().readTree(file.text()) : json.readTree(file.text());
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new ImportRejectedException(file.name(), new ImportProblem(
                    at == null ? "mapping" : "mapping line " + at.getLineNr(), "is not valid YAML or JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ImportRejectedException(file.name(), new ImportProblem("mapping", "must be an object of keys such as id, name, kind"));
        }
        Problems problems = new Problems(file.name(), maxProblems);
        FileMapping mapping = new FileMapping(new Reader(root, problems), knownCategories);
        problems.refuseIfAny();
        return mapping;
    }

    @Override
    public @Nullable Crs crs() {
        return crs;
    }

    @Override
    public @Nullable ActorDraft map(SourceRecord record, Problems problems) {
        String where = record.where();
        int before = problems.count();
        String sourceId = record.featureId() != null && id.fields().equals(List.of("id")) && record.get("id") == null
                ? record.featureId() : id.value(record);
        if (sourceId == null) {
            problems.add(where, "has no id: '" + id + "' is missing or empty");
        }
        Double[] xy = Coordinates.of(record, x.fields(), y.fields(), problems);
        String actorName = name.value(record);
        if (actorName == null) {
            problems.add(where, "has no name: '" + name + "' is missing or empty");
        }
        ActorKind actorKind = fixedKind;
        if (kind != null) {
            String value = kind.field().value(record);
            actorKind = kind.lookUp(value);
            if (actorKind == null) {
                problems.add(where, "kind: '" + value + "' (" + kind.field() + ") is not in the mapping's kind values and there is no default");
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        for (CategoryRule rule : categories) {
            codes.addAll(rule.codes());
            if (rule.field() == null) {
                continue;
            }
            for (String item : split(rule.field().value(record))) {
                if (rule.values() == null) {
                    if (knownCategories.contains(item)) {
                        codes.add(item);
                    } else {
                        problems.add(where, "categories: '" + item + "' (" + rule.field() + ") is not a known help category code");
                    }
                } else {
                    List<String> mapped = rule.values().get(item.toLowerCase(Locale.ROOT));
                    if (mapped == null) {
                        problems.note("category values not in the mapping (no category given)");
                    } else {
                        codes.addAll(mapped);
                    }
                }
            }
        }
        List<String> spoken = new ArrayList<>();
        if (languages != null) {
            for (String item : split(languages.field().value(record))) {
                String code = languages.values().isEmpty() ? item.toLowerCase(Locale.ROOT) : languages.lookUp(item);
                if (code != null && !spoken.contains(code)) {
                    spoken.add(code);
                }
            }
        }
        if (problems.count() > before || xy == null || actorKind == null || sourceId == null) {
            return null;
        }
        String wheelchairValue = "UNKNOWN";
        if (wheelchair != null) {
            String raw = wheelchair.field().value(record);
            String mapped = wheelchair.values().isEmpty() ? OsmMapping.wheelchair(raw) : wheelchair.lookUp(raw);
            wheelchairValue = mapped == null ? "UNKNOWN" : mapped;
        }
        return new ActorDraft(source, sourceId, xy[0], xy[1], actorName, value(nameFr, record), value(nameNl, record),
                value(description, record), actorKind, value(address, record), spoken, value(openingHours, record),
                split(value(targetGroups, record)), wheelchairValue, visibility, OsmMapping.firstItem(value(phone, record)),
                OsmMapping.firstItem(value(email, record)), OsmMapping.website(OsmMapping.firstItem(value(website, record))),
                contactPublic, List.copyOf(codes), radiusMetres, maxActive, attribution);
    }

    private static @Nullable String value(@Nullable FieldRef field, SourceRecord record) {
        return field == null ? null : field.value(record);
    }

    private static List<String> split(@Nullable String value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(SPLIT.split(value.strip())).filter(s -> !s.isEmpty()).toList();
    }

    private static FieldRef required(Reader r, String key) {
        FieldRef field = r.field(key);
        if (field == null) {
            r.problem(key, "is required: the field (or fields) holding the " + key);
            return FieldRef.field(key);
        }
        return field;
    }

    private static FieldRef fieldRef(Reader r, String path, JsonNode node) {
        if (node.isString() && !node.asString().isBlank()) {
            return FieldRef.field(node.asString());
        }
        if (node.isArray() && !node.isEmpty()) {
            List<String> fields = new ArrayList<>();
            node.forEach(f -> {
                if (f.isString()) {
                    fields.add(f.asString());
                } else {
                    r.problem(path, "must list field names");
                }
            });
            return FieldRef.firstOf(fields);
        }
        r.problem(path, "must be a field name, a list of field names, or a template such as \"{street} {number}\"");
        return FieldRef.field(path);
    }

    private static @Nullable ActorKind kind(Reader r, String path, String value) {
        try {
            return ActorKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            r.problem(path, "'" + value + "' is not an actor kind; the kinds are " + List.of(ActorKind.values()));
            return null;
        }
    }

    private static @Nullable String wheelchairValue(Reader r, String path, String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (!List.of("YES", "LIMITED", "NO", "UNKNOWN").contains(upper)) {
            r.problem(path, "must be YES, LIMITED, NO or UNKNOWN");
            return null;
        }
        return upper;
    }

    private <T> Table<T> table(Reader r, String path, JsonNode node, java.util.function.BiFunction<String, JsonNode, @Nullable T> convert) {
        for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); ) {
            String key = names.next();
            if (!List.of("field", "values", "default").contains(key)) {
                r.problem(path + "." + key, "is not a key here; use field, values and default");
            }
        }
        JsonNode fieldNode = node.get("field");
        FieldRef field = fieldNode == null ? fieldRef(r, path + ".field", tools.jackson.databind.node.MissingNode.getInstance()) : fieldRef(r, path + ".field", fieldNode);
        Map<String, T> values = new HashMap<>();
        JsonNode valuesNode = node.get("values");
        if (valuesNode != null) {
            if (!valuesNode.isObject()) {
                r.problem(path + ".values", "must map source values to ours");
            } else {
                valuesNode.properties().forEach(entry -> {
                    T converted = convert.apply(path + ".values." + entry.getKey(), entry.getValue());
                    if (converted != null) {
                        values.put(entry.getKey().toLowerCase(Locale.ROOT), converted);
                    }
                });
            }
        }
        JsonNode fallbackNode = node.get("default");
        T fallback = fallbackNode == null ? null : convert.apply(path + ".default", fallbackNode);
        return new Table<>(field, values, fallback);
    }

    private List<CategoryRule> categoryRules(Reader r, @Nullable JsonNode node) {
        if (node == null) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        List<CategoryRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "categories[" + i + "]";
            JsonNode item = items.get(i);
            if (item.isString()) {
                rules.add(new CategoryRule(List.of(), FieldRef.field(item.asString()), null));
                continue;
            }
            if (!item.isObject()) {
                r.problem(path, "must be a field name or an object with field and values, or codes");
                continue;
            }
            for (Iterator<String> names = item.propertyNames().iterator(); names.hasNext(); ) {
                String key = names.next();
                if (!List.of("field", "values", "codes").contains(key)) {
                    r.problem(path + "." + key, "is not a key here; use field and values, or codes");
                }
            }
            List<String> codes = item.has("codes") ? codes(r, path + ".codes", item.get("codes")) : List.of();
            FieldRef field = item.has("field") ? fieldRef(r, path + ".field", item.get("field")) : null;
            Map<String, List<String>> values = null;
            if (item.has("values")) {
                values = new HashMap<>();
                if (!item.get("values").isObject()) {
                    r.problem(path + ".values", "must map source values to category codes");
                } else {
                    for (var entry : item.get("values").properties()) {
                        values.put(entry.getKey().toLowerCase(Locale.ROOT), codes(r, path + ".values." + entry.getKey(), entry.getValue()));
                    }
                }
            }
            if (field == null && codes.isEmpty()) {
                r.problem(path, "needs a field or codes");
            }
            rules.add(new CategoryRule(codes, field, values));
        }
        return rules;
    }

    private List<String> codes(Reader r, String path, JsonNode node) {
        List<String> codes = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        for (JsonNode item : items) {
            String code = item.asString("");
            if (!CategoryLabel.CODE.matcher(code).matches() || !knownCategories.contains(code)) {
                r.problem(path, "'" + code + "' is not a known help category code");
            } else {
                codes.add(code);
            }
        }
        return codes;
    }

    /** Reads keys of the mapping, collecting problems with their path. */
    private static final class Reader {

        private final JsonNode root;
        private final Problems problems;

        Reader(JsonNode root, Problems problems) {
            this.root = root;
            this.problems = problems;
        }

        boolean has(String key) {
            return root.has(key);
        }

        void problem(String path, String reason) {
            problems.add("mapping " + path, reason);
        }

        @Nullable String text(String key, boolean required) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                if (required) {
                    problem(key, "is required");
                }
                return null;
            }
            if (!node.isString() || node.asString().isBlank()) {
                problem(key, "must be text");
                return null;
            }
            return node.asString().strip();
        }

        @Nullable FieldRef field(String key) {
            JsonNode node = root.get(key);
            return node == null || node.isNull() ? null : fieldRef(this, key, node);
        }

        int integer(String key, int fallback, int min, int max) {
            JsonNode node = root.get(key);
            if (node == null) {
                return fallback;
            }
            if (!node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
                problem(key, "must be a whole number from " + min + " to " + max);
                return fallback;
            }
            return node.asInt();
        }
    }
}
