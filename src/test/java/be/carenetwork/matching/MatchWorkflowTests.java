package be.carenetwork.matching;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.ConflictException;
import be.carenetwork.system.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static be.carenetwork.matching.MatchingFixture.COORDINATOR;
import static be.carenetwork.matching.MatchingFixture.OTHER_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CareNetworkTest
class MatchWorkflowTests {

    @Autowired ApplicationContext context;
    @Autowired MatchWorkflow workflow;
    @Autowired Matches matches;

    MatchingFixture world;
    String person;
    String helper;
    String capacity;
    String need;
    OffsetDateTime now = OffsetDateTime.now();

    @BeforeEach
    void fixture() {
        world = new MatchingFixture(context);
        world.reset();
        person = world.resident("Anna Peeters", 0, List.of("nl"), true);
        helper = world.actor("Jan, neighbour", ActorKind.NEIGHBOUR, 200, List.of("nl"), null);
        capacity = world.offer(helper, "shopping", 1000, null, 2);
        need = world.need(person, "shopping", 2000, null, null);
    }

    @AfterEach
    void signOut() {
        world.signOut();
    }

    private String needStatus(String id) {
        return (String) world.graph.rows("MATCH (n:Need {id: $id}) RETURN n.status AS s", Map.of("id", id)).getFirst().get("s");
    }

    private long auditEntries(String matchId) {
        return world.graph.count("MATCH (:Match {id: $id})-[:AUDITED]->(a:AuditEntry) RETURN count(a)", Map.of("id", matchId));
    }

    @Test
    void shouldGoFromProposedToValidatedActiveAndClosedWithAfterCare() {
        MatchView proposed = workflow.propose(need, capacity, COORDINATOR, now);
        assertThat(proposed.status()).isEqualTo(MatchStatus.PROPOSED);
        assertThat(proposed.score()).isPositive();
        assertThat(proposed.reasons()).isNotEmpty();

        MatchView validated = workflow.validate(proposed.id(), COORDINATOR, now);
        assertThat(validated.status()).isEqualTo(MatchStatus.VALIDATED);
        assertThat(validated.validatedBy()).isEqualTo("coordinator");
        assertThat(validated.validatedAt()).isNotNull();
        assertThat(needStatus(need)).isEqualTo("MATCHED");

        MatchView helped = workflow.logHelp(proposed.id(), now.toLocalDate(), "Groceries for the week", 90, COORDINATOR, now);
        assertThat(helped.status()).isEqualTo(MatchStatus.ACTIVE);
        assertThat(helped.activatedAt()).isNotNull();
        workflow.logHelp(proposed.id(), now.toLocalDate(), "Pharmacy", 30, COORDINATOR, now.plusSeconds(1));

        MatchView closed = workflow.close(proposed.id(), null, COORDINATOR, now);
        assertThat(closed.status()).isEqualTo(MatchStatus.CLOSED);
        assertThat(closed.afterCareDue()).isEqualTo(now.toLocalDate().plusDays(14));
        assertThat(closed.help()).extracting(MatchView.HelpEvent::minutes).containsExactly(90, 30);
        assertThat(closed.helpMinutes()).isEqualTo(120);
        assertThat(needStatus(need)).isEqualTo("CLOSED");

        MatchView followedUp = workflow.recordAfterCare(proposed.id(), "Doing well, shops alone again", COORDINATOR, now);
        assertThat(followedUp.afterCareOutcome()).isEqualTo("Doing well, shops alone again");
        assertThat(followedUp.afterCareDoneAt()).isNotNull();

        assertThat(matches.audit(proposed.id(), COORDINATOR)).extracting(MatchView.AuditEntry::action)
                .containsExactly("PROPOSE", "VALIDATE", "LOG_HELP", "LOG_HELP", "CLOSE", "AFTER_CARE");
    }

    @Test
    void shouldRecordWhoChangedWhatBeforeAndAfterWithoutFreeTexts() {
        MatchView match = workflow.propose(need, capacity, COORDINATOR, now);
        workflow.validate(match.id(), COORDINATOR, now);
        workflow.decline(match.id(), "Anna prefers her daughter's help", COORDINATOR, now);

        List<MatchView.AuditEntry> audit = matches.audit(match.id(), COORDINATOR);

        MatchView.AuditEntry validate = audit.get(1);
        assertThat(validate.by()).isEqualTo("coordinator");
        assertThat(validate.before()).contains("status=PROPOSED", "needStatus=OPEN");
        assertThat(validate.after()).contains("status=VALIDATED", "validatedBy=coordinator", "needStatus=MATCHED");
        MatchView.AuditEntry decline = audit.get(2);
        assertThat(decline.before()).contains("status=VALIDATED", "needStatus=MATCHED");
        assertThat(decline.after()).contains("status=DECLINED", "declineReason=(text)", "needStatus=OPEN");
        assertThat(world.graph.count("MATCH (a:AuditEntry) WHERE any(x IN a.before + a.after WHERE x CONTAINS 'Anna') RETURN count(a)"))
                .isZero();
    }

    @Test
    void shouldRefuseToValidateTwiceAndChangeNothing() {
        MatchView match = workflow.propose(need, capacity, COORDINATOR, now);
        workflow.validate(match.id(), COORDINATOR, now);
        long before = auditEntries(match.id());

        assertThatThrownBy(() -> workflow.validate(match.id(), COORDINATOR, now))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is VALIDATED");
        assertThat(auditEntries(match.id())).isEqualTo(before);
        assertThat(world.graph.count("MATCH (n) WHERE n.matchLock IS NOT NULL RETURN count(n)")).isZero();
    }

    @Test
    void shouldAnswer404WhenTheCapacityVanishedBeforeValidation() {
        MatchView match = workflow.propose(need, capacity, COORDINATOR, now);
        world.capacities.withdraw(capacity);

        assertThatThrownBy(() -> workflow.validate(match.id(), COORDINATOR, now))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(capacity);
        assertThat(matches.get(match.id(), COORDINATOR).status()).isEqualTo(MatchStatus.PROPOSED);
        assertThat(needStatus(need)).isEqualTo("OPEN");
    }

    @Test
    void shouldRefuseToValidateForANeedClosedMeanwhile() {
        MatchView match = workflow.propose(need, capacity, COORDINATOR, now);
        world.graph.run("MATCH (n:Need {id: $id}) SET n.status = 'CANCELLED'", Map.of("id", need));

        assertThatThrownBy(() -> workflow.validate(match.id(), COORDINATOR, now))
                .isInstanceOf(ConflictException.class).hasMessageContaining("CANCELLED");
        assertThat(matches.get(match.id(), COORDINATOR).status()).isEqualTo(MatchStatus.PROPOSED);
    }

    @Test
    void shouldRefuseACoordinatorOfAnotherNeighbourhoodAndChangeNothing() {
        MatchView match = workflow.propose(need, capacity, COORDINATOR, now);

        assertThatThrownBy(() -> workflow.validate(match.id(), OTHER_COORDINATOR, now))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workflow.propose(need, capacity, OTHER_COORDINATOR, now))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(matches.get(match.id(), COORDINATOR).status()).isEqualTo(MatchStatus.PROPOSED);
        assertThat(auditEntries(match.id())).isEqualTo(1);
    }

    @Test
    void shouldRefuseASecondValidatedMatchForTheSameNeed() {
        String other = world.actor("Els, volunteer", ActorKind.VOLUNTEER, 300, List.of("nl"), null);
        String otherCapacity = world.offer(other, "shopping", 1000, null, 2);
        MatchView first = workflow.propose(need, capacity, COORDINATOR, now);
        MatchView second = workflow.propose(need, otherCapacity, COORDINATOR, now);
        workflow.validate(first.id(), COORDINATOR, now);

        assertThatThrownBy(() -> workflow.validate(second.id(), COORDINATOR, now))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already has a validated match");
    }

    @Test
    void shouldRefuseToValidateACapacityThatIsFull() {
        String helperCapacity = world.offer(world.actor("One at a time", ActorKind.NEIGHBOUR, 100, List.of("nl"), null),
                "odd_jobs", 1000, null, 1);
        String otherPerson = world.resident("Other person", 30, List.of("nl"), true);
        MatchView first = workflow.propose(world.need(person, "odd_jobs", 2000, null, null), helperCapacity, COORDINATOR, now);
        MatchView second = workflow.propose(world.need(otherPerson, "odd_jobs", 2000, null, null), helperCapacity, COORDINATOR, now);
        workflow.validate(first.id(), COORDINATOR, now);

        assertThatThrownBy(() -> workflow.validate(second.id(), COORDINATOR, now))
                .isInstanceOf(ConflictException.class).hasMessageContaining("as many as it takes on");
    }

    @Test
    void shouldOpenTheNeedAgainWhenAValidatedMatchIsDeclined() {
        MatchView match = workflow.propose(need, capacity, COORDINATOR, now);
        workflow.validate(match.id(), COORDINATOR, now);

        MatchView declined = workflow.decline(match.id(), "Helper fell ill", COORDINATOR, now);

        assertThat(declined.status()).isEqualTo(MatchStatus.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("Helper fell ill");
        assertThat(needStatus(need)).isEqualTo("OPEN");
    }

    @Test
    void shouldRecordTheAfterCareOutcomeOnlyOnceAndOnlyWhenClosed() {
        MatchView match = workflow.propose(need, capacity, COORDINATOR, now);
        workflow.validate(match.id(), COORDINATOR, now);

        assertThatThrownBy(() -> workflow.recordAfterCare(match.id(), "Too early", COORDINATOR, now))
                .isInstanceOf(ConflictException.class).hasMessageContaining("CLOSED");
        workflow.close(match.id(), now.toLocalDate().plusDays(7), COORDINATOR, now);
        workflow.recordAfterCare(match.id(), "Fine", COORDINATOR, now);
        assertThatThrownBy(() -> workflow.recordAfterCare(match.id(), "Again", COORDINATOR, now))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already has its after-care outcome");
        assertThat(matches.get(match.id(), COORDINATOR).afterCareOutcome()).isEqualTo("Fine");
    }

    @Test
    void shouldRefuseToProposeACapacityThatDoesNotAnswerTheNeedOrDoesNotExist() {
        String farCapacity = world.offer(world.actor("Too far", ActorKind.NEIGHBOUR, 1500, List.of("nl"), null),
                "shopping", 500, null, 2);
        workflow.propose(need, capacity, COORDINATOR, now);

        assertThatThrownBy(() -> workflow.propose(need, farCapacity, COORDINATOR, now))
                .isInstanceOf(ConflictException.class).hasMessageContaining("does not answer");
        assertThatThrownBy(() -> workflow.propose(need, "no-such-capacity", COORDINATOR, now))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> workflow.propose(need, capacity, COORDINATOR, now))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already proposed");
        assertThat(world.graph.count("MATCH (m:Match) RETURN count(m)")).isEqualTo(1);
    }

    @Test
    void shouldRefuseHelpLoggedInTheFutureOrOnADeclinedMatch() {
        MatchView match = workflow.propose(need, capacity, COORDINATOR, now);

        assertThatThrownBy(() -> workflow.logHelp(match.id(), LocalDate.now().plusDays(2), null, 30, COORDINATOR, now))
                .isInstanceOf(BadInputException.class).extracting("field").isEqualTo("date");
        assertThatThrownBy(() -> workflow.logHelp(match.id(), LocalDate.now(), null, 30, COORDINATOR, now))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is PROPOSED");
        workflow.decline(match.id(), "No", COORDINATOR, now);
        assertThatThrownBy(() -> workflow.validate(match.id(), COORDINATOR, now)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> workflow.validate("no-such-match", COORDINATOR, now)).isInstanceOf(NotFoundException.class);
    }
}
