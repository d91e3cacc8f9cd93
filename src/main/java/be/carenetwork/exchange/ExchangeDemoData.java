package be.carenetwork.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import be.carenetwork.demo.DemoDataContributor;
import be.carenetwork.demo.DemoGraph;
import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.OpeningHours;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.NeighbourhoodLocator;
import be.carenetwork.system.GeoPoint;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The exchange's part of the demo: a few places as a fictional partner directory ("Sociale kaart Jette") would
 * deliver them, written by the import writer with their source and its credit, so that the demo shows imported
 * actors (ids {@code sociale-kaart-demo:...}, a {@code DataSource} node, the attribution in exports).
 */
@Component
class ExchangeDemoData implements DemoDataContributor {

    static final String SOURCE = "sociale-kaart-demo";
    static final String ATTRIBUTION = "Sociale kaart Jette (fictional partner directory, demo data)";

    private record Place(String id, String name, String description, ActorKind kind, List<String> languages,
                         String hours, List<String> categories) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("SK-101", "Repair café Jette (demo)", "Bring what is broken; volunteers mend it with you.",
                    ActorKind.ORGANISATION, List.of("nl", "fr"), "Sa 14:00-17:00", List.of("odd_jobs", "social_contact")),
            new Place("SK-102", "Taalcafé Esseghem (demo)", "Practise Dutch or French over a coffee, every level welcome.",
                    ActorKind.ORGANISATION, List.of("nl", "fr", "ar", "tr"), "We 18:30-20:30", List.of("language_help", "social_contact")),
            new Place("SK-103", "Sociaal restaurant De Tafel (demo)", "Warm meals at a social price, take-away for housebound neighbours.",
                    ActorKind.SERVICE, List.of("nl", "fr"), "Mo-Fr 11:30-14:00", List.of("meals", "food_aid")),
            new Place("SK-104", "Digipunt bibliotheek (demo)", "Free help with e-ID, online forms and smartphones.",
                    ActorKind.SERVICE, List.of("nl", "fr", "en"), "Tu,Th 13:00-17:00", List.of("digital_help", "paperwork")),
            new Place("SK-105", "Vervoerdienst Minder Mobielen (demo)", "Volunteer drivers to medical appointments, book two days ahead.",
                    ActorKind.SERVICE, List.of("nl", "fr"), "Mo-Fr 09:00-12:00", List.of("transport_appointments")));

    private final ImportedActors writer;
    private final NeighbourhoodLocator locator;
    private final Neo4jClient neo4j;

    ExchangeDemoData(ImportedActors writer, NeighbourhoodLocator locator, Neo4jClient neo4j) {
        this.writer = writer;
        this.locator = locator;
        this.neo4j = neo4j;
    }

    @Override
    public void contribute(DemoGraph graph) {
        List<GeoPoint> centres = neo4j.query("MATCH (n:Neighbourhood) WHERE n.code IN $codes RETURN n.centroid AS c ORDER BY n.code")
                .bind(graph.neighbourhoodCodes()).to("codes")
                .fetchAs(GeoPoint.class).mappedBy((types, record) -> GeoPoint.from(record.get("c"))).all().stream().toList();
        if (centres.isEmpty()) {
            return;
        }
        Random random = graph.random();
        List<ImportedActor> actors = new ArrayList<>();
        for (int i = 0; i < PLACES.size(); i++) {
            Place place = PLACES.get(i);
            GeoPoint centre = centres.get(i % centres.size());
            // Within about 150 m of the neighbourhood's centre point, which lies inside it.
            GeoPoint at = new GeoPoint(centre.lat() + (random.nextDouble() - 0.5) * 0.002, centre.lon() + (random.nextDouble() - 0.5) * 0.003);
            ActorInput input = new ActorInput(place.name(), place.description(), place.kind(), at.lat(), at.lon(),
                    "Jette (demo address)", place.languages(), place.hours(), List.of("adults", "older people"), "YES",
                    Visibility.PUBLIC, "+32 2 000 00 00", "contact@example.org", "https://example.org/demo", true);
            actors.add(new ImportedActor(SOURCE + ":" + place.id(), input, OpeningHours.slotsOf("hours", place.hours()),
                    place.categories(), 3000, 10, SOURCE, ATTRIBUTION, null, null, locator.locate(at).orElse(null)));
        }
        writer.write(actors, true, ImportProgress.NONE);
    }

}
