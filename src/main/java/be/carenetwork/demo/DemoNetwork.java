package be.carenetwork.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.NeedInput;
import be.carenetwork.directory.NeedStatus;
import be.carenetwork.directory.Needs;
import be.carenetwork.directory.ResidentInput;
import be.carenetwork.directory.Residents;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.Boundary;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Municipalities;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.system.GeoPoint;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Generates the demo network: four neighbourhoods of Jette (our own simplified polygons from {@code geo/demo/}),
 * about seventy actors of every kind, 120 fictional residents, their capacities and needs. Seeded, so every
 * first start produces the same network.
 */
@Component
class DemoNetwork {

    static final long SEED = 20261122L;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final String[] FIRST_NAMES = {"Marie", "Ahmed", "Fatima", "Jan", "Els", "Mohamed", "Sofia", "Youssef",
            "Ana", "Pieter", "Nadia", "Luc", "Ines", "Karim", "Lotte", "Mehmet", "Aylin", "Jean", "Chantal", "Bram",
            "Amina", "Tom", "Leila", "Hugo", "Sara", "Omar", "Fien", "Rachid", "Monique", "Dirk", "Zofia", "Kwame"};
    private static final String[] NEIGHBOUR_HELP = {"shopping", "company_visits", "odd_jobs", "transport_appointments",
            "pet_care", "meals", "digital_help", "language_help"};
    private static final String[] NEEDS = {"shopping", "company_visits", "transport_appointments", "paperwork",
            "odd_jobs", "home_nursing", "meals", "digital_help", "respite_care", "language_help", "social_contact"};
    private static final String WEEKDAYS = "Mo-Fr 09:00-12:00,13:30-17:00";

    private final Neighbourhoods neighbourhoods;
    private final Municipalities municipalities;
    private final MunicipalityOverlap overlap;
    private final Actors actors;
    private final Residents residents;
    private final Capacities capacities;
    private final Needs needs;
    private final ObjectMapper json;

    DemoNetwork(Neighbourhoods neighbourhoods, Municipalities municipalities, MunicipalityOverlap overlap, Actors actors,
                Residents residents, Capacities capacities, Needs needs, ObjectMapper json) {
        this.neighbourhoods = neighbourhoods;
        this.municipalities = municipalities;
        this.overlap = overlap;
        this.actors = actors;
        this.residents = residents;
        this.capacities = capacities;
        this.needs = needs;
        this.json = json;
    }

    private record Area(String code, String nameFr, Boundary boundary) {
    }

    /** Writes the base network in the caller's transaction and says what it made. */
    DemoGraph generate() {
        Random random = new Random(SEED);
        municipalities.save(readFeatures("geo/demo/jette-municipality.geojson").stream()
                .map(f -> new Municipalities.MunicipalityData(text(f, "code"), text(f, "name_fr"), text(f, "name_nl"),
                        boundary(f)))
                .toList());
        List<Area> areas = new ArrayList<>();
        List<Neighbourhoods.NeighbourhoodData> data = new ArrayList<>();
        for (JsonNode feature : readFeatures("geo/demo/jette-neighbourhoods.geojson")) {
            Boundary boundary = boundary(feature);
            data.add(new Neighbourhoods.NeighbourhoodData(text(feature, "code"), text(feature, "name_fr"),
                    text(feature, "name_nl"), text(feature, "primary_care_zone"), boundary, true));
            areas.add(new Area(text(feature, "code"), text(feature, "name_fr"), boundary));
        }
        neighbourhoods.save(data, overlap.calculator());

        List<String> formal = new ArrayList<>();
        List<String> informal = new ArrayList<>();
        Area all = areas.getFirst();
        formal.add(actor(random, all, "CPAS de Jette / OCMW Jette (demo)", ActorKind.ORGANISATION,
                "Public centre for social welfare: social work, financial help, food parcels, help with paperwork.",
                List.of("fr", "nl"), "Mo-Fr 08:30-12:00", true, "general_social_work", "paperwork", "financial_help", "food_aid", "housing_help"));
        formal.add(actor(random, areas.get(1), "Aide & Soins à domicile Nord-Ouest (demo)", ActorKind.SERVICE,
                "Home care and family help, meals delivered at home.", List.of("fr", "nl", "ar"), "Mo-Fr 08:00-18:00", true,
                "home_care", "meals"));
        formal.add(actor(random, areas.get(2), "Centre de santé mentale Le Pont (demo)", ActorKind.ORGANISATION,
                "Consultations for adults and families; first appointment within two weeks.", List.of("fr", "nl", "en"),
                "Mo-Th 09:00-19:00; Fr 09:00-16:00", true, "mental_health", "addiction_help"));
        formal.add(actor(random, areas.get(3), "Dagverzorgingscentrum De Linde (demo)", ActorKind.ORGANISATION,
                "Day care for older people, so informal carers can breathe.", List.of("nl", "fr"), "Mo-Fr 08:00-17:30", true,
                "day_care", "respite_care"));
        formal.add(actor(random, areas.get(0), "Steunpunt Mantelzorg Jette (demo)", ActorKind.ORGANISATION,
                "Support, training and respite for informal carers.", List.of("nl", "fr", "en"), "Tu,Th 09:30-16:00", true,
                "informal_carer_support", "respite_care"));
        formal.add(actor(random, areas.get(1), "Espace public numérique Woeste (demo)", ActorKind.SERVICE,
                "Free help with computers, smartphones and online forms.", List.of("fr", "nl", "ar", "tr"),
                "We,Sa 10:00-16:00", true, "digital_help", "paperwork"));
        formal.add(actor(random, areas.get(2), "Tolkenpunt Brussel Noord (demo)", ActorKind.SERVICE,
                "Social interpreting by phone or on site, for care and welfare appointments.",
                List.of("nl", "fr", "ar", "tr", "ro", "pl", "es"), "Mo-Fr 08:00-18:00", true, "language_help"));
        formal.add(actor(random, areas.get(0), "Point info santé-social Jette (demo)", ActorKind.REFERRAL_POINT,
                "Ask any question about health and social help; we find who can answer it.", List.of("fr", "nl", "ar"),
                "Mo,We,Fr 09:00-12:00", true, "information_referral", "paperwork"));
        formal.add(actor(random, areas.get(1), "Permanence sociale du mardi, Maison de quartier Woeste (demo)",
                ActorKind.REFERRAL_POINT, "Weekly walk-in: social questions, forms, orientation.", List.of("fr", "nl", "tr"),
                "Tu 13:30-16:30", true, "information_referral", "general_social_work"));
        formal.add(actor(random, areas.get(3), "Ziekenhuis Noordwest, sociale dienst (demo)", ActorKind.SERVICE,
                "Hospital social service: discharge planning and care at home.", List.of("nl", "fr", "en"),
                "Mo-Fr 08:00-16:30", true, "hospital_care", "general_social_work"));

        // Just south of the demo neighbourhoods, new and known to nobody yet: what "isolated actors" should find.
        String newcomer = uuid(random);
        actors.write(newcomer, new ActorInput("Logopédie du Parc, nouvelle au quartier (demo)", "Speech therapy for children and adults; just opened.",
                ActorKind.PROFESSIONAL, 50.8668, 4.3125, "Koekelberg (demo address)", List.of("fr", "nl"), WEEKDAYS,
                List.of("children", "adults"), "YES", Visibility.PUBLIC, "+32 2 000 00 00", "contact@example.org", null, true), true);
        formal.add(newcomer);

        for (Area area : areas) {
            for (int i = 0; i < 2; i++) {
                String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                formal.add(actor(random, area, "Dr " + name + " " + initial(random) + ", médecin généraliste (demo)",
                        ActorKind.PROFESSIONAL, "General practice, home visits for patients who cannot travel.",
                        languages(random, "fr", "nl"), "Mo-Fr 08:30-12:00,14:00-18:30", true, "general_practice"));
            }
            formal.add(actor(random, area, "Pharmacie " + area.nameFr() + " (demo)", ActorKind.ORGANISATION,
                    "Pharmacy: medication review, home delivery for housebound patients.", languages(random, "fr", "nl"),
                    "Mo-Fr 08:30-18:30; Sa 09:00-12:30", true, "pharmacy"));
            formal.add(actor(random, area, "Soins infirmiers " + area.nameFr() + " (demo)", ActorKind.SERVICE,
                    "Home nursing, seven days a week.", languages(random, "fr", "nl"), "Mo-Su 07:00-21:00", true, "home_nursing"));
            formal.add(actor(random, area, "Kiné " + area.nameFr() + " (demo)", ActorKind.PROFESSIONAL,
                    "Physiotherapy at the practice or at home.", languages(random, "fr", "nl"), WEEKDAYS, false, "physiotherapy"));
            formal.add(actor(random, area, "Épicerie du coin, " + area.nameFr() + " (demo)", ActorKind.SHOP,
                    "Local grocery that delivers to older neighbours.", languages(random, "fr", "ar"),
                    "Mo-Sa 08:00-20:00", true, "shopping"));
            formal.add(actor(random, area, "École " + area.nameFr() + " (demo)", ActorKind.SCHOOL,
                    "Primary school with homework club.", List.of("fr", "nl"), "Mo-Fr 15:30-17:00", true, "homework_support"));
            formal.add(actor(random, area, "Maison de quartier " + area.nameFr() + " (demo)", ActorKind.ORGANISATION,
                    "Meeting place, activities and a warm coffee for anyone.", languages(random, "fr", "nl"),
                    "Mo-Fr 10:00-18:00", true, "community_activities", "social_contact"));
            for (int i = 0; i < 4; i++) {
                informal.add(informalActor(random, area, ActorKind.NEIGHBOUR));
            }
            for (int i = 0; i < 2; i++) {
                informal.add(informalActor(random, area, ActorKind.VOLUNTEER));
            }
            informal.add(informalActor(random, area, ActorKind.INFORMAL_CARER));
        }

        List<String> residentIds = new ArrayList<>();
        List<String> needIds = new ArrayList<>();
        for (Area area : areas) {
            for (int i = 0; i < 30; i++) {
                String id = uuid(random);
                GeoPoint home = pointIn(random, area.boundary());
                List<String> spoken = languages(random, random.nextBoolean() ? "fr" : "nl");
                residents.write(id, "R-DEMO" + String.format("%03d", residentIds.size() + 1),
                        new ResidentInput(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + initial(random) + " (demo)",
                                null, null, 1930 + random.nextInt(70), spoken, home.lat(), home.lon(),
                                LocalDate.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28))), true);
                residentIds.add(id);
                if (random.nextInt(4) == 0) {
                    capacities.offer(id, new Capacities.CapacityData(NEIGHBOUR_HELP[random.nextInt(NEIGHBOUR_HELP.length)],
                            500 + 250 * random.nextInt(5), random.nextBoolean() ? "Sa,Su 10:00-18:00" : "Mo-Fr 17:00-20:00", 2, null));
                }
                if (random.nextInt(3) == 0) {
                    String needId = uuid(random);
                    String category = NEEDS[random.nextInt(NEEDS.length)];
                    needs.write(needId, new NeedInput(id, null, category, "Demo request: " + category.replace('_', ' '),
                            home.lat(), home.lon(), 1000 + 500 * random.nextInt(4),
                            random.nextInt(3) == 0 ? spoken.getLast() : null, null), NeedStatus.OPEN, true);
                    needIds.add(needId);
                }
            }
        }
        return new DemoGraph(areas.stream().map(Area::code).toList(), formal, informal, residentIds, needIds, random);
    }

    private String actor(Random random, Area area, String name, ActorKind kind, String description, List<String> languages,
                         String openingHours, boolean wheelchair, String... offers) {
        String id = uuid(random);
        GeoPoint at = pointIn(random, area.boundary());
        actors.write(id, new ActorInput(name, description, kind, at.lat(), at.lon(),
                "Jette, " + area.nameFr() + " (demo address)", languages, openingHours,
                List.of(kind == ActorKind.SCHOOL ? "children" : "adults", "older people"),
                wheelchair ? "YES" : "LIMITED", Visibility.PUBLIC, "+32 2 000 00 00", "contact@example.org",
                "https://example.org/demo", true), true);
        for (String category : offers) {
            capacities.offer(id, new Capacities.CapacityData(category, kind.formal() ? 3000 : 1000, openingHours, 10, null));
        }
        return id;
    }

    private String informalActor(Random random, Area area, ActorKind kind) {
        String id = uuid(random);
        GeoPoint at = pointIn(random, area.boundary());
        String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + initial(random) + ".";
        String role = switch (kind) {
            case VOLUNTEER -> "Volunteer";
            case INFORMAL_CARER -> "Informal carer";
            default -> "Neighbour";
        };
        actors.write(id, new ActorInput(name + " (demo)", role + " in " + area.nameFr() + ", happy to help.", kind,
                at.lat(), at.lon(), null, languages(random, random.nextBoolean() ? "fr" : "nl"), null,
                List.of("older people"), "UNKNOWN", Visibility.PRIVATE, "+32 470 00 00 00", null, null, false), true);
        int offers = 1 + random.nextInt(2);
        for (int i = 0; i < offers; i++) {
            String category = NEIGHBOUR_HELP[(random.nextInt(NEIGHBOUR_HELP.length) + i) % NEIGHBOUR_HELP.length];
            capacities.offer(id, new Capacities.CapacityData(category, 500 + 250 * random.nextInt(4),
                    random.nextBoolean() ? "Sa,Su 10:00-18:00" : "Mo-Fr 17:00-20:00", 2, null));
        }
        return id;
    }

    private static List<String> languages(Random random, String first, String... more) {
        List<String> spoken = new ArrayList<>(List.of(first));
        spoken.addAll(List.of(more));
        String[] extra = {"en", "ar", "tr", "es", "pl", "ro", "pt"};
        if (random.nextInt(3) == 0) {
            String language = extra[random.nextInt(extra.length)];
            if (!spoken.contains(language)) {
                spoken.add(language);
            }
        }
        return spoken;
    }

    static GeoPoint pointIn(Random random, Boundary boundary) {
        Envelope box = boundary.envelope();
        while (true) {
            double lon = box.getMinX() + random.nextDouble() * box.getWidth();
            double lat = box.getMinY() + random.nextDouble() * box.getHeight();
            if (boundary.geometry().contains(GEOMETRY.createPoint(new Coordinate(lon, lat)))) {
                return new GeoPoint(lat, lon);
            }
        }
    }

    private static char initial(Random random) {
        return (char) ('A' + random.nextInt(26));
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private List<JsonNode> readFeatures(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            List<JsonNode> features = new ArrayList<>();
            json.readTree(in).get("features").forEach(features::add);
            return features;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Boundary boundary(JsonNode feature) {
        return Boundary.fromGeoJson("geometry", feature.get("geometry").toString());
    }

    private static @Nullable String text(JsonNode feature, String property) {
        JsonNode value = feature.get("properties").get(property);
        return value == null || value.isNull() ? null : value.asString();
    }
}
