package be.carenetwork.exchange.hsds;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import be.carenetwork.taxonomy.HelpCategory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds HSDS 3.0 objects from a public actor: one organization, offering one service, at one location. Help
 * categories are taxonomy terms of our taxonomy, linked through attributes; opening hours become weekly schedules
 * (local Brussels time), each carrying the original OpenStreetMap text in its description.
 */
final class HsdsObjects {

    static final String VERSION = "3.0";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern POSTCODE_CITY = Pattern.compile("^(.*?),?\\s*\\b(\\d{4})\\s+([^,]+)$");

    private final Map<String, HelpCategory> categories;
    private final String language;

    /** @param language fr, nl or en: the language of term names, municipality names and regions */
    HsdsObjects(List<HelpCategory> categories, String language) {
        this.categories = categories.stream().collect(Collectors.toMap(HelpCategory::code, Function.identity()));
        this.language = language;
    }

    /** A service: its one-to-one fields and organization, or (full) with everything nested. */
    ObjectNode service(ActorRow row, boolean full) {
        ObjectNode service = NODES.objectNode();
        service.put("id", row.key());
        service.put("organization_id", HsdsIds.organization(row.key()));
        service.put("name", row.name());
        putIfPresent(service, "description", row.description());
        putIfPresent(service, "url", uri(row.website()));
        putIfPresent(service, "email", email(row.email()));
        service.put("status", "active");
        putIfPresent(service, "last_modified", row.modifiedAt());
        if (full) {
            service.set("phones", phones(row));
            service.set("schedules", schedules(row, "service_id", row.key()));
            ArrayNode atLocations = service.putArray("service_at_locations");
            atLocations.add(serviceAtLocation(row, true, false));
            service.set("languages", languages(row));
            service.set("attributes", attributes(row));
        }
        service.set("organization", organization(row, false, false));
        return service;
    }

    /** An organization: its one-to-one fields, or (full) with phones, locations and services. */
    ObjectNode organization(ActorRow row, boolean full, boolean fullServices) {
        ObjectNode organization = NODES.objectNode();
        organization.put("id", HsdsIds.organization(row.key()));
        organization.put("name", row.name());
        organization.put("description", row.description() != null ? row.description() : row.name());
        putIfPresent(organization, "email", email(row.email()));
        putIfPresent(organization, "website", uri(row.website()));
        if (full) {
            organization.set("phones", phones(row));
            organization.putArray("locations").add(location(row, true));
            // Not in organization.json, but what the HSDS API's full organization carries (see its examples).
            ObjectNode service = fullServices ? service(row, true) : service(row, false);
            service.remove("organization");
            organization.putArray("services").add(service);
        }
        return organization;
    }

    /**
     * A service at a location: ids, location and service (one-to-one fields, as the list schema has them), or (full)
     * with the full location, schedules and service.
     *
     * @param withService whether to nest the service (not when the service itself holds this)
     */
    ObjectNode serviceAtLocation(ActorRow row, boolean full, boolean withService) {
        ObjectNode atLocation = NODES.objectNode();
        atLocation.put("id", HsdsIds.serviceAtLocation(row.key()));
        atLocation.put("service_id", row.key());
        atLocation.put("location_id", HsdsIds.location(row.key()));
        atLocation.set("location", location(row, full));
        if (withService) {
            ObjectNode service = service(row, full);
            if (full) {
                service.remove("service_at_locations");
            }
            atLocation.set("service", service);
        }
        return atLocation;
    }

    ObjectNode location(ActorRow row, boolean full) {
        String key = row.key();
        ObjectNode location = NODES.objectNode();
        location.put("id", HsdsIds.location(key));
        location.put("location_type", "physical");
        location.put("organization_id", HsdsIds.organization(key));
        location.put("name", row.name());
        location.put("latitude", row.lat());
        location.put("longitude", row.lon());
        if (full) {
            ArrayNode addresses = location.putArray("addresses");
            if (row.address() != null) {
                addresses.add(address(row));
            }
            ArrayNode accessibility = location.putArray("accessibility");
            String description = switch (row.wheelchair()) {
                case "YES" -> "Wheelchair accessible";
                case "LIMITED" -> "Partly wheelchair accessible";
                case "NO" -> "Not wheelchair accessible";
                default -> null;
            };
            if (description != null) {
                ObjectNode item = accessibility.addObject();
                item.put("id", HsdsIds.part(key, "accessibility"));
                item.put("location_id", HsdsIds.location(key));
                item.put("description", description);
                item.put("details", "wheelchair=" + row.wheelchair().toLowerCase(Locale.ROOT));
            }
        }
        return location;
    }

    private ObjectNode address(ActorRow row) {
        String key = row.key();
        String text = row.address();
        Matcher m = POSTCODE_CITY.matcher(text);
        String street = text;
        String postcode = "";
        String city = municipalityName(row);
        if (m.matches() && !m.group(1).isBlank()) {
            street = m.group(1).strip();
            postcode = m.group(2);
            city = m.group(3).strip();
        }
        ObjectNode address = NODES.objectNode();
        address.put("id", HsdsIds.part(key, "address"));
        address.put("location_id", HsdsIds.location(key));
        address.put("address_1", street);
        address.put("city", city);
        address.put("state_province", region(row));
        address.put("postal_code", postcode);
        address.put("country", "BE");
        address.put("address_type", "physical");
        return address;
    }

    private ArrayNode phones(ActorRow row) {
        ArrayNode phones = NODES.arrayNode();
        if (row.phone() != null) {
            ObjectNode phone = phones.addObject();
            phone.put("id", HsdsIds.part(row.key(), "phone"));
            phone.put("number", row.phone());
        }
        return phones;
    }

    private ArrayNode languages(ActorRow row) {
        ArrayNode languages = NODES.arrayNode();
        for (String code : row.languages()) {
            ObjectNode language = languages.addObject();
            language.put("id", HsdsIds.part(row.key(), "language:" + code));
            language.put("service_id", row.key());
            language.put("name", Locale.of(code).getDisplayLanguage(Locale.ENGLISH));
            language.put("code", code);
        }
        return languages;
    }

    /** Weekly schedules from the actor's open slots; a text-only one when the hours were not understood. */
    ArrayNode schedules(ActorRow row, String linkField, String linkId) {
        ArrayNode schedules = NODES.arrayNode();
        if (row.openingHours() == null) {
            return schedules;
        }
        if (row.openSlots() == null) {
            ObjectNode schedule = schedules.addObject();
            schedule.put("id", HsdsIds.part(row.key(), "schedule:0"));
            schedule.put(linkField, linkId);
            schedule.put("description", row.openingHours());
            return schedules;
        }
        int index = 0;
        for (WeekHours.DayGroup group : WeekHours.ofSlots(row.openSlots()).groups()) {
            for (WeekHours.Interval interval : group.intervals()) {
                ObjectNode schedule = schedules.addObject();
                schedule.put("id", HsdsIds.part(row.key(), "schedule:" + index++));
                schedule.put(linkField, linkId);
                schedule.put("freq", "WEEKLY");
                schedule.put("byday", group.byday());
                schedule.put("opens_at", interval.opensAt());
                schedule.put("closes_at", interval.closesAt());
                schedule.put("description", row.openingHours());
                schedule.put("notes", "Local time in Brussels (Europe/Brussels)");
            }
        }
        return schedules;
    }

    private ArrayNode attributes(ActorRow row) {
        ArrayNode attributes = NODES.arrayNode();
        for (String code : row.categories()) {
            HelpCategory category = categories.get(code);
            if (category == null) {
                continue;
            }
            ObjectNode attribute = attributes.addObject();
            attribute.put("id", HsdsIds.part(row.key(), "attribute:" + code));
            attribute.put("link_id", row.key());
            attribute.put("link_type", "help_category");
            attribute.put("link_entity", "service");
            attribute.put("taxonomy_term_id", HsdsIds.term(code));
            attribute.put("value", code);
            attribute.set("taxonomy_term", term(category));
        }
        return attributes;
    }

    static ObjectNode taxonomy() {
        ObjectNode taxonomy = NODES.objectNode();
        taxonomy.put("id", HsdsIds.TAXONOMY);
        taxonomy.put("name", HsdsIds.TAXONOMY_NAME);
        taxonomy.put("description", "The help categories of the neighbourhood care network directory: a shared language "
                + "of health and social workers and neighbours, in French, Dutch and English, as a tree of broader and "
                + "narrower categories. The term code is the category code.");
        taxonomy.put("version", "1");
        return taxonomy;
    }

    ObjectNode term(HelpCategory category) {
        ObjectNode term = NODES.objectNode();
        term.put("id", HsdsIds.term(category.code()));
        term.put("code", category.code());
        term.put("name", category.label(Locale.of(language)));
        term.put("description", "fr: " + category.labelFr() + "; nl: " + category.labelNl() + "; en: " + category.labelEn()
                + " (sector " + category.sector() + ")");
        if (category.broader() != null) {
            term.put("parent_id", HsdsIds.term(category.broader()));
        }
        term.put("taxonomy", HsdsIds.TAXONOMY_NAME);
        term.put("taxonomy_id", HsdsIds.TAXONOMY);
        term.set("taxonomy_detail", taxonomy());
        term.put("language", switch (language) {
            case "fr" -> "fra";
            case "nl" -> "nld";
            default -> "eng";
        });
        return term;
    }

    private String municipalityName(ActorRow row) {
        if (row.municipality() == null) {
            return "";
        }
        return language.equals("nl") ? row.municipality().nameNl() : row.municipality().nameFr();
    }

    /** The region (Belgium has no states or provinces in Brussels): from the municipality's NIS code. */
    private String region(ActorRow row) {
        if (row.municipality() == null) {
            return "";
        }
        String nis = row.municipality().code();
        int province = nis.length() < 2 ? 0 : Integer.parseInt(nis.substring(0, 2).replaceAll("\\D", "0"));
        if (province == 21) {
            return switch (language) {
                case "fr" -> "Région de Bruxelles-Capitale";
                case "nl" -> "Brussels Hoofdstedelijk Gewest";
                default -> "Brussels-Capital Region";
            };
        }
        boolean flemish = nis.startsWith("1") || nis.startsWith("3") || nis.startsWith("4") || nis.startsWith("7")
                || province == 23 || province == 24;
        if (flemish) {
            return switch (language) {
                case "fr" -> "Région flamande";
                case "nl" -> "Vlaams Gewest";
                default -> "Flemish Region";
            };
        }
        return switch (language) {
            case "fr" -> "Région wallonne";
            case "nl" -> "Waals Gewest";
            default -> "Walloon Region";
        };
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    /** A website only when it is a well-formed absolute http(s) URI: what HSDS's {@code format: uri} asks. */
    static @Nullable String uri(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    ? url : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    static @Nullable String email(@Nullable String email) {
        return email != null && EMAIL.matcher(email).matches() ? email : null;
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
