package be.carenetwork.referral;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.Visibility;
import be.carenetwork.meeting.Acquaintances;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import be.carenetwork.system.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static be.carenetwork.support.Fixtures.LON;
import static be.carenetwork.support.Fixtures.north;
import static be.carenetwork.support.Fixtures.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Referral paths on small hand-made graphs whose answers are known. The person is at the test centre; "paperwork"
 * is the question. Monday 10:00 is when the question is asked, so weekday actors are open.
 */
@CareNetworkTest
class ReferralPathsTests {

    static final LocalDateTime MONDAY_10 = LocalDateTime.of(2026, 3, 2, 10, 0);

    @Autowired TestGraph graph;
    @Autowired Actors actors;
    @Autowired Capacities capacities;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;
    @Autowired Acquaintances acquaintances;
    @Autowired ReferralNetwork network;
    @Autowired ReferralPaths paths;
    @Autowired MockMvc mvc;

    String pharmacy;
    String doctor;

    @BeforeEach
    void fixture() {
        graph.clear();
        neighbourhoods.save(List.of(square("T1")), overlap.calculator());
        pharmacy = actor("Pharmacy", ActorKind.ORGANISATION, 0, List.of("fr", "nl"), "Mo-Sa 08:00-19:00");
        doctor = actor("Doctor", ActorKind.PROFESSIONAL, 100, List.of("fr"), "Mo-Fr 08:00-18:00");
    }

    String actor(String name, ActorKind kind, double metresNorth, List<String> languages, String hours, String... offers) {
        String id = actors.create(new ActorInput(name, null, kind, north(metresNorth), LON, null, languages, hours,
                List.of(), "UNKNOWN", Visibility.PUBLIC, null, null, null, false)).id();
        for (String category : offers) {
            capacities.offer(id, new Capacities.CapacityData(category, 2000, null, 5, null));
        }
        return id;
    }

    ReferralPaths.Result find(String from, String language) {
        return paths.find(from, "paperwork", null, language, null, MONDAY_10);
    }

    @Test
    void shouldFindTheShortestWarmPathThroughWhoKnowsWhom() {
        String cpas = actor("CPAS", ActorKind.ORGANISATION, 500, List.of("fr", "nl"), "Mo-Fr 08:30-12:00", "paperwork");
        String far = actor("Far service", ActorKind.SERVICE, 900, List.of("fr"), "Mo-Fr 09:00-17:00", "paperwork");
        acquaintances.declare(pharmacy, doctor, null);
        acquaintances.declare(doctor, cpas, null);
        String nurse = actor("Nurse", ActorKind.SERVICE, 50, List.of("fr"), "Mo-Fr 08:00-18:00");
        acquaintances.declare(pharmacy, nurse, null);
        String social = actor("Social worker", ActorKind.PROFESSIONAL, 60, List.of("fr"), "Mo-Fr 08:00-18:00");
        acquaintances.declare(nurse, social, null);
        acquaintances.declare(social, far, null);

        ReferralPaths.Result result = find(pharmacy, null);

        assertThat(result.best()).isNotNull();
        assertThat(result.best().target().actor().id()).isEqualTo(cpas);
        assertThat(result.best().length()).isEqualTo(2);
        assertThat(result.best().hops()).extracting(h -> h.from().id() + ">" + h.to().id() + ":" + h.via())
                .containsExactly(pharmacy + ">" + doctor + ":KNOWS", doctor + ">" + cpas + ":KNOWS");
        assertThat(result.alternatives()).extracting(p -> p.target().actor().id()).containsExactly(far);
        assertThat(result.alternatives().getFirst().length()).isEqualTo(3);
        assertThat(result.direct()).extracting(t -> t.actor().id()).containsExactly(cpas, far);
        assertThat(result.direct().getFirst().distanceMetres()).isBetween(495L, 505L);
    }

    @Test
    void shouldGiveOnlyTheDirectOptionWhenThereIsNoWarmPath() {
        String near = actor("Near", ActorKind.ORGANISATION, 300, List.of("fr"), "Mo-Fr 09:00-17:00", "paperwork");
        String further = actor("Further", ActorKind.ORGANISATION, 600, List.of("fr"), "Mo-Fr 09:00-17:00", "paperwork");
        acquaintances.declare(pharmacy, doctor, null);

        ReferralPaths.Result result = find(pharmacy, null);

        assertThat(result.best()).isNull();
        assertThat(result.alternatives()).isEmpty();
        assertThat(result.direct()).extracting(t -> t.actor().id()).containsExactly(near, further);
    }

    @Test
    void shouldNotSearchBeyondTheLongestPathAllowed() {
        String[] chain = new String[5];
        String previous = pharmacy;
        for (int i = 0; i < chain.length; i++) {
            chain[i] = actor("Link " + i, ActorKind.VOLUNTEER, 10 * (i + 1), List.of("fr"), "Mo-Fr 09:00-17:00");
            acquaintances.declare(previous, chain[i], null);
            previous = chain[i];
        }
        String target = actor("Target", ActorKind.ORGANISATION, 700, List.of("fr"), "Mo-Fr 09:00-17:00", "paperwork");
        acquaintances.declare(previous, target, null);

        assertThat(find(pharmacy, null).best()).isNull();
        assertThat(find(chain[1], null).best().length()).isEqualTo(4);
    }

    @Test
    void shouldFollowRefersToForwardAndOnlyForItsCategories() {
        String cpas = actor("CPAS", ActorKind.ORGANISATION, 500, List.of("fr"), "Mo-Fr 08:30-12:00", "paperwork");

        network.declare(pharmacy, cpas, List.of("shopping"));
        network.declare(cpas, doctor, List.of("paperwork"));
        assertThat(find(pharmacy, null).best()).as("another category, and the wrong way").isNull();

        network.declare(pharmacy, cpas, List.of("shopping", "paperwork"));
        ReferralPaths.Result result = find(pharmacy, null);
        assertThat(result.best().length()).isEqualTo(1);
        assertThat(result.best().hops().getFirst().via()).isEqualTo("REFERS_TO");
    }

    @Test
    void shouldFollowRefersToDeclaredForABroaderCategory() {
        String cpas = actor("CPAS", ActorKind.ORGANISATION, 500, List.of("fr"), "Mo-Fr 08:30-12:00", "paperwork");
        network.declare(pharmacy, cpas, List.of("social_support"));

        assertThat(find(pharmacy, null).best().target().actor().id()).isEqualTo(cpas);
    }

    @Test
    void shouldBreakATieInHopsByDistanceAndKeepTheOtherAsAlternative() {
        String nearer = actor("Nearer", ActorKind.ORGANISATION, 400, List.of("fr"), "Mo-Fr 09:00-17:00", "paperwork");
        String farther = actor("Farther", ActorKind.ORGANISATION, 800, List.of("fr"), "Mo-Fr 09:00-17:00", "paperwork");
        acquaintances.declare(pharmacy, doctor, null);
        acquaintances.declare(doctor, farther, null);
        acquaintances.declare(doctor, nearer, null);

        ReferralPaths.Result result = find(pharmacy, null);

        assertThat(result.best().target().actor().id()).isEqualTo(nearer);
        assertThat(result.best().length()).isEqualTo(2);
        assertThat(result.alternatives()).extracting(p -> p.target().actor().id()).containsExactly(farther);
        assertThat(result.alternatives().getFirst().length()).isEqualTo(2);
    }

    @Test
    void shouldPreferTheWarmerOfTwoEqualPaths() {
        String target = actor("Target", ActorKind.ORGANISATION, 400, List.of("fr"), "Mo-Fr 09:00-17:00", "paperwork");
        String other = actor("Other target", ActorKind.ORGANISATION, 400, List.of("fr"), "Mo-Fr 09:00-17:00", "paperwork");
        acquaintances.declare(pharmacy, doctor, null);
        acquaintances.declare(doctor, target, null);
        acquaintances.declare(doctor, other, null);
        graph.run("MATCH (:Actor {id: $a})-[k:KNOWS]-(:Actor {id: $b}) SET k.strength = 3",
                Map.of("a", doctor, "b", other));

        assertThat(find(pharmacy, null).best().target().actor().id()).isEqualTo(other);
        assertThat(find(pharmacy, null).best().warmth()).isEqualTo(4);
    }

    @Test
    void shouldPreferAnOpenActorToANearerClosedOne() {
        String closed = actor("Closed on Mondays", ActorKind.ORGANISATION, 300, List.of("fr"), "Tu-Fr 09:00-17:00", "paperwork");
        String open = actor("Open", ActorKind.ORGANISATION, 700, List.of("fr"), "Mo-Fr 09:00-17:00", "paperwork");
        acquaintances.declare(pharmacy, doctor, null);
        acquaintances.declare(doctor, closed, null);
        acquaintances.declare(doctor, open, null);

        ReferralPaths.Result result = find(pharmacy, null);

        assertThat(result.best().target().actor().id()).isEqualTo(open);
        assertThat(result.best().target().openNow()).isTrue();
        assertThat(result.alternatives().getFirst().target().actor().id()).isEqualTo(closed);
        assertThat(result.alternatives().getFirst().target().openNow()).isFalse();
        assertThat(result.direct()).extracting(t -> t.actor().id()).containsExactly(open, closed);
    }

    @Test
    void shouldPreferAnActorSpeakingThePersonsLanguageOverAShorterPath() {
        String french = actor("French only", ActorKind.ORGANISATION, 300, List.of("fr"), "Mo-Fr 09:00-17:00", "paperwork");
        String arabic = actor("Speaks Arabic", ActorKind.ORGANISATION, 600, List.of("fr", "ar"), "Mo-Fr 09:00-17:00", "paperwork");
        acquaintances.declare(pharmacy, french, null);
        acquaintances.declare(pharmacy, doctor, null);
        acquaintances.declare(doctor, arabic, null);

        ReferralPaths.Result inArabic = find(pharmacy, "ar");
        assertThat(inArabic.best().target().actor().id()).isEqualTo(arabic);
        assertThat(inArabic.best().target().speaksLanguage()).isTrue();
        assertThat(inArabic.best().length()).isEqualTo(2);
        assertThat(inArabic.alternatives().getFirst().target().speaksLanguage()).isFalse();

        assertThat(find(pharmacy, null).best().target().actor().id()).isEqualTo(french);
    }

    @Test
    void shouldSayWhenTheFirstActorCanHelpItself() {
        capacities.offer(pharmacy, new Capacities.CapacityData("paperwork", 1000, null, 5, null));

        assertThat(find(pharmacy, null).fromOffersCategory()).isTrue();
        assertThat(find(doctor, null).fromOffersCategory()).isFalse();
    }

    @Test
    void shouldRefuseAnUnknownActorOrCategoryWithA404() throws Exception {
        assertThatThrownBy(() -> paths.find("no-such-actor", "paperwork", null, null, null, MONDAY_10))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-actor");
        assertThatThrownBy(() -> paths.find(pharmacy, "no_such_category", null, null, null, MONDAY_10))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no_such_category");

        mvc.perform(get("/api/referral-paths").param("from", "nobody").param("category", "paperwork")
                        .with(httpBasic("professional", "professional-demo")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("No actor with id 'nobody'"));
        mvc.perform(get("/api/referral-paths").param("from", pharmacy).param("category", "Bad Code!")
                        .with(httpBasic("professional", "professional-demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/referral-paths").param("from", pharmacy).param("category", "paperwork"))
                .andExpect(status().isUnauthorized());
    }
}
