package be.carenetwork.matching;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.support.CareNetworkTest;
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

/** The dashboard's figures, and what GDPR export and erasure do to matches. */
@CareNetworkTest
class MatchingDashboardTests {

    @Autowired ApplicationContext context;
    @Autowired MatchWorkflow workflow;
    @Autowired MatchingDashboard dashboard;
    @Autowired ResidentDataExport export;
    @Autowired Matches matches;

    MatchingFixture world;
    final LocalDate today = LocalDate.now();
    final OffsetDateTime now = OffsetDateTime.now();
    String anna;
    String bert;
    String helperResident;
    String neighbourMatch;
    String professionalMatch;
    String residentHelperMatch;
    String bertsNeed;

    @BeforeEach
    void fixture() {
        world = new MatchingFixture(context);
        world.reset();
        anna = world.resident("Anna Peeters", 0, List.of("nl"), true);
        bert = world.resident("Bert Dubois", 100, List.of("fr"), true);
        helperResident = world.resident("Chantal Helper", 300, List.of("fr", "nl"), true);
        String neighbour = world.actor("Jan, neighbour", ActorKind.NEIGHBOUR, 200, List.of("nl"), null);
        String service = world.actor("Social service", ActorKind.SERVICE, 400, List.of("fr", "nl"), null);
        String neighbourShopping = world.offer(neighbour, "shopping", 1000, null, 2);
        String servicePaperwork = world.offer(service, "paperwork", 3000, null, 10);
        world.offer(service, "financial_help", 3000, null, 10);
        String residentVisits = world.offer(helperResident, "company_visits", 1000, null, 2);

        // Anna: shopping by a neighbour, 40 days ago, closed, after care overdue.
        OffsetDateTime longAgo = now.minusDays(40);
        neighbourMatch = workflow.propose(world.need(anna, "shopping", 2000, null, null), neighbourShopping, COORDINATOR, longAgo).id();
        workflow.validate(neighbourMatch, COORDINATOR, longAgo);
        workflow.logHelp(neighbourMatch, today.minusDays(35), "Weekly groceries", 90, COORDINATOR, now.minusDays(35));
        workflow.close(neighbourMatch, today.minusDays(20), COORDINATOR, now.minusDays(30));

        // Bert: paperwork by a service, 10 days ago, closed, after care due in 5 days.
        OffsetDateTime recently = now.minusDays(10);
        bertsNeed = world.need(bert, "paperwork", 2000, null, null);
        professionalMatch = workflow.propose(bertsNeed, servicePaperwork, COORDINATOR, recently).id();
        workflow.validate(professionalMatch, COORDINATOR, recently);
        workflow.logHelp(professionalMatch, today.minusDays(9), "Tax form", 60, COORDINATOR, now.minusDays(9));
        workflow.close(professionalMatch, today.plusDays(5), COORDINATOR, now.minusDays(8));

        // Anna again: visits by a resident helper, active now.
        residentHelperMatch = workflow.propose(world.need(anna, "company_visits", 2000, null, null), residentVisits, COORDINATOR, now).id();
        workflow.validate(residentHelperMatch, COORDINATOR, now);
        workflow.logHelp(residentHelperMatch, today, "Coffee and a walk", 120, COORDINATOR, now);

        // Bert: shopping, nobody answered yet.
        world.need(bert, "shopping", 2000, null, null);
    }

    @AfterEach
    void signOut() {
        world.signOut();
    }

    @Test
    void shouldCountPeopleHelpAfterCareGapsAndUnusedCapacitiesOfTheYear() {
        MatchingDashboard.Dashboard d = dashboard.of("T1", null, null, COORDINATOR, today);

        assertThat(d.from()).isEqualTo(today.minusYears(1).plusDays(1));
        assertThat(d.peopleMatched()).isEqualTo(2);
        assertThat(d.matchesValidated()).isEqualTo(3);
        assertThat(d.helpEvents()).isEqualTo(3);
        assertThat(d.helpHours()).isEqualTo(4.5);
        assertThat(d.afterCareDue()).isEqualTo(1);
        assertThat(d.afterCareOverdue()).isEqualTo(1);
        assertThat(d.matchesByKind()).containsEntry("NEIGHBOUR", 2L).containsEntry("PROFESSIONAL", 1L).containsEntry("VOLUNTEER", 0L);
        assertThat(d.matchesByStatus()).containsEntry("CLOSED", 2L).containsEntry("ACTIVE", 1L);
        assertThat(d.openNeeds()).containsExactly(new MatchingDashboard.OpenNeeds("shopping", 1, 1, 0, 0, 0));
        assertThat(d.unmatchedNeeds()).containsExactly(new MatchingDashboard.CategoryCount("shopping", 1));
        assertThat(d.capacities()).isEqualTo(4);
        assertThat(d.capacitiesNeverUsed()).isEqualTo(1);
        assertThat(d.unusedCapacities()).containsExactly(new MatchingDashboard.CategoryCount("financial_help", 1));
        assertThat(d.months()).hasSize(13);
        assertThat(d.months().getLast().helpHours()).isGreaterThan(0);
    }

    @Test
    void shouldCountOnlyThePeriodAsked() {
        MatchingDashboard.Dashboard d = dashboard.of("T1", today.minusDays(15), today, COORDINATOR, today);

        assertThat(d.matchesValidated()).isEqualTo(2);
        assertThat(d.peopleMatched()).isEqualTo(2);
        assertThat(d.helpHours()).isEqualTo(3.0);
        assertThat(d.months()).hasSizeBetween(1, 2);
    }

    @Test
    void shouldShowTheDashboardToCoordinatorsOfThatNeighbourhoodOnly() {
        assertThatThrownBy(() -> dashboard.of("T1", null, null, OTHER_COORDINATOR, today))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldExportEverythingHeldAboutAResident() {
        ResidentDataExport.Export data = export.export(anna, COORDINATOR);

        assertThat(data.resident().displayName()).isEqualTo("Anna Peeters");
        assertThat(data.needs()).extracting(n -> n.category()).containsExactlyInAnyOrder("shopping", "company_visits");
        assertThat(data.matches()).extracting(MatchView::id).containsExactlyInAnyOrder(neighbourMatch, residentHelperMatch);
        assertThat(data.matches()).flatExtracting(MatchView::help).extracting(MatchView.HelpEvent::what)
                .containsExactlyInAnyOrder("Weekly groceries", "Coffee and a walk");
        assertThat(data.audit().get(neighbourMatch)).extracting(MatchView.AuditEntry::action)
                .containsExactly("PROPOSE", "VALIDATE", "LOG_HELP", "CLOSE");
        assertThat(export.export(helperResident, COORDINATOR).matches()).extracting(MatchView::id)
                .containsExactly(residentHelperMatch);
        assertThat(export.export(helperResident, COORDINATOR).capacities()).hasSize(1);
    }

    @Test
    void shouldLeaveOnlyAnonymousCountsAfterAPersonIsErased() {
        MatchingDashboard.Dashboard before = dashboard.of("T1", null, null, COORDINATOR, today);

        world.residents.erase(anna);

        MatchingDashboard.Dashboard after = dashboard.of("T1", null, null, COORDINATOR, today);
        assertThat(after.peopleMatched()).isEqualTo(before.peopleMatched());
        assertThat(after.matchesValidated()).isEqualTo(before.matchesValidated());
        assertThat(after.helpHours()).isEqualTo(before.helpHours());
        assertThat(after.matchesByKind()).isEqualTo(before.matchesByKind());
        assertThat(after.afterCareOverdue()).isZero();
        MatchView anonymous = matches.get(neighbourMatch, COORDINATOR);
        assertThat(anonymous.anonymised()).isTrue();
        assertThat(anonymous.needId()).isNull();
        assertThat(anonymous.person()).isNull();
        assertThat(anonymous.reasons()).isEmpty();
        assertThat(anonymous.help()).extracting(MatchView.HelpEvent::what).containsOnlyNulls();
        assertThat(matches.get(residentHelperMatch, COORDINATOR).status()).isEqualTo(MatchStatus.CLOSED);
        assertThat(matches.audit(neighbourMatch, COORDINATOR).getLast().action()).isEqualTo("ERASE_PERSON");
        assertThat(world.graph.count("MATCH (m:Match) WHERE m.personKey = $id RETURN count(m)", Map.of("id", anna))).isZero();
        assertThat(world.graph.count("""
                MATCH (n) WHERE any(k IN keys(n) WHERE any(x IN CASE WHEN valueType(n[k]) STARTS WITH 'LIST' THEN n[k] ELSE [n[k]] END
                                                           WHERE toStringOrNull(x) CONTAINS 'Anna' OR toStringOrNull(x) = $id))
                RETURN count(n)""", Map.of("id", anna))).isZero();
    }

    @Test
    void shouldEndTheMatchesOfAnErasedHelperAndOpenTheirNeedsAgain() {
        world.residents.erase(helperResident);

        MatchView ended = matches.get(residentHelperMatch, COORDINATOR);
        assertThat(ended.status()).isEqualTo(MatchStatus.DECLINED);
        assertThat(ended.helper().ownerId()).isNull();
        assertThat(ended.helper().kind()).isEqualTo(HelperKind.NEIGHBOUR);
        assertThat(world.graph.count("MATCH (:Match {id: $id})-[:FOR_NEED]->(n:Need {status: 'OPEN'}) RETURN count(n)",
                Map.of("id", residentHelperMatch))).isEqualTo(1);
        assertThat(dashboard.of("T1", null, null, COORDINATOR, today).helpHours()).isEqualTo(4.5);
    }
}
