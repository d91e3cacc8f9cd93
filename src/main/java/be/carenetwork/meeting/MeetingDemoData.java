package be.carenetwork.meeting;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import be.carenetwork.demo.DemoDataContributor;
import be.carenetwork.demo.DemoGraph;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The demo's care meetings: three or four past meetings in each demo neighbourhood, attended by its formal actors
 * and the district-wide services, with anonymised cases and problems (one theme keeps coming back in each
 * neighbourhood), plus acquaintances declared outside meetings. Fictional, like the rest of the demo.
 */
@Component
@Order(60)
class MeetingDemoData implements DemoDataContributor {

    /** A problem each neighbourhood keeps raising, so that "recurring" has something to show. */
    private static final Map<String, String> THEME = Map.of(
            "JET-GARE", "transport_appointments", "JET-WOESTE", "digital_help",
            "JET-DIELEGHEM", "respite_care", "JET-BAUDOUIN", "social_contact");

    private static final Map<String, String> PROBLEMS = Map.ofEntries(
            Map.entry("transport_appointments", "Older residents miss hospital appointments: no transport on weekday mornings (demo)"),
            Map.entry("paperwork", "Letters from the pension service and the sickness fund pile up unopened among older residents living alone (demo)"),
            Map.entry("digital_help", "More and more forms are online only; people without a smartphone are stuck (demo)"),
            Map.entry("respite_care", "Informal carers of people with dementia find no respite at weekends (demo)"),
            Map.entry("social_contact", "Isolated older men do not come to the activities on offer (demo)"),
            Map.entry("language_help", "No interpreter available at short notice for Arabic-speaking families (demo)"),
            Map.entry("housing_help", "Damp flats and landlords who do not repair (demo)"),
            Map.entry("mental_health", "Waiting lists for a first mental health consultation longer than two months (demo)"),
            Map.entry("food_aid", "Food parcels run out before the end of the month (demo)"),
            Map.entry("home_care", "Home care services are full: new clients wait weeks (demo)"));

    private record DemoCase(List<String> categories, String situation, String tried, String localSolution) {
    }

    private static final List<DemoCase> CASES = List.of(
            new DemoCase(List.of("paperwork", "financial_help"),
                    "Woman in her eighties living alone no longer opens her letters; a reminder for an unpaid energy bill came up at the pharmacy. (demo)",
                    "Family lives abroad; she refused the social service at first.",
                    "The info point sorts her letters with her every Monday; the pharmacist keeps an eye out."),
            new DemoCase(List.of("respite_care", "transport_appointments", "informal_carer_support"),
                    "Man in his seventies caring for his wife with dementia, exhausted, cancels his own doctor's visits. (demo)",
                    "Day care was offered, but there was no transport.",
                    "The day care centre and a volunteer driver share the Tuesday and Thursday trips."),
            new DemoCase(List.of("language_help", "general_practice"),
                    "Recently arrived mother, Arabic-speaking, missed the follow-up of her child's asthma. (demo)",
                    "Appointment letters were in French only.",
                    "An interpreter is booked through the interpreting service; the school keeps in touch with the GP."),
            new DemoCase(List.of("shopping", "home_care"),
                    "Older man back from hospital, nobody to do his shopping, freezer empty. (demo)",
                    "Home care had a waiting list of three weeks.",
                    "Two neighbours take turns doing his shopping until home care starts."),
            new DemoCase(List.of("housing_help", "general_practice"),
                    "Family in a damp flat, the youngest child has recurring bronchitis. (demo)",
                    "The landlord does not answer.",
                    "A GP letter and the housing service together; the social service mediates with the landlord."),
            new DemoCase(List.of("social_contact", "company_visits"),
                    "Retired teacher, lonely since her husband died, has stopped going out. (demo)",
                    "Invitations to activities were sent by letter.",
                    "A volunteer of the neighbourhood house visits, then walks with her to the Thursday coffee."));

    private static final String[] SHARED = {"CPAS de Jette", "Point info santé-social", "Steunpunt Mantelzorg",
            "Centre de santé mentale", "Ziekenhuis Noordwest"};
    private static final double[] SHARED_CHANCE = {1.0, 0.7, 0.5, 0.4, 0.3};

    private final CareMeetings meetings;
    private final Acquaintances acquaintances;
    private final Neo4jClient neo4j;

    MeetingDemoData(CareMeetings meetings, Acquaintances acquaintances, Neo4jClient neo4j) {
        this.meetings = meetings;
        this.acquaintances = acquaintances;
        this.neo4j = neo4j;
    }

    private record DemoActor(String id, String name, String kind, boolean formal) {
    }

    @Override
    public void contribute(DemoGraph graph) {
        Random random = graph.random();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<DemoActor> shared = new ArrayList<>();
        for (String prefix : SHARED) {
            shared.add(actors("MATCH (a:Actor {demo: true}) WHERE a.name STARTS WITH $prefix", Map.of("prefix", prefix)).getFirst());
        }
        backdateOpenNeeds(random, today);
        for (int n = 0; n < graph.neighbourhoodCodes().size(); n++) {
            String code = graph.neighbourhoodCodes().get(n);
            List<DemoActor> local = actors("MATCH (a:Actor {demo: true})-[:LOCATED_IN]->(:Neighbourhood {code: $code})", Map.of("code", code));
            int count = 3 + n % 2;
            // The first neighbourhood also meets today, so that the map's meeting mode has a meeting to show.
            for (int k = count; k >= (n == 0 ? 0 : 1); k--) {
                LocalDate date = k == 0 ? today : today.minusDays(k * 84L + random.nextInt(10));
                String id = new UUID(random.nextLong(), random.nextLong()).toString();
                CareMeeting meeting = meetings.create(id, new CareMeetings.MeetingData(code, date,
                        k == 2 ? MeetingMode.ONLINE : MeetingMode.IN_PERSON, "Concertation de quartier / Buurtzorgoverleg (demo)"), true);
                for (DemoActor actor : local) {
                    // Doctors, schools and shops come less often than services; neighbours and carers not at all.
                    double chance = switch (actor.kind()) {
                        case "PROFESSIONAL" -> 0.45;
                        case "SCHOOL" -> 0.25;
                        case "SHOP" -> 0.3;
                        case "VOLUNTEER" -> 0.4;
                        case "NEIGHBOUR", "INFORMAL_CARER" -> 0.0;
                        default -> 0.7;
                    };
                    if (random.nextDouble() < chance) {
                        meetings.attend(meeting.id(), actor.id(), random.nextDouble() < 0.85);
                    }
                }
                for (int s = 0; s < shared.size(); s++) {
                    if (random.nextDouble() < SHARED_CHANCE[s]) {
                        meetings.attend(meeting.id(), shared.get(s).id(), random.nextDouble() < 0.85);
                    }
                }
                String theme = THEME.getOrDefault(code, "paperwork");
                if (k != count || random.nextBoolean()) {
                    meetings.addProblem(meeting.id(), new CareMeetings.ProblemData(List.of(theme), PROBLEMS.get(theme)));
                }
                List<String> others = PROBLEMS.keySet().stream().sorted().filter(c -> !c.equals(theme)).toList();
                String other = others.get(random.nextInt(others.size()));
                meetings.addProblem(meeting.id(), new CareMeetings.ProblemData(List.of(other), PROBLEMS.get(other)));
                DemoCase c = CASES.get((n + k) % CASES.size());
                meetings.addCase(meeting.id(), new CareMeetings.CaseData(c.categories(), c.situation(), c.tried(), c.localSolution()));
            }
            // Outside meetings: neighbours and volunteers know one or two others, the pharmacy knows the local
            // doctors. Informal carers are left out: the seeds say they are the hardest to reach.
            List<DemoActor> informal = local.stream().filter(a -> a.kind().equals("NEIGHBOUR") || a.kind().equals("VOLUNTEER")).toList();
            for (int i = 0; i + 1 < informal.size(); i += 1 + random.nextInt(2)) {
                acquaintances.declare(informal.get(i).id(), informal.get(i + 1).id(), today.minusDays(200 + random.nextInt(400)));
            }
            List<DemoActor> doctors = local.stream().filter(a -> a.kind().equals("PROFESSIONAL") && a.name().startsWith("Dr ")).toList();
            local.stream().filter(a -> a.name().startsWith("Pharmacie ")).findFirst().ifPresent(pharmacy ->
                    doctors.forEach(doctor -> acquaintances.declare(pharmacy.id(), doctor.id(), today.minusDays(700))));
        }
    }

    /** The base demo registers every need today; spread the open ones over the past months, as they would be. */
    private void backdateOpenNeeds(Random random, LocalDate today) {
        List<String> needs = neo4j.query("MATCH (n:Need {demo: true, status: 'OPEN'}) RETURN n.id ORDER BY n.id")
                .fetchAs(String.class).all().stream().toList();
        List<Map<String, Object>> rows = needs.stream()
                .map(id -> Map.<String, Object>of("id", id, "on", today.minusDays(random.nextInt(330)).atTime(10, 0).atOffset(ZoneOffset.UTC)))
                .toList();
        neo4j.query("UNWIND $rows AS row MATCH (n:Need {id: row.id}) SET n.createdAt = row.on").bind(rows).to("rows").run();
    }

    private List<DemoActor> actors(String match, Map<String, Object> params) {
        return neo4j.query(match + " RETURN a.id AS id, a.name AS name, a.kind AS kind, a.formal AS formal ORDER BY a.name, a.id")
                .bindAll(params).fetchAs(DemoActor.class)
                .mappedBy((t, r) -> new DemoActor(r.get("id").asString(), r.get("name").asString(), r.get("kind").asString(),
                        r.get("formal").asBoolean(false)))
                .all().stream().toList();
    }
}
