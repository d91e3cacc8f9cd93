package be.carenetwork.referral;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static be.carenetwork.support.Fixtures.LON;
import static be.carenetwork.support.Fixtures.actor;
import static be.carenetwork.support.Fixtures.north;
import static be.carenetwork.support.Fixtures.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CareNetworkTest
class ReferralsTests {

    @Autowired TestGraph graph;
    @Autowired Actors actors;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;
    @Autowired Referrals referrals;
    @Autowired ReferralNetwork network;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    String a;
    String b;
    String c;
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);

    @BeforeEach
    void fixture() {
        graph.clear();
        neighbourhoods.save(List.of(square("T1")), overlap.calculator());
        a = actors.create(actor("Pharmacy A", ActorKind.ORGANISATION, north(100), LON, Visibility.PUBLIC, List.of("fr"))).id();
        b = actors.create(actor("Service B", ActorKind.SERVICE, north(200), LON, Visibility.PUBLIC, List.of("fr"))).id();
        c = actors.create(actor("Office C", ActorKind.ORGANISATION, north(300), LON, Visibility.PUBLIC, List.of("fr"))).id();
    }

    Referral send(String from, String to, String previous, ZonedDateTime at) {
        return referrals.record(java.util.UUID.randomUUID().toString(),
                new Referrals.NewReferral(from, to, "paperwork", null, previous, null), at, "professional", false);
    }

    /** A to B to C to A: every step refers the request on, nobody helps. */
    List<Referral> circle() {
        Referral ab = send(a, b, null, now.minusDays(3));
        referrals.changeStatus(ab.id(), ReferralStatus.NOT_ELIGIBLE, null, now.minusDays(3), "professional");
        Referral bc = send(b, c, ab.id(), now.minusDays(2));
        referrals.changeStatus(bc.id(), ReferralStatus.NO_CAPACITY, null, now.minusDays(2), "professional");
        Referral ca = send(c, a, bc.id(), now.minusDays(1));
        return List.of(ab, bc, ca);
    }

    @Test
    void shouldDetectARequestGoingRoundInACircleWithoutHelp() throws Exception {
        List<Referral> chain = circle();

        Referrals.Problems problems = asCoordinator(() -> referrals.problems("T1"));

        assertThat(problems.loops()).hasSize(1);
        Referrals.Trail loop = problems.loops().getFirst();
        assertThat(loop.requestId()).isEqualTo(chain.getFirst().requestId());
        assertThat(loop.steps()).extracting(s -> s.from().name() + ">" + s.to().name())
                .containsExactly("Pharmacy A>Service B", "Service B>Office C", "Office C>Pharmacy A");
        assertThat(loop.loopsBackTo()).extracting(ActorRef::id).containsExactly(a);
        assertThat(loop.neighbourhood()).isEqualTo("T1");
        assertThat(chain).extracting(Referral::requestId).containsOnly(chain.getFirst().requestId());

        mvc.perform(get("/api/referrals/problems").with(httpBasic("coordinator", "coordinator-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.loops[0].loopsBackTo[0].name").value("Pharmacy A"));
        mvc.perform(get("/api/referrals/problems").with(httpBasic("professional", "professional-demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldNotReportACircleOnceSomeoneGotHelp() {
        List<Referral> chain = circle();
        referrals.changeStatus(chain.get(2).id(), ReferralStatus.GOT_HELP, null, now, "professional");

        Referrals.Problems problems = asCoordinator(() -> referrals.problems(null));
        assertThat(problems.loops()).isEmpty();
        assertThat(problems.deadEnds()).isEmpty();
    }

    @Test
    void shouldReportADeadEndWhenTheLastActorHadNoCapacityOrNeverAnswered() {
        Referral noCapacity = send(a, b, null, now.minusDays(2));
        referrals.changeStatus(noCapacity.id(), ReferralStatus.NO_CAPACITY, null, now.minusDays(1), "professional");
        Referral unanswered = send(b, c, null, now.minusDays(30));
        Referral recent = send(c, a, null, now.minusDays(1));

        Referrals.Problems problems = asCoordinator(() -> referrals.problems(null));

        assertThat(problems.loops()).isEmpty();
        assertThat(problems.deadEnds()).extracting(Referrals.Trail::requestId)
                .containsExactlyInAnyOrder(noCapacity.requestId(), unanswered.requestId())
                .doesNotContain(recent.requestId());
        assertThat(problems.deadEnds()).extracting(Referrals.Trail::deadEnd)
                .anySatisfy(reason -> assertThat(reason).contains("no capacity"))
                .anySatisfy(reason -> assertThat(reason).contains("no answer for more than 14 days"));
    }

    @Test
    void shouldLetOnlyTheActorAReferralWentToPassItOn() {
        Referral ab = send(a, b, null, now);

        assertThatThrownBy(() -> send(c, a, ab.id(), now))
                .isInstanceOf(BadInputException.class).extracting("field").isEqualTo("previousId");
        Referral bc = send(b, c, ab.id(), now);
        assertThat(bc.previousId()).isEqualTo(ab.id());
        assertThat(bc.requestId()).isEqualTo(ab.requestId());
    }

    @Test
    void shouldMoveThroughStatusesAndRefuseToReopenAnOutcome() {
        Referral ab = send(a, b, null, now);
        referrals.changeStatus(ab.id(), ReferralStatus.ACCEPTED, null, now, "professional");
        Referral helped = referrals.changeStatus(ab.id(), ReferralStatus.GOT_HELP, "Form sent together", now, "coordinator");

        assertThat(helped.status()).isEqualTo(ReferralStatus.GOT_HELP);
        assertThat(helped.history()).extracting(Referral.StatusChange::status)
                .containsExactly(ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.GOT_HELP);
        assertThat(helped.history().getLast().by()).isEqualTo("coordinator");
        assertThatThrownBy(() -> referrals.changeStatus(ab.id(), ReferralStatus.ACCEPTED, null, now, "professional"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void shouldLearnWhoRefersToWhomFromReferrals() {
        send(a, b, null, now);

        assertThat(network.links(a).refersTo()).singleElement()
                .satisfies(link -> {
                    assertThat(link.actor().id()).isEqualTo(b);
                    assertThat(link.categories()).containsExactly("paperwork");
                });
    }

    @Test
    void shouldRefuseANoteWithAPhoneNumberAndWriteNothing() throws Exception {
        mvc.perform(post("/api/referrals").with(httpBasic("professional", "professional-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"from": "%s", "to": "%s", "category": "paperwork", "note": "Call her daughter on 0470 12 34 56"}"""
                                .formatted(a, b)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("phone number")));
        assertThat(graph.count("MATCH (r:Referral) RETURN count(r)")).isZero();
        assertThat(graph.count("MATCH ()-[r:REFERS_TO]->() RETURN count(r)")).isZero();

        mvc.perform(post("/api/referrals").with(httpBasic("professional", "professional-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"%s\", \"to\": \"nobody\", \"category\": \"paperwork\"}".formatted(a)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(post("/api/referrals").with(httpBasic("professional", "professional-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"%s\", \"to\": \"%s\", \"category\": \"paperwork\"}".formatted(a, b)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SENT"))
                .andExpect(jsonPath("$.createdBy").value("professional"));
    }

    @Test
    void shouldDeclareWhomAnActorRefersToForWhichCategories() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/network/refers-to/{from}/{to}", a, c)
                        .with(httpBasic("professional", "professional-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categories\": [\"paperwork\", \"digital_help\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.categories[0]").value("digital_help"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/network/refers-to/{from}/{to}", a, c)
                        .with(httpBasic("professional", "professional-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categories\": [\"astrology\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("categories"));

        assertThat(graph.count("MATCH (:Actor {id: $a})-[r:REFERS_TO]->(:Actor {id: $c}) RETURN size(r.categories)", Map.of("a", a, "c", c)))
                .isEqualTo(2);
        assertThat(network.links(c).referredBy()).extracting(l -> l.actor().id()).containsExactly(a);
    }

    /** Runs as the demo coordinator (a CareUser, as the services read it from the security context). */
    <T> T asCoordinator(java.util.function.Supplier<T> work) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        try {
            var user = users.loadUserByUsername("coordinator");
            context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                    user, null, user.getAuthorities()));
            return work.get();
        } finally {
            context.setAuthentication(previous);
        }
    }
}
