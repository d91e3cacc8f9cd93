package be.carenetwork.matching;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

import static be.carenetwork.matching.MatchingFixture.COORDINATOR;
import static be.carenetwork.matching.MatchingFixture.OTHER_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@CareNetworkTest
class CapacityMatchingTests {

    @Autowired ApplicationContext context;
    @Autowired CapacityMatching matching;
    @Autowired MatchWorkflow workflow;
    @Autowired Neo4jClient neo4j;

    MatchingFixture world;
    String person;

    @BeforeEach
    void fixture() {
        world = new MatchingFixture(context);
        world.reset();
        person = world.resident("Anna Peeters", 0, List.of("nl", "fr"), true);
    }

    @AfterEach
    void signOut() {
        world.signOut();
    }

    private List<String> proposedOwners(String need) {
        return matching.propose(need, 10, COORDINATOR).proposals().stream().map(Proposal::ownerId).toList();
    }

    @Test
    void shouldRankANearerCapacityFirstWithItsDistanceInMetres() {
        String far = world.actor("Far neighbour", ActorKind.NEIGHBOUR, 600, List.of("nl"), null);
        String near = world.actor("Near neighbour", ActorKind.NEIGHBOUR, 200, List.of("nl"), null);
        world.offer(far, "shopping", 1000, null, 2);
        world.offer(near, "shopping", 1000, null, 2);
        String need = world.need(person, "shopping", 2000, null, null);

        Proposals answer = matching.propose(need, 10, COORDINATOR);
        List<Proposal> proposals = answer.proposals();

        assertThat(answer.noMatch()).as("no 'why not' when there are proposals").isNull();
        assertThat(proposals).extracting(Proposal::ownerId).containsExactly(near, far);
        assertThat(proposals.get(0).distanceMetres()).isCloseTo(200L, within(2L));
        assertThat(proposals.get(0).score()).isGreaterThan(proposals.get(1).score());
        assertThat(proposals.get(0).reasons()).anyMatch(r -> r.startsWith("200 m away") || r.startsWith("199 m away") || r.startsWith("201 m away"));
    }

    @Test
    void shouldLeaveOutACapacityWhoseOwnRadiusDoesNotReachTheNeed() {
        String shortReach = world.actor("Short reach", ActorKind.NEIGHBOUR, 600, List.of("nl"), null);
        world.offer(shortReach, "shopping", 500, null, 2);
        String need = world.need(person, "shopping", 2000, null, null);

        assertThat(proposedOwners(need)).isEmpty();
    }

    @Test
    void shouldLeaveOutACapacityBeyondTheNeedsMaximumDistance() {
        String far = world.actor("Far volunteer", ActorKind.VOLUNTEER, 900, List.of("nl"), null);
        world.offer(far, "shopping", 5000, null, 2);
        String need = world.need(person, "shopping", 500, null, null);

        assertThat(proposedOwners(need)).isEmpty();
    }

    @Test
    void shouldExcludeALanguageMismatchWhenTheNeedAsksForALanguage() {
        String french = world.actor("French only", ActorKind.NEIGHBOUR, 100, List.of("fr"), null);
        String arabic = world.actor("Speaks Arabic", ActorKind.NEIGHBOUR, 400, List.of("fr", "ar"), null);
        world.offer(french, "shopping", 1000, null, 2);
        world.offer(arabic, "shopping", 1000, null, 2);
        String need = world.need(person, "shopping", 2000, "ar", null);

        List<Proposal> proposals = matching.propose(need, 10, COORDINATOR).proposals();

        assertThat(proposals).extracting(Proposal::ownerId).containsExactly(arabic);
        assertThat(proposals.getFirst().language()).isEqualTo("ar");
    }

    @Test
    void shouldRankAHelperSpeakingThePersonsLanguageHigherWhenTheNeedAsksForNone() {
        String english = world.actor("English only", ActorKind.NEIGHBOUR, 100, List.of("en"), null);
        String dutch = world.actor("Speaks Dutch", ActorKind.NEIGHBOUR, 300, List.of("nl"), null);
        world.offer(english, "shopping", 1000, null, 2);
        world.offer(dutch, "shopping", 1000, null, 2);
        String need = world.need(person, "shopping", 2000, null, null);

        List<Proposal> proposals = matching.propose(need, 10, COORDINATOR).proposals();

        assertThat(proposals).extracting(Proposal::ownerId).containsExactly(dutch, english);
        assertThat(proposals.get(0).language()).isEqualTo("nl");
        assertThat(proposals.get(1).language()).isNull();
    }

    @Test
    void shouldDropACapacityThatHasAsManyActiveMatchesAsItTakesOn() {
        String busy = world.actor("Busy neighbour", ActorKind.NEIGHBOUR, 100, List.of("nl"), null);
        String busyCapacity = world.offer(busy, "shopping", 1000, null, 1);
        String other = world.resident("Other person", 50, List.of("nl"), true);
        String otherNeed = world.need(other, "shopping", 2000, null, null);
        MatchView first = workflow.propose(otherNeed, busyCapacity, COORDINATOR, OffsetDateTime.now());
        workflow.validate(first.id(), COORDINATOR, OffsetDateTime.now());
        String need = world.need(person, "shopping", 2000, null, null);

        Proposals proposals = matching.propose(need, 10, COORDINATOR);

        assertThat(proposals.proposals()).isEmpty();
        assertThat(proposals.noMatch()).isNotNull();
        assertThat(proposals.noMatch().reason()).isEqualTo(NoMatch.Reason.ALL_BUSY);
    }

    @Test
    void shouldCountTheLoadOfACapacityAgainstItsMaximum() {
        String helper = world.actor("Two at a time", ActorKind.VOLUNTEER, 100, List.of("nl"), null);
        String capacity = world.offer(helper, "shopping", 1000, null, 2);
        String other = world.resident("Other person", 50, List.of("nl"), true);
        MatchView first = workflow.propose(world.need(other, "shopping", 2000, null, null), capacity, COORDINATOR, OffsetDateTime.now());
        workflow.validate(first.id(), COORDINATOR, OffsetDateTime.now());
        String need = world.need(person, "shopping", 2000, null, null);

        Proposal proposal = matching.propose(need, 10, COORDINATOR).proposals().getFirst();

        assertThat(proposal.activeMatches()).isEqualTo(1);
        assertThat(proposal.maxActive()).isEqualTo(2);
        assertThat(proposal.reasons()).contains("1 of 2 active matches");
    }

    @Test
    void shouldRankUnknownAvailabilityLowerAndLeaveOutHelpersNotAvailableThen() {
        String weekends = world.actor("Weekends", ActorKind.NEIGHBOUR, 100, List.of("nl"), null);
        String unknown = world.actor("Unknown times", ActorKind.NEIGHBOUR, 200, List.of("nl"), null);
        String tuesdays = world.actor("Tuesdays", ActorKind.NEIGHBOUR, 300, List.of("nl"), null);
        world.offer(weekends, "shopping", 1000, "Sa,Su 10:00-18:00", 2);
        world.offer(unknown, "shopping", 1000, null, 2);
        world.offer(tuesdays, "shopping", 1000, "Tu 13:00-17:00", 2);
        String need = world.need(person, "shopping", 2000, null, "Tu 14:00-16:00");

        List<Proposal> proposals = matching.propose(need, 10, COORDINATOR).proposals();

        assertThat(proposals).extracting(Proposal::ownerId).containsExactly(tuesdays, unknown);
        assertThat(proposals).extracting(Proposal::availability)
                .containsExactly(Proposal.Availability.AVAILABLE, Proposal.Availability.ASK);
    }

    @Test
    void shouldUseAnActorsOpeningHoursWhenItsCapacityGivesNoTimes() {
        String office = world.actor("Office hours", ActorKind.SERVICE, 100, List.of("nl"), "Mo-Fr 09:00-17:00");
        world.offer(office, "paperwork", 3000, null, 10);
        String morning = world.need(person, "paperwork", 2000, null, "Tu 10:00-11:00");
        String evening = world.need(person, "paperwork", 2000, null, "Tu 19:00-20:00");

        assertThat(matching.propose(morning, 10, COORDINATOR).proposals())
                .extracting(Proposal::availability).containsExactly(Proposal.Availability.AVAILABLE);
        assertThat(proposedOwners(evening)).isEmpty();
    }

    @Test
    void shouldProposeCapacitiesOfNarrowerCategoriesFormalAndInformalTogether() {
        String nurse = world.actor("Home nurses", ActorKind.SERVICE, 300, List.of("nl"), null);
        String neighbour = world.actor("Helpful neighbour", ActorKind.NEIGHBOUR, 200, List.of("nl"), null);
        world.offer(nurse, "home_nursing", 3000, null, 10);
        world.offer(neighbour, "shopping", 1000, null, 2);
        String need = world.need(person, "health_care", 2000, null, null);

        Proposals proposals = matching.propose(need, 10, COORDINATOR);

        assertThat(proposals.categories()).contains("health_care", "home_nursing", "pharmacy");
        assertThat(proposals.proposals()).extracting(Proposal::ownerId).containsExactly(nurse);
        assertThat(proposals.proposals().getFirst().helperKind()).isEqualTo(HelperKind.PROFESSIONAL);

        String everyday = world.need(person, "everyday_help", 2000, null, null);
        assertThat(matching.propose(everyday, 10, COORDINATOR).proposals())
                .extracting(Proposal::helperKind).containsExactly(HelperKind.NEIGHBOUR);
    }

    @Test
    void shouldLeaveOutResidentsWithoutConsentAndThePersonThemselves() {
        String consenting = world.resident("Consenting neighbour", 200, List.of("nl"), true);
        String notConsenting = world.resident("Not consenting", 100, List.of("nl"), false);
        world.offer(consenting, "shopping", 1000, null, 2);
        world.offer(notConsenting, "shopping", 1000, null, 2);
        world.offer(person, "shopping", 1000, null, 2);
        String need = world.need(person, "shopping", 2000, null, null);

        List<Proposal> proposals = matching.propose(need, 10, COORDINATOR).proposals();

        assertThat(proposals).extracting(Proposal::ownerId).containsExactly(consenting);
        assertThat(proposals.getFirst().ownerKind()).isEqualTo("Resident");
        assertThat(proposals.getFirst().name()).startsWith("R-");
        assertThat(proposals.getFirst().displayName()).isEqualTo("Consenting neighbour");
    }

    @Test
    void shouldShowAResidentHelperOnlyByPseudonymToACoordinatorOfAnotherNeighbourhood() {
        String helper = world.resident("Consenting neighbour", 200, List.of("nl"), true);
        world.offer(helper, "shopping", 1000, null, 2);
        String need = world.need(person, "shopping", 2000, null, null);
        CapacityMatching.NeedFacts facts = matching.facts(need);

        Proposal seenFromElsewhere = matching.rank(facts, null, 10, OTHER_COORDINATOR).getFirst();

        assertThat(seenFromElsewhere.name()).startsWith("R-");
        assertThat(seenFromElsewhere.displayName()).isNull();
    }

    @Test
    void shouldNotProposeACapacityDeclinedBeforeForThisNeed() {
        String helper = world.actor("Declined once", ActorKind.NEIGHBOUR, 100, List.of("nl"), null);
        String capacity = world.offer(helper, "shopping", 1000, null, 2);
        String need = world.need(person, "shopping", 2000, null, null);
        MatchView match = workflow.propose(need, capacity, COORDINATOR, OffsetDateTime.now());
        workflow.decline(match.id(), "Moved away", COORDINATOR, OffsetDateTime.now());

        Proposals proposals = matching.propose(need, 10, COORDINATOR);

        assertThat(proposals.proposals()).isEmpty();
        assertThat(proposals.noMatch().reason()).isEqualTo(NoMatch.Reason.ALL_DECLINED);
        assertThat(proposedOwners(world.need(person, "shopping", 2000, null, null))).containsExactly(helper);
    }

    @Test
    void shouldRankSomeoneWhoHelpedThisPersonBeforeHigher() {
        String known = world.actor("Helped before", ActorKind.NEIGHBOUR, 500, List.of("nl"), null);
        String nearer = world.actor("Nearer stranger", ActorKind.NEIGHBOUR, 400, List.of("nl"), null);
        String knownShopping = world.offer(known, "shopping", 1000, null, 5);
        world.offer(known, "company_visits", 1000, null, 5);
        world.offer(nearer, "company_visits", 1000, null, 5);
        MatchView earlier = workflow.propose(world.need(person, "shopping", 2000, null, null), knownShopping, COORDINATOR, OffsetDateTime.now());
        workflow.validate(earlier.id(), COORDINATOR, OffsetDateTime.now());
        String need = world.need(person, "company_visits", 2000, null, null);

        List<Proposal> proposals = matching.propose(need, 10, COORDINATOR).proposals();

        assertThat(proposals).extracting(Proposal::ownerId).containsExactly(known, nearer);
        assertThat(proposals.getFirst().helpedBefore()).isTrue();
        assertThat(proposals.getFirst().reasons()).contains("helped this person before");
    }

    @Test
    void shouldScoreWhoHelpedBeforeEvenBeyondTheNearestTwoHundred() {
        String known = world.actor("Helped before, far", ActorKind.NEIGHBOUR, 1800, List.of("nl"), null);
        String knownShopping = world.offer(known, "shopping", 2000, null, 5);
        world.offer(known, "company_visits", 2000, null, 5);
        for (int i = 0; i < CapacityMatching.NEAREST + 5; i++) {
            String stranger = world.actor("Stranger " + i, ActorKind.NEIGHBOUR, 700 + i, List.of("nl"), null);
            world.offer(stranger, "company_visits", 1000, null, 5);
        }
        MatchView earlier = workflow.propose(world.need(person, "shopping", 2000, null, null), knownShopping, COORDINATOR, OffsetDateTime.now());
        workflow.validate(earlier.id(), COORDINATOR, OffsetDateTime.now());
        String need = world.need(person, "company_visits", 2000, null, null);

        List<Proposal> proposals = matching.propose(need, 10, COORDINATOR).proposals();

        assertThat(proposals).hasSize(10);
        assertThat(proposals.getFirst().ownerId()).as("1.8 km away, behind 205 nearer strangers").isEqualTo(known);
        assertThat(proposals.get(1).distanceMetres()).isCloseTo(700L, within(2L));
        assertThat(proposals).extracting(Proposal::ownerId).doesNotHaveDuplicates();
    }

    @Test
    void shouldRefuseToMatchAClosedNeedOrAPersonWithoutConsent() {
        String helper = world.actor("Helper", ActorKind.NEIGHBOUR, 100, List.of("nl"), null);
        world.offer(helper, "shopping", 1000, null, 2);
        String need = world.need(person, "shopping", 2000, null, null);
        world.graph.run("MATCH (n:Need {id: $id}) SET n.status = 'CLOSED'", Map.of("id", need));
        String unconsented = world.resident("No consent yet", 10, List.of("nl"), false);
        String theirNeed = world.need(unconsented, "shopping", 2000, null, null);

        assertThatThrownBy(() -> matching.propose(need, 10, COORDINATOR))
                .isInstanceOf(ConflictException.class).hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> matching.propose(theirNeed, 10, COORDINATOR))
                .isInstanceOf(ConflictException.class).hasMessageContaining("consent");
    }

    @Test
    void shouldRefuseACoordinatorOfAnotherNeighbourhoodAndABadLimit() {
        String need = world.need(person, "shopping", 2000, null, null);

        assertThatThrownBy(() -> matching.propose(need, 10, OTHER_COORDINATOR)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> matching.propose(need, 0, COORDINATOR))
                .isInstanceOf(BadInputException.class).extracting("field").isEqualTo("limit");
    }

    @Test
    void shouldSayWhyNothingMatchesAndPointToReferralPointsAndFormalActors() {
        String point = world.actor("Info point", ActorKind.REFERRAL_POINT, 300, List.of("fr"), "Mo 09:00-12:00");
        String cpas = world.actor("CPAS", ActorKind.ORGANISATION, 800, List.of("fr"), "Mo-Fr 09:00-12:00");
        world.offer(cpas, "paperwork", 500, null, 10);
        String need = world.need(person, "paperwork", 2000, null, null);

        NoMatch noMatch = matching.propose(need, 10, COORDINATOR).noMatch();

        assertThat(noMatch.reason()).isEqualTo(NoMatch.Reason.ALL_TOO_FAR);
        assertThat(noMatch.funnel()).containsEntry("inCategory", 1L).containsEntry("withinMaxDistance", 1L)
                .containsEntry("withinRadius", 0L);
        assertThat(noMatch.referralPoints()).extracting(NoMatch.Place::id).containsExactly(point);
        assertThat(noMatch.referralPoints().getFirst().distanceMetres()).isCloseTo(300L, within(2L));
        assertThat(noMatch.formalActors()).extracting(NoMatch.Place::id).containsExactly(cpas);
    }

    @Test
    void shouldLookFartherForPlacesToTurnToWhenNoneIsWithinAKilometre() {
        String point = world.actor("Info point, far", ActorKind.REFERRAL_POINT, 1500, List.of("fr"), null);
        String cpas = world.actor("CPAS, far", ActorKind.ORGANISATION, 2500, List.of("fr"), null);
        world.offer(cpas, "paperwork", 500, null, 10);

        NoMatch noMatch = matching.propose(world.need(person, "paperwork", 2000, null, null), 10, COORDINATOR).noMatch();

        assertThat(noMatch.referralPoints()).extracting(NoMatch.Place::id).containsExactly(point);
        assertThat(noMatch.formalActors()).extracting(NoMatch.Place::id).containsExactly(cpas);
        assertThat(noMatch.formalActors().getFirst().distanceMetres()).isCloseTo(2500L, within(3L));
    }

    @Test
    void shouldSayWhenNobodyOffersTheCategoryOrNobodySpeaksTheLanguage() {
        String french = world.actor("French only", ActorKind.NEIGHBOUR, 100, List.of("fr"), null);
        world.offer(french, "shopping", 1000, null, 2);

        assertThat(matching.propose(world.need(person, "pet_care", 2000, null, null), 10, COORDINATOR).noMatch().reason())
                .isEqualTo(NoMatch.Reason.NO_CAPACITY_IN_CATEGORY);
        assertThat(matching.propose(world.need(person, "shopping", 2000, "nl", null), 10, COORDINATOR).noMatch().reason())
                .isEqualTo(NoMatch.Reason.LANGUAGE);
    }

    @Test
    void shouldSeekTheCategoryPointIndexOfEveryLabelSearched() {
        String nurse = world.actor("Home nurses", ActorKind.SERVICE, 300, List.of("nl"), null);
        world.offer(nurse, "home_nursing", 3000, null, 10);
        CapacityMatching.NeedFacts facts = matching.facts(world.need(person, "health_care", 2000, null, null));

        var plan = neo4j.query("PROFILE " + matching.rankingQuery(facts))
                .bindAll(matching.rankingParameters(facts, 10)).run().profile();

        List<String> operators = operators(plan);
        assertThat(operators.stream().filter(o -> o.startsWith("NodeIndexSeekByRange")).count())
                .isEqualTo(facts.codes().size());
        // The referral points, only read when nothing matches, are few enough for a label scan.
        assertThat(operators).noneMatch(o -> o.startsWith("AllNodesScan"))
                .filteredOn(o -> o.startsWith("NodeByLabelScan")).allMatch(o -> o.contains(":ReferralPoint"));
    }

    /** Each operator with its details, e.g. {@code NodeByLabelScan@neo4j a:ReferralPoint}. */
    static List<String> operators(org.neo4j.driver.summary.ProfiledPlan plan) {
        var details = plan.arguments().get("Details");
        List<String> all = new java.util.ArrayList<>(List.of(plan.operatorType() + (details == null ? "" : " " + details.asString())));
        plan.children().forEach(child -> all.addAll(operators(child)));
        return all;
    }
}
