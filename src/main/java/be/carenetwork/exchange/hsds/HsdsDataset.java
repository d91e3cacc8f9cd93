package be.carenetwork.exchange.hsds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.OpeningHours;
import be.carenetwork.directory.Visibility;
import be.carenetwork.exchange.ActorDraft;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads an Open Referral HSDS 3.0 dataset as actor drafts: each service at a located place becomes one actor (its id
 * {@code hsds:<service_at_location id>}). Accepted shapes: a service, an organization (with its services and
 * locations), a service_at_location, an array of these, a paged response ({@code contents}), or NDJSON (one per line,
 * as {@code /hsds/services?format=ndjson&full=true} writes). What we model is kept: names, descriptions, position,
 * address, languages, phones, e-mail, website, weekly schedules (as opening hours), wheelchair access, and help
 * categories from taxonomy terms of our taxonomy.
 */
public final class HsdsDataset {

    public static final String SOURCE = "hsds";
    public static final String NOT_OUR_TAXONOMY = "taxonomy terms of other taxonomies (not imported)";
    public static final String SCHEDULES_NOT_WEEKLY = "schedules that are not weekly opening times (not imported)";

    private static final Map<String, String> ISO3_TO_ISO2 = iso3();

    /**
     * @param where where it is in the file, for problems
     * @param draft the actor, or null when there is none
     * @param problem why there is none
     */
    public record Item(String where, @Nullable ActorDraft draft, @Nullable String problem) {
    }

    /** @param notes counts of things read but not imported */
    public record Read(List<Item> items, Map<String, Integer> notes) {
    }

    /** Thrown for a file that is not JSON at all. */
    public static final class NotJson extends RuntimeException {

        private final String where;

        NotJson(String where, String reason) {
            super(reason);
            this.where = where;
        }

        public String where() {
            return where;
        }
    }

    private final Set<String> knownCategories;
    private final Map<String, String> termIds = new HashMap<>();
    private final @Nullable String attribution;
    private final String source;
    private final Map<String, Integer> notes = new LinkedHashMap<>();
    private final List<Item> items = new ArrayList<>();

    private HsdsDataset(Set<String> knownCategories, @Nullable String source, @Nullable String attribution) {
        this.knownCategories = knownCategories;
        knownCategories.forEach(code -> termIds.put(HsdsIds.term(code), code));
        this.source = source == null ? SOURCE : source;
        this.attribution = attribution;
    }

    public static Read read(String text, ObjectMapper json, Set<String> knownCategories, @Nullable String source,
                            @Nullable String attribution) {
        HsdsDataset dataset = new HsdsDataset(knownCategories, source, attribution);
        try (JsonParser parser = json.createParser(text)) {
            int roots = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode root = (JsonNode) parser.readValueAsTree();
                roots++;
                if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
                    throw new NotJson("line " + line, "is not an HSDS object or array");
                }
                dataset.root(root, "line " + line);
            }
            if (roots == 0) {
                throw new NotJson("file", "is empty");
            }
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new NotJson(at == null ? "file" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "is not valid JSON: " + e.getOriginalMessage());
        }
        return new Read(List.copyOf(dataset.items), Map.copyOf(dataset.notes));
    }

    private void root(JsonNode root, String where) {
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                item(root.get(i), where + ", item " + (i + 1));
            }
        } else if (root.has("contents") && root.get("contents").isArray()) {
            JsonNode contents = root.get("contents");
            for (int i = 0; i < contents.size(); i++) {
                item(contents.get(i), where + ", contents item " + (i + 1));
            }
        } else {
            item(root, where);
        }
    }

    private void item(JsonNode item, String where) {
        if (!item.isObject()) {
            items.add(new Item(where, null, "is not an HSDS object"));
        } else if (item.has("service_at_locations") || item.has("status")) {
            JsonNode organization = item.get("organization");
            service(item, organization != null && organization.isObject() ? organization : null, Map.of(), where);
        } else if (item.has("location") && (item.has("service") || item.has("service_id"))) {
            JsonNode service = item.path("service");
            if (!service.isObject()) {
                items.add(new Item(where, null, "is a service_at_location without its service"));
            } else {
                JsonNode organization = service.get("organization");
                draft(service, organization != null && organization.isObject() ? organization : null, item,
                        item.get("location"), where);
            }
        } else if (item.has("services") || item.has("locations")) {
            organization(item, where);
        } else {
            items.add(new Item(where, null, "is not an HSDS service, organization or service_at_location"));
        }
    }

    private void organization(JsonNode organization, String where) {
        Map<String, JsonNode> locations = new HashMap<>();
        organization.path("locations").forEach(location -> {
            String id = text(location, "id");
            if (id != null) {
                locations.put(id, location);
            }
        });
        JsonNode services = organization.path("services");
        if (services.isArray() && !services.isEmpty()) {
            for (int i = 0; i < services.size(); i++) {
                service(services.get(i), organization, locations, where + " services[" + i + "]");
            }
            return;
        }
        // An organization without services: each of its located places is an actor.
        if (locations.isEmpty()) {
            items.add(new Item(where, null, "is an organization with neither services nor locations"));
        }
        int i = 0;
        for (JsonNode location : organization.path("locations")) {
            draft(organization, organization, null, location, where + " locations[" + i++ + "]");
        }
    }

    private void service(JsonNode service, @Nullable JsonNode organization, Map<String, JsonNode> locations, String where) {
        String named = where + (text(service, "id") == null ? "" : " (service " + text(service, "id") + ")");
        JsonNode atLocations = service.path("service_at_locations");
        int made = 0;
        for (int i = 0; i < atLocations.size(); i++) {
            JsonNode atLocation = atLocations.get(i);
            JsonNode location = atLocation.get("location");
            if ((location == null || !location.isObject()) && text(atLocation, "location_id") != null) {
                location = locations.get(text(atLocation, "location_id"));
            }
            if (location != null && location.isObject()) {
                draft(service, organization, atLocation, location, named + " service_at_locations[" + i + "]");
                made++;
            }
        }
        if (made == 0) {
            items.add(new Item(named, null, "has no service_at_locations with a location, so no place to put it on the map"));
        }
    }

    private void draft(JsonNode service, @Nullable JsonNode organization, @Nullable JsonNode atLocation, JsonNode location,
                       String where) {
        boolean organizationOnly = atLocation == null;
        String sourceId = organizationOnly ? text(location, "id") : text(atLocation, "id");
        if (sourceId == null) {
            items.add(new Item(where, null, organizationOnly ? "location has no id" : "service_at_location has no id"));
            return;
        }
        String name = text(service, "name");
        if (name == null) {
            items.add(new Item(where, null, "has no name"));
            return;
        }
        JsonNode latitude = location.get("latitude");
        JsonNode longitude = location.get("longitude");
        if (latitude == null || longitude == null || !latitude.isNumber() || !longitude.isNumber()) {
            items.add(new Item(where, null, "location " + (text(location, "id") == null ? "" : text(location, "id") + " ")
                    + "has no latitude and longitude"));
            return;
        }
        if (Math.abs(latitude.doubleValue()) > 90 || Math.abs(longitude.doubleValue()) > 180) {
            items.add(new Item(where, null, "location.latitude " + latitude.asString() + " / longitude " + longitude.asString()
                    + " are outside latitude -90..90 / longitude -180..180"));
            return;
        }
        List<String> categories = new ArrayList<>();
        String problem = categories(service, categories);
        if (problem != null) {
            items.add(new Item(where, null, problem));
            return;
        }
        String description = text(service, "description");
        if (description == null && atLocation != null) {
            description = text(atLocation, "description");
        }
        if (description == null && organization != null && organization != service) {
            description = text(organization, "description");
        }
        ActorDraft draft = new ActorDraft(source, sourceId, longitude.doubleValue(), latitude.doubleValue(), name, null, null,
                description, organizationOnly ? ActorKind.ORGANISATION : ActorKind.SERVICE, address(location),
                languages(service, location), openingHours(service, atLocation, location), List.of(),
                wheelchair(location), Visibility.PUBLIC,
                phone(service, atLocation, location, organization),
                firstNonNull(text(service, "email"), organization == null ? null : text(organization, "email")),
                firstNonNull(text(service, "url"), organization == null ? null : text(organization, "website")),
                true, categories, 3000, 10, attribution);
        items.add(new Item(where, draft, null));
    }

    /** Adds the codes of our taxonomy's terms; a problem when a term of ours has a code we do not know. */
    private @Nullable String categories(JsonNode service, List<String> categories) {
        for (JsonNode attribute : service.path("attributes")) {
            JsonNode term = attribute.get("taxonomy_term");
            String termId = text(attribute, "taxonomy_term_id");
            String code = null;
            boolean ours;
            if (term != null && term.isObject()) {
                String taxonomyId = text(term, "taxonomy_id");
                String taxonomy = text(term, "taxonomy");
                ours = HsdsIds.TAXONOMY.equals(taxonomyId) || HsdsIds.TAXONOMY_NAME.equals(taxonomy)
                        || termIds.containsKey(text(term, "id"));
                code = text(term, "code");
                if (ours && (code == null || !knownCategories.contains(code))) {
                    return "attributes: taxonomy term '" + (code == null ? text(term, "name") : code)
                            + "' is not a known help category code";
                }
            } else {
                ours = termId != null && termIds.containsKey(termId);
                code = ours ? termIds.get(termId) : null;
            }
            if (ours && code != null) {
                if (!categories.contains(code)) {
                    categories.add(code);
                }
            } else if (term != null || termId != null) {
                notes.merge(NOT_OUR_TAXONOMY, 1, Integer::sum);
            }
        }
        return null;
    }

    private static @Nullable String address(JsonNode location) {
        JsonNode chosen = null;
        for (JsonNode address : location.path("addresses")) {
            if (chosen == null || "physical".equals(text(address, "address_type"))) {
                chosen = address;
            }
        }
        if (chosen == null) {
            return null;
        }
        String line1 = join(", ", text(chosen, "address_1"), text(chosen, "address_2"));
        String line2 = join(" ", text(chosen, "postal_code"), text(chosen, "city"));
        return join(", ", line1, line2);
    }

    private static List<String> languages(JsonNode service, JsonNode location) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode holder : List.of(service, location)) {
            for (JsonNode language : holder.path("languages")) {
                String code = text(language, "code");
                if (code != null) {
                    String lower = code.toLowerCase(Locale.ROOT).split("[-_]")[0];
                    codes.add(ISO3_TO_ISO2.getOrDefault(lower, lower));
                }
            }
        }
        return List.copyOf(codes);
    }

    /**
     * Opening hours from the schedules of the service at the location, else the service, else the location: the
     * OpenStreetMap text itself when every schedule's description holds the same valid one (what our export writes),
     * else built from the weekly schedules.
     */
    private @Nullable String openingHours(JsonNode service, @Nullable JsonNode atLocation, JsonNode location) {
        for (JsonNode holder : atLocation == null ? List.of(service, location) : List.of(atLocation, service, location)) {
            JsonNode schedules = holder.path("schedules");
            if (!schedules.isArray() || schedules.isEmpty()) {
                continue;
            }
            Set<String> descriptions = new LinkedHashSet<>();
            List<WeekHours.Schedule> weekly = new ArrayList<>();
            int notWeekly = 0;
            for (JsonNode schedule : schedules) {
                descriptions.add(String.valueOf(text(schedule, "description")));
                WeekHours.Schedule s = WeekHours.Schedule.of(text(schedule, "freq"), text(schedule, "byday"),
                        text(schedule, "opens_at"), text(schedule, "closes_at"));
                if (s != null) {
                    weekly.add(s);
                } else {
                    notWeekly++;
                }
            }
            if (descriptions.size() == 1 && OpeningHours.tryParse(descriptions.iterator().next()).isPresent()) {
                return descriptions.iterator().next();
            }
            if (notWeekly > 0) {
                notes.merge(SCHEDULES_NOT_WEEKLY, notWeekly, Integer::sum);
            }
            String built = WeekHours.ofSchedules(weekly).toOsm();
            if (built != null) {
                return built;
            }
        }
        return null;
    }

    /** What our export writes in accessibility details ({@code wheelchair=yes}); UNKNOWN otherwise. */
    private static String wheelchair(JsonNode location) {
        for (JsonNode accessibility : location.path("accessibility")) {
            String details = text(accessibility, "details");
            if (details != null && details.toLowerCase(Locale.ROOT).startsWith("wheelchair=")) {
                return switch (details.substring("wheelchair=".length()).toLowerCase(Locale.ROOT)) {
                    case "yes" -> "YES";
                    case "limited" -> "LIMITED";
                    case "no" -> "NO";
                    default -> "UNKNOWN";
                };
            }
        }
        return "UNKNOWN";
    }

    private static @Nullable String phone(JsonNode service, @Nullable JsonNode atLocation, JsonNode location,
                                          @Nullable JsonNode organization) {
        List<JsonNode> holders = new ArrayList<>();
        holders.add(service);
        if (atLocation != null) {
            holders.add(atLocation);
        }
        holders.add(location);
        if (organization != null) {
            holders.add(organization);
        }
        for (JsonNode holder : holders) {
            for (JsonNode phone : holder.path("phones")) {
                String number = text(phone, "number");
                if (number != null) {
                    // The official examples quote the number inside the string.
                    String bare = number.replace("\"", "").strip();
                    if (!bare.isEmpty()) {
                        return bare;
                    }
                }
            }
        }
        return null;
    }

    private static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

    private static @Nullable String join(String separator, @Nullable String a, @Nullable String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + separator + b;
    }

    private static Map<String, String> iso3() {
        Map<String, String> map = new HashMap<>();
        for (String iso2 : Locale.getISOLanguages()) {
            try {
                map.put(Locale.of(iso2).getISO3Language(), iso2);
            } catch (java.util.MissingResourceException ignored) {
                // No three-letter code known for it: two-letter codes still work.
            }
        }
        // Bibliographic codes that some lists use.
        map.put("fre", "fr");
        map.put("dut", "nl");
        map.put("ger", "de");
        return Map.copyOf(map);
    }
}
