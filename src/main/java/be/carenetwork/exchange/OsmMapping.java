package be.carenetwork.exchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * The built-in mapping of OpenStreetMap tags to actors, for GeoJSON exports of OSM (overpass, osmium, QGIS) and CSV
 * files with OSM tags as columns and {@code lon}/{@code lat}:
 * <ul>
 * <li>kind and help categories from {@code amenity}, {@code healthcare}, {@code healthcare:speciality},
 * {@code social_facility} (see the tables below and docs/exchange.md);</li>
 * <li>target groups from {@code social_facility:for} and {@code community_centre:for};</li>
 * <li>languages from {@code language:xx=yes|main} and {@code school:language};</li>
 * <li>wheelchair from {@code wheelchair}; opening hours from {@code opening_hours}, kept as written;</li>
 * <li>phone, e-mail and website from {@code contact:*} or the plain tags, the first of a {@code ;} list;</li>
 * <li>the id from the feature's id, {@code @id}, {@code osm_type}/{@code osm_id}, or {@code _tile_fid}.</li>
 * </ul>
 * OpenStreetMap data is public: actors are public and so are their contact details.
 */
final class OsmMapping implements ActorMapping {

    static final String SOURCE = "osm";
    static final String ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0";
    static final int RADIUS_METRES = 3000;
    static final int MAX_ACTIVE = 10;

    /** What a tag value says about a place: its kind, what help it offers, and what to call it without a name. */
    private record Type(ActorKind kind, List<String> categories, String nameFr, String nameNl) {
    }

    private static Type type(ActorKind kind, String nameFr, String nameNl, String... categories) {
        return new Type(kind, List.of(categories), nameFr, nameNl);
    }

    private static final Map<String, Type> AMENITY = Map.ofEntries(
            Map.entry("pharmacy", type(ActorKind.ORGANISATION, "Pharmacie", "Apotheek", "pharmacy")),
            Map.entry("clinic", type(ActorKind.ORGANISATION, "Centre médical", "Medisch centrum", "general_practice")),
            Map.entry("doctors", type(ActorKind.PROFESSIONAL, "Médecin", "Arts", "general_practice")),
            Map.entry("dentist", type(ActorKind.PROFESSIONAL, "Dentiste", "Tandarts", "dental_care")),
            Map.entry("hospital", type(ActorKind.ORGANISATION, "Hôpital", "Ziekenhuis", "hospital_care")),
            Map.entry("nursing_home", type(ActorKind.ORGANISATION, "Maison de repos", "Woonzorgcentrum", "health_care")),
            Map.entry("social_facility", type(ActorKind.ORGANISATION, "Service social", "Sociale dienst", "general_social_work")),
            Map.entry("social_centre", type(ActorKind.ORGANISATION, "Centre social", "Sociaal centrum", "community_activities", "social_contact")),
            Map.entry("community_centre", type(ActorKind.ORGANISATION, "Maison de quartier", "Buurthuis", "community_activities", "social_contact")),
            Map.entry("kindergarten", type(ActorKind.SCHOOL, "École maternelle", "Kleuterschool", "childcare")),
            Map.entry("childcare", type(ActorKind.ORGANISATION, "Crèche", "Kinderopvang", "childcare")),
            Map.entry("school", type(ActorKind.SCHOOL, "École", "School")),
            Map.entry("library", type(ActorKind.ORGANISATION, "Bibliothèque", "Bibliotheek", "community_activities")),
            Map.entry("townhall", type(ActorKind.ORGANISATION, "Maison communale", "Gemeentehuis")),
            Map.entry("police", type(ActorKind.ORGANISATION, "Police", "Politie")),
            Map.entry("post_office", type(ActorKind.ORGANISATION, "Bureau de poste", "Postkantoor")),
            Map.entry("courthouse", type(ActorKind.ORGANISATION, "Palais de justice", "Gerechtsgebouw")),
            Map.entry("fire_station", type(ActorKind.ORGANISATION, "Caserne de pompiers", "Brandweerkazerne")),
            Map.entry("restaurant", type(ActorKind.SHOP, "Restaurant", "Restaurant")),
            Map.entry("cafe", type(ActorKind.SHOP, "Café", "Café")),
            Map.entry("fast_food", type(ActorKind.SHOP, "Snack", "Snackbar")),
            Map.entry("bar", type(ActorKind.SHOP, "Bar", "Bar")),
            Map.entry("pub", type(ActorKind.SHOP, "Café", "Café")),
            Map.entry("ice_cream", type(ActorKind.SHOP, "Glacier", "IJssalon")));

    private static final Map<String, Type> HEALTHCARE = Map.ofEntries(
            Map.entry("pharmacy", type(ActorKind.ORGANISATION, "Pharmacie", "Apotheek", "pharmacy")),
            Map.entry("clinic", type(ActorKind.ORGANISATION, "Centre médical", "Medisch centrum", "general_practice")),
            Map.entry("doctor", type(ActorKind.PROFESSIONAL, "Médecin", "Arts", "general_practice")),
            Map.entry("dentist", type(ActorKind.PROFESSIONAL, "Dentiste", "Tandarts", "dental_care")),
            Map.entry("hospital", type(ActorKind.ORGANISATION, "Hôpital", "Ziekenhuis", "hospital_care")),
            Map.entry("physiotherapist", type(ActorKind.PROFESSIONAL, "Kinésithérapeute", "Kinesitherapeut", "physiotherapy")),
            Map.entry("rehabilitation", type(ActorKind.ORGANISATION, "Centre de revalidation", "Revalidatiecentrum", "physiotherapy")),
            Map.entry("psychotherapist", type(ActorKind.PROFESSIONAL, "Psychothérapeute", "Psychotherapeut", "mental_health")),
            Map.entry("counselling", type(ActorKind.ORGANISATION, "Centre de consultation", "Consultatiecentrum", "mental_health")),
            Map.entry("nurse", type(ActorKind.PROFESSIONAL, "Infirmier", "Verpleegkundige", "home_nursing")),
            Map.entry("hospice", type(ActorKind.ORGANISATION, "Soins palliatifs", "Palliatieve zorg", "palliative_care")),
            Map.entry("dialysis", type(ActorKind.ORGANISATION, "Centre de dialyse", "Dialysecentrum", "hospital_care")),
            Map.entry("centre", type(ActorKind.ORGANISATION, "Centre de santé", "Gezondheidscentrum", "health_care")),
            Map.entry("laboratory", type(ActorKind.ORGANISATION, "Laboratoire", "Laboratorium", "health_care")),
            Map.entry("medical_imaging", type(ActorKind.ORGANISATION, "Imagerie médicale", "Medische beeldvorming", "health_care")),
            Map.entry("speech_therapist", type(ActorKind.PROFESSIONAL, "Logopède", "Logopedist", "health_care")),
            Map.entry("occupational_therapist", type(ActorKind.PROFESSIONAL, "Ergothérapeute", "Ergotherapeut", "health_care")),
            Map.entry("podiatrist", type(ActorKind.PROFESSIONAL, "Podologue", "Podoloog", "health_care")),
            Map.entry("midwife", type(ActorKind.PROFESSIONAL, "Sage-femme", "Vroedvrouw", "health_care")),
            Map.entry("optometrist", type(ActorKind.PROFESSIONAL, "Optométriste", "Optometrist", "health_care")),
            Map.entry("audiologist", type(ActorKind.PROFESSIONAL, "Audiologue", "Audioloog", "health_care")));

    private static final Map<String, List<String>> SPECIALITY = Map.of(
            "general", List.of("general_practice"),
            "psychiatry", List.of("mental_health"),
            "psychology", List.of("mental_health"),
            "dentistry", List.of("dental_care"),
            "physiotherapy", List.of("physiotherapy"),
            "palliative", List.of("palliative_care"),
            "addiction", List.of("addiction_help"),
            "geriatrics", List.of("health_care"));

    private static final Map<String, List<String>> SOCIAL_FACILITY = Map.of(
            "food_bank", List.of("food_aid"),
            "soup_kitchen", List.of("food_aid", "meals"),
            "shelter", List.of("housing_help"),
            "outreach", List.of("general_social_work"),
            "group_home", List.of("home_care"),
            "assisted_living", List.of("home_care"),
            "nursing_home", List.of("health_care"),
            "day_care", List.of("day_care"),
            "ambulatory_care", List.of("home_nursing"),
            "healthcare", List.of("health_care"));

    private static final Map<String, String> TARGET_GROUPS = Map.ofEntries(
            Map.entry("senior", "older people"), Map.entry("elderly", "older people"), Map.entry("child", "children"),
            Map.entry("juvenile", "young people"), Map.entry("youth", "young people"), Map.entry("homeless", "homeless people"),
            Map.entry("disabled", "people with disabilities"), Map.entry("mental_health", "people with mental health problems"),
            Map.entry("migrant", "migrants"), Map.entry("refugee", "refugees"), Map.entry("low_income", "people on low income"),
            Map.entry("underprivileged", "people in poverty"), Map.entry("drug_addicted", "people with addictions"),
            Map.entry("abused", "victims of abuse"), Map.entry("unemployed", "job seekers"),
            Map.entry("diseased", "people who are ill"), Map.entry("woman", "women"), Map.entry("family", "families"));

    private static final List<String> LANGUAGE_YES = List.of("yes", "main", "primary");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern SCHEME = Pattern.compile("(?i)https?://.*");

    private final String source;
    private final String attribution;
    private final @Nullable Crs crs;

    OsmMapping(@Nullable String source, @Nullable String attribution, @Nullable Crs crs) {
        this.source = source == null ? SOURCE : source;
        this.attribution = attribution == null ? ATTRIBUTION : attribution;
        this.crs = crs;
    }

    @Override
    public @Nullable Crs crs() {
        return crs;
    }

    @Override
    public @Nullable ActorDraft map(SourceRecord record, Problems problems) {
        String id = id(record);
        if (id == null) {
            problems.add(record.where(), "has no id: the OpenStreetMap mapping needs the feature's id, or a property "
                    + "@id, osm_id (with osm_type) or _tile_fid, so that importing again updates in place");
            return null;
        }
        Double[] xy = Coordinates.of(record, List.of("lon", "longitude", "@lon", "x"), List.of("lat", "latitude", "@lat", "y"), problems);
        if (xy == null) {
            return null;
        }
        String amenity = value(record, "amenity");
        String healthcare = value(record, "healthcare");
        Type amenityType = amenity == null ? null : AMENITY.get(amenity);
        Set<String> categories = new LinkedHashSet<>();
        Type first = amenityType;
        if (amenityType != null) {
            categories.addAll(amenityType.categories());
        }
        for (String care : list(record.get("healthcare"))) {
            Type careType = HEALTHCARE.get(care);
            if (careType != null) {
                categories.addAll(careType.categories());
                first = first == null ? careType : first;
            }
        }
        for (String speciality : list(record.get("healthcare:speciality"))) {
            categories.addAll(SPECIALITY.getOrDefault(speciality, List.of()));
        }
        if ("social_facility".equals(amenity) || record.get("social_facility") != null) {
            List<String> facilities = list(record.get("social_facility"));
            List<String> social = facilities.stream().flatMap(f -> SOCIAL_FACILITY.getOrDefault(f, List.of()).stream()).toList();
            if (!social.isEmpty()) {
                categories.remove("general_social_work");
                categories.addAll(social);
            } else if ("social_facility".equals(amenity)) {
                categories.add("general_social_work");
            }
        }
        ActorKind kind = first != null ? first.kind()
                : record.get("shop") != null || record.get("craft") != null || isFood(amenity) ? ActorKind.SHOP
                : ActorKind.ORGANISATION;
        List<String> targetGroups = new ArrayList<>();
        if (kind == ActorKind.SCHOOL) {
            targetGroups.add("children");
        }
        for (String key : List.of("social_facility:for", "community_centre:for")) {
            for (String group : list(record.get(key))) {
                String named = TARGET_GROUPS.getOrDefault(group, group.replace('_', ' '));
                if (!targetGroups.contains(named)) {
                    targetGroups.add(named);
                }
            }
        }
        String name = firstOf(record, "name", "name:fr", "name:nl", "official_name", "brand", "operator");
        if (name == null) {
            name = fallbackName(first, amenity, healthcare, record);
        }
        return new ActorDraft(source, id, xy[0], xy[1], name, value(record, "name:fr"), value(record, "name:nl"),
                firstOf(record, "description", "description:fr", "description:nl", "description:en"), kind,
                address(record), languages(record), value(record, "opening_hours"), targetGroups,
                wheelchair(value(record, "wheelchair")), Visibility.PUBLIC,
                firstItem(firstOf(record, "contact:phone", "phone", "contact:mobile", "mobile")),
                firstItem(firstOf(record, "contact:email", "email")),
                website(firstItem(firstOf(record, "contact:website", "website", "url", "contact:url"))),
                true, List.copyOf(categories), RADIUS_METRES, MAX_ACTIVE, attribution);
    }

    /** The OpenStreetMap id ({@code node/123}), or the file's own feature id when it has no other. */
    static @Nullable String id(SourceRecord record) {
        String osmId = record.get("osm_id");
        if (osmId != null) {
            String type = record.get("osm_type");
            return type == null ? osmId : typeName(type) + "/" + osmId;
        }
        String at = record.get("@id");
        if (at != null) {
            return at;
        }
        if (record.featureId() != null) {
            return record.featureId();
        }
        String tileFid = record.get("_tile_fid");
        return tileFid == null ? null : "tile/" + tileFid;
    }

    private static String typeName(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "n" -> "node";
            case "w" -> "way";
            case "r" -> "relation";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    private static boolean isFood(@Nullable String amenity) {
        return amenity != null && List.of("restaurant", "cafe", "fast_food", "bar", "pub", "ice_cream", "food_court",
                "biergarten").contains(amenity);
    }

    private static String fallbackName(@Nullable Type type, @Nullable String amenity, @Nullable String healthcare,
                                       SourceRecord record) {
        if (type != null) {
            return type.nameFr().equals(type.nameNl()) ? type.nameFr() : type.nameFr() + " / " + type.nameNl();
        }
        for (String tag : new String[] {amenity, healthcare, record.get("shop"), record.get("craft"), record.get("tourism"),
                record.get("leisure")}) {
            if (tag != null) {
                String words = tag.replace('_', ' ').replace(';', ',');
                return Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
        }
        return "(no name in OpenStreetMap)";
    }

    static String wheelchair(@Nullable String value) {
        if (value == null) {
            return "UNKNOWN";
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "designated" -> "YES";
            case "limited" -> "LIMITED";
            case "no" -> "NO";
            default -> "UNKNOWN";
        };
    }

    private static List<String> languages(SourceRecord record) {
        Set<String> languages = new LinkedHashSet<>();
        record.fields().forEach((key, value) -> {
            if (key.startsWith("language:") && LANGUAGE_YES.contains(value.toLowerCase(Locale.ROOT))) {
                String code = key.substring("language:".length()).toLowerCase(Locale.ROOT);
                if (LANGUAGE.matcher(code).matches()) {
                    languages.add(code);
                }
            }
        });
        for (String code : list(record.get("school:language"))) {
            String lower = code.toLowerCase(Locale.ROOT);
            if (LANGUAGE.matcher(lower).matches()) {
                languages.add(lower);
            }
        }
        return List.copyOf(languages);
    }

    private static @Nullable String address(SourceRecord record) {
        String street = firstOf(record, "addr:street", "contact:street");
        String number = firstOf(record, "addr:housenumber", "contact:housenumber");
        String postcode = firstOf(record, "addr:postcode", "contact:postcode");
        String city = firstOf(record, "addr:city", "contact:city");
        String line1 = join(" ", street, street == null ? null : number);
        String line2 = join(" ", postcode, city);
        return join(", ", line1, line2);
    }

    static @Nullable String website(@Nullable String url) {
        if (url == null) {
            return null;
        }
        return SCHEME.matcher(url).matches() ? url : "https://" + url;
    }

    private static @Nullable String join(String separator, @Nullable String a, @Nullable String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + separator + b;
    }

    private static @Nullable String value(SourceRecord record, String key) {
        return record.get(key);
    }

    private static @Nullable String firstOf(SourceRecord record, String... keys) {
        for (String key : keys) {
            String value = record.get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The first of an OpenStreetMap list ({@code a;b}). */
    static @Nullable String firstItem(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String first = value.split(";")[0].strip();
        return first.isEmpty() ? null : first;
    }

    static List<String> list(@Nullable String value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
