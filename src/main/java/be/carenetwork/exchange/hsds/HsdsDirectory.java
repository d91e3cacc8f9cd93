package be.carenetwork.exchange.hsds;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import be.carenetwork.exchange.ExchangeProperties;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.taxonomy.HelpCategories;
import be.carenetwork.taxonomy.HelpCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The directory as Open Referral HSDS 3.0 presents it: pages in the spec's wrapper, single objects, and streams of
 * every result as NDJSON. Only public actors, with only the contact details they made public.
 */
@Service
public class HsdsDirectory {

    public static final int MAX_PER_PAGE = 200;
    public static final int MAX_PER_PAGE_MINIMAL = 10_000;
    private static final Pattern POSTCODE = Pattern.compile("[A-Za-z0-9 -]{2,10}");

    private final HsdsRows rows;
    private final HelpCategories categories;
    private final ObjectMapper json;
    private final ExchangeProperties properties;

    HsdsDirectory(HsdsRows rows, HelpCategories categories, ObjectMapper json, ExchangeProperties properties) {
        this.rows = rows;
        this.categories = categories;
        this.json = json;
        this.properties = properties;
    }

    /** What the list endpoints of services and service_at_locations accept, as strings from the request. */
    public record Filters(@Nullable String search, @Nullable String taxonomyTermId, @Nullable String taxonomyId,
                          @Nullable String organizationId, @Nullable String modifiedAfter, @Nullable String postcode,
                          @Nullable String proximity, @Nullable Double lat, @Nullable Double lon) {

        public static Filters none() {
            return new Filters(null, null, null, null, null, null, null, null, null);
        }
    }

    /** What a list is made of. */
    public enum Kind { SERVICES, ORGANIZATIONS, SERVICE_AT_LOCATIONS }

    /** How much of each object: minimal (services: id and last_modified), list (one-to-one fields), full (nested). */
    public enum Depth { MINIMAL, LIST, FULL, FULL_WITH_SERVICES }

    public ObjectNode meta(String baseUrl) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("version", HsdsObjects.VERSION);
        meta.put("openapi_url", "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json");
        meta.put("profile", baseUrl + "/docs/exchange.md");
        return meta;
    }

    public ObjectNode page(Kind kind, Depth depth, Filters filters, int page, int perPage, String language) {
        checkPage(page, perPage, depth == Depth.MINIMAL ? MAX_PER_PAGE_MINIMAL : MAX_PER_PAGE);
        HsdsQuery query = query(filters, language);
        HsdsRows.Page found = rows.page(query, (long) (page - 1) * perPage, perPage);
        HsdsObjects objects = new HsdsObjects(categories.all(), language);
        ArrayNode contents = JsonNodeFactory.instance.arrayNode();
        found.rows().forEach(row -> contents.add(object(kind, depth, row, objects)));
        return wrapper(found.total(), page, perPage, contents);
    }

    /** Every result, one JSON object a line, read from the graph a batch at a time. */
    public void stream(Kind kind, Depth depth, Filters filters, String language, OutputStream out) {
        HsdsQuery query = query(filters, language);
        HsdsObjects objects = new HsdsObjects(categories.all(), language);
        rows.each(query, properties.batchSize(), row -> writeLine(out, object(kind, depth, row, objects)));
    }

    public ObjectNode service(String id, String language) {
        return new HsdsObjects(categories.all(), language).service(actor(id, Function.identity(), "service"), true);
    }

    public ObjectNode organization(String id, boolean fullServices, String language) {
        return new HsdsObjects(categories.all(), language)
                .organization(actor(id, HsdsIds::fromOrganization, "organization"), true, fullServices);
    }

    public ObjectNode serviceAtLocation(String id, String language) {
        return new HsdsObjects(categories.all(), language)
                .serviceAtLocation(actor(id, HsdsIds::fromServiceAtLocation, "service_at_location"), true, true);
    }

    public ObjectNode taxonomies(@Nullable String search, int page, int perPage) {
        checkPage(page, perPage, MAX_PER_PAGE);
        ObjectNode taxonomy = HsdsObjects.taxonomy();
        boolean matches = search == null || (taxonomy.get("name").asString() + " " + taxonomy.get("description").asString())
                .toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
        ArrayNode contents = JsonNodeFactory.instance.arrayNode();
        if (matches && page == 1) {
            contents.add(taxonomy);
        }
        return wrapper(matches ? 1 : 0, page, perPage, contents);
    }

    public ObjectNode taxonomy(String id) {
        if (!HsdsIds.TAXONOMY.equals(id)) {
            throw new NotFoundException("taxonomy", id);
        }
        return HsdsObjects.taxonomy();
    }

    public List<ObjectNode> terms(@Nullable String search, @Nullable String taxonomyId, boolean topOnly,
                                  @Nullable String parentId, String language) {
        HsdsObjects objects = new HsdsObjects(categories.all(), language);
        return categories.all().stream()
                .filter(c -> taxonomyId == null || HsdsIds.TAXONOMY.equals(taxonomyId))
                .filter(c -> !topOnly || c.broader() == null)
                .filter(c -> parentId == null || (c.broader() != null && HsdsIds.term(c.broader()).equals(parentId)))
                .filter(c -> search == null || (c.code() + " " + c.labelFr() + " " + c.labelNl() + " " + c.labelEn())
                        .toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)))
                .map(objects::term)
                .toList();
    }

    public ObjectNode termPage(List<ObjectNode> terms, int page, int perPage) {
        checkPage(page, perPage, MAX_PER_PAGE);
        ArrayNode contents = JsonNodeFactory.instance.arrayNode();
        terms.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(contents::add);
        return wrapper(terms.size(), page, perPage, contents);
    }

    public ObjectNode term(String id, String language) {
        HsdsObjects objects = new HsdsObjects(categories.all(), language);
        return categories.all().stream().filter(c -> HsdsIds.term(c.code()).equals(id)).findFirst()
                .map(objects::term).orElseThrow(() -> new NotFoundException("taxonomy term", id));
    }

    public void writeLine(OutputStream out, ObjectNode node) {
        try {
            out.write(json.writeValueAsBytes(node));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ActorRow actor(String id, Function<String, String> toKey, String what) {
        String key;
        try {
            key = toKey.apply(id);
        } catch (IllegalArgumentException notUuid) {
            throw new NotFoundException(what, id);
        }
        ActorRow row = HsdsIds.isUuid(id) ? rows.one(key) : null;
        if (row == null) {
            throw new NotFoundException(what, id);
        }
        return row;
    }

    private ObjectNode object(Kind kind, Depth depth, ActorRow row, HsdsObjects objects) {
        boolean full = depth == Depth.FULL || depth == Depth.FULL_WITH_SERVICES;
        return switch (kind) {
            case SERVICES -> {
                if (depth == Depth.MINIMAL) {
                    ObjectNode minimal = JsonNodeFactory.instance.objectNode();
                    minimal.put("id", row.key());
                    if (row.modifiedAt() != null) {
                        minimal.put("last_modified", row.modifiedAt());
                    }
                    yield minimal;
                }
                yield objects.service(row, full);
            }
            case ORGANIZATIONS -> objects.organization(row, full, depth == Depth.FULL_WITH_SERVICES);
            case SERVICE_AT_LOCATIONS -> objects.serviceAtLocation(row, full, true);
        };
    }

    private static ObjectNode wrapper(long total, int page, int perPage, ArrayNode contents) {
        long pages = Math.max(1, (total + perPage - 1) / perPage);
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.put("total_items", total);
        wrapper.put("total_pages", pages);
        wrapper.put("page_number", page);
        wrapper.put("size", contents.size());
        wrapper.put("first_page", page == 1);
        wrapper.put("last_page", page >= pages);
        wrapper.put("empty", contents.isEmpty());
        wrapper.set("contents", contents);
        return wrapper;
    }

    private static void checkPage(int page, int perPage, int max) {
        if (page < 1) {
            throw new BadInputException("page", "must be 1 or more (pages are numbered from 1)");
        }
        if (perPage < 1 || perPage > max) {
            throw new BadInputException("per_page", "must be between 1 and " + max);
        }
    }

    /** Checks the filters and says what they mean in the graph. */
    HsdsQuery query(Filters f, String language) {
        Map<String, String> codesByTerm = new java.util.HashMap<>();
        categories.all().stream().map(HelpCategory::code).forEach(code -> codesByTerm.put(HsdsIds.term(code), code));
        boolean nothing = false;
        String category = null;
        if (f.taxonomyTermId() != null) {
            category = codesByTerm.get(f.taxonomyTermId());
            nothing = category == null;
        }
        boolean anyCategory = false;
        if (f.taxonomyId() != null) {
            anyCategory = HsdsIds.TAXONOMY.equals(f.taxonomyId());
            nothing |= !anyCategory;
        }
        String actorKey = null;
        if (f.organizationId() != null) {
            try {
                actorKey = HsdsIds.fromOrganization(f.organizationId());
            } catch (IllegalArgumentException e) {
                nothing = true;
            }
        }
        OffsetDateTime modifiedAfter = null;
        if (f.modifiedAfter() != null) {
            try {
                modifiedAfter = OffsetDateTime.parse(f.modifiedAfter());
            } catch (DateTimeParseException e) {
                try {
                    modifiedAfter = java.time.LocalDate.parse(f.modifiedAfter()).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    throw new BadInputException("modified_after", "must be an ISO 8601 date or date-time, such as 2026-01-31T00:00:00Z");
                }
            }
        }
        String postcodePattern = null;
        if (f.postcode() != null) {
            if (!POSTCODE.matcher(f.postcode()).matches()) {
                throw new BadInputException("postcode", "must be 2 to 10 letters, digits, spaces or hyphens");
            }
            postcodePattern = "(?s).*\\b" + Pattern.quote(f.postcode().strip()) + "\\b.*";
        }
        GeoPoint near = null;
        double distance = 0;
        if (f.proximity() != null) {
            try {
                distance = Double.parseDouble(f.proximity());
            } catch (NumberFormatException e) {
                throw new BadInputException("proximity", "must be a distance in metres");
            }
            GeoPoint.checkDistance("proximity", distance);
            if (f.lat() == null || f.lon() == null) {
                throw new BadInputException("proximity", "needs lat and lon for the centre (WGS84); this directory holds no "
                        + "postcode centroids");
            }
            near = new GeoPoint(f.lat(), f.lon());
        }
        String search = f.search() == null || f.search().isBlank() ? null : f.search();
        if (search != null && search.length() > 200) {
            throw new BadInputException("search", "must be at most 200 characters");
        }
        return new HsdsQuery(search, language, category, anyCategory, nothing, actorKey, modifiedAfter, near, distance,
                postcodePattern);
    }
}
