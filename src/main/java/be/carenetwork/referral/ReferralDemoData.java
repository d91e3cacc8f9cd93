package be.carenetwork.referral;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import be.carenetwork.demo.DemoDataContributor;
import be.carenetwork.demo.DemoGraph;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The demo's referral network and referrals: who refers to whom for what (pharmacies to the info point and the
 * doctors, doctors to nursing, mental health and the CPAS, referral points to the services behind them...), and a
 * few dozen referrals with their statuses, among them a request that went round in a circle and some that stopped.
 * Runs after the meetings ({@link be.carenetwork.meeting} demo data), which made who knows whom.
 */
@Component
@Order(61)
class ReferralDemoData implements DemoDataContributor {

    private final Neo4jClient neo4j;
    private final ReferralNetwork network;
    private final Referrals referrals;

    ReferralDemoData(Neo4jClient neo4j, ReferralNetwork network, Referrals referrals) {
        this.neo4j = neo4j;
        this.network = network;
        this.referrals = referrals;
    }

    private record Rule(String fromPrefix, String toPrefix, List<String> categories, boolean sameNeighbourhood) {
    }

    /** Who refers to whom, by name prefix of the demo actors: district-wide services, or within a neighbourhood. */
    private static final List<Rule> RULES = List.of(
            new Rule("Pharmacie ", "Point info santé-social", List.of("information_referral", "paperwork"), false),
            new Rule("Pharmacie ", "Dr ", List.of("general_practice"), true),
            new Rule("Pharmacie ", "Soins infirmiers ", List.of("home_nursing"), true),
            new Rule("Dr ", "Soins infirmiers ", List.of("home_nursing"), true),
            new Rule("Dr ", "Kiné ", List.of("physiotherapy"), true),
            new Rule("Dr ", "Centre de santé mentale", List.of("mental_health", "addiction_help"), false),
            new Rule("Dr ", "CPAS de Jette", List.of("general_social_work", "financial_help"), false),
            new Rule("Dr ", "Steunpunt Mantelzorg", List.of("informal_carer_support", "respite_care"), false),
            new Rule("Dr ", "Aide & Soins", List.of("home_care", "meals"), false),
            new Rule("Point info santé-social", "CPAS de Jette", List.of("paperwork", "financial_help", "housing_help", "food_aid", "general_social_work"), false),
            new Rule("Point info santé-social", "Espace public numérique", List.of("digital_help"), false),
            new Rule("Point info santé-social", "Tolkenpunt", List.of("language_help"), false),
            new Rule("Point info santé-social", "Aide & Soins", List.of("home_care", "meals"), false),
            new Rule("Permanence sociale", "CPAS de Jette", List.of("general_social_work", "financial_help", "paperwork"), false),
            new Rule("Permanence sociale", "Espace public numérique", List.of("digital_help", "paperwork"), false),
            new Rule("Maison de quartier ", "Point info santé-social", List.of("information_referral"), false),
            new Rule("Épicerie du coin", "Point info santé-social", List.of("information_referral"), false),
            new Rule("Épicerie du coin", "Maison de quartier ", List.of("social_contact"), true),
            new Rule("École ", "CPAS de Jette", List.of("financial_help"), false),
            new Rule("École ", "Maison de quartier ", List.of("community_activities", "homework_support"), true),
            new Rule("Ziekenhuis Noordwest", "Aide & Soins", List.of("home_care"), false),
            new Rule("Ziekenhuis Noordwest", "Dagverzorgingscentrum", List.of("day_care"), false),
            new Rule("Ziekenhuis Noordwest", "Soins infirmiers ", List.of("home_nursing"), false),
            new Rule("CPAS de Jette", "Tolkenpunt", List.of("language_help"), false),
            new Rule("Steunpunt Mantelzorg", "Dagverzorgingscentrum", List.of("day_care", "respite_care"), false));

    @Override
    public void contribute(DemoGraph graph) {
        Random random = graph.random();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (Rule rule : RULES) {
            List<Map<String, Object>> pairs = List.copyOf(neo4j.query("""
                            MATCH (a:Actor {demo: true}), (b:Actor {demo: true})
                            WHERE a.name STARTS WITH $from AND b.name STARTS WITH $to AND a <> b
                              AND (NOT $same OR EXISTS { (a)-[:LOCATED_IN]->(:Neighbourhood)<-[:LOCATED_IN]-(b) })
                            RETURN a.id AS from, b.id AS to ORDER BY a.name, a.id, b.name, b.id""")
                    .bindAll(Map.of("from", rule.fromPrefix(), "to", rule.toPrefix(), "same", rule.sameNeighbourhood()))
                    .fetch().all());
            for (Map<String, Object> pair : pairs) {
                for (String category : rule.categories()) {
                    network.learn((String) pair.get("from"), (String) pair.get("to"), category, today.minusDays(300 + random.nextInt(500)));
                }
            }
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        // A request that went round: doctor -> CPAS (not eligible) -> permanence (no capacity) -> back to the doctor.
        String doctor = first("Dr ");
        Referral toCpas = send(random, doctor, first("CPAS de Jette"), "housing_help", null, now.minusDays(40));
        status(toCpas, ReferralStatus.NOT_ELIGIBLE, "Income just above the threshold (demo)", now.minusDays(38));
        Referral toPermanence = send(random, first("CPAS de Jette"), first("Permanence sociale"), "housing_help", toCpas.id(), now.minusDays(37));
        status(toPermanence, ReferralStatus.NO_CAPACITY, null, now.minusDays(30));
        send(random, first("Permanence sociale"), doctor, "housing_help", toPermanence.id(), now.minusDays(29));
        // Requests that stopped: no capacity, and one nobody answered.
        Referral homeCare = send(random, first("Pharmacie "), first("Aide & Soins"), "home_care", null, now.minusDays(21));
        status(homeCare, ReferralStatus.NO_CAPACITY, "Waiting list of three weeks (demo)", now.minusDays(19));
        send(random, first("École "), first("CPAS de Jette"), "financial_help", null, now.minusDays(33));
        // And the ordinary flow: most referrals end with help.
        List<String[]> flow = new ArrayList<>(List.of(
                new String[]{"Pharmacie ", "Point info santé-social", "paperwork"},
                new String[]{"Point info santé-social", "Espace public numérique", "digital_help"},
                new String[]{"Dr ", "Soins infirmiers ", "home_nursing"},
                new String[]{"Dr ", "Centre de santé mentale", "mental_health"},
                new String[]{"Point info santé-social", "Tolkenpunt", "language_help"},
                new String[]{"Ziekenhuis Noordwest", "Aide & Soins", "home_care"},
                new String[]{"Steunpunt Mantelzorg", "Dagverzorgingscentrum", "respite_care"},
                new String[]{"Point info santé-social", "CPAS de Jette", "financial_help"}));
        ReferralStatus[] outcomes = {ReferralStatus.GOT_HELP, ReferralStatus.GOT_HELP, ReferralStatus.GOT_HELP,
                ReferralStatus.ACCEPTED, ReferralStatus.COULD_NOT_CONTACT, ReferralStatus.NO_LONGER_NEEDED};
        for (int i = 0; i < 24; i++) {
            String[] step = flow.get(i % flow.size());
            ZonedDateTime at = now.minusDays(2 + random.nextInt(150));
            Referral referral = send(random, first(step[0]), first(step[1]), step[2], null, at);
            ReferralStatus outcome = outcomes[random.nextInt(outcomes.length)];
            if (outcome == ReferralStatus.GOT_HELP) {
                status(referral, ReferralStatus.ACCEPTED, null, at.plusDays(1));
            }
            status(referral, outcome, null, at.plusDays(2 + random.nextInt(5)));
        }
    }

    private Referral send(Random random, String from, String to, String category, @Nullable String previous, ZonedDateTime at) {
        return referrals.record(new UUID(random.nextLong(), random.nextLong()).toString(),
                new Referrals.NewReferral(from, to, category, null, previous, null), at, "demo", true);
    }

    private void status(Referral referral, ReferralStatus status, @Nullable String note, ZonedDateTime at) {
        referrals.changeStatus(referral.id(), status, note, at, "demo");
    }

    private String first(String prefix) {
        return neo4j.query("MATCH (a:Actor {demo: true}) WHERE a.name STARTS WITH $prefix RETURN a.id ORDER BY a.name, a.id LIMIT 1")
                .bind(prefix).to("prefix").fetchAs(String.class).one()
                .orElseThrow(() -> new IllegalStateException("No demo actor named " + prefix + "..."));
    }
}
