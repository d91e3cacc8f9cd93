package be.carenetwork.matching;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import be.carenetwork.demo.DemoDataContributor;
import be.carenetwork.demo.DemoGraph;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Matching's part of the demo: the demo needs get ages of up to four months, and most of them a history, through the
 * real workflow: proposed, validated, active with help logged, closed with after care due, overdue or done, and a
 * few declined proposals. About one need in six stays open, so the dashboard shows gaps. Fictional, seeded.
 */
@Component
class MatchingDemoData implements DemoDataContributor {

    private static final String[] HELP = {"Groceries for the week", "Drive to the hospital", "Coffee and a chat",
            "Filled in a form together", "Fixed a shelf", "Walked the dog", "Cooked a meal", "Set up the smartphone"};
    private static final String[] OUTCOMES = {"Doing well, no further help needed", "Asked for help again next month",
            "Referred to the CPAS for a follow-up", "Happy with the help; keeps in touch with the helper"};

    private final Neo4jClient neo4j;
    private final CapacityMatching matching;
    private final MatchWorkflow workflow;

    MatchingDemoData(Neo4jClient neo4j, CapacityMatching matching, MatchWorkflow workflow) {
        this.neo4j = neo4j;
        this.matching = matching;
        this.workflow = workflow;
    }

    @Override
    public void contribute(DemoGraph graph) {
        Random random = graph.random();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        List<String> needIds = graph.needIds();
        for (int i = 0; i < needIds.size(); i++) {
            String needId = needIds.get(i);
            OffsetDateTime created = now.minusDays(2 + random.nextInt(120)).minusHours(random.nextInt(10));
            neo4j.query("MATCH (n:Need {id: $id, demo: true}) SET n.createdAt = $created")
                    .bindAll(Map.of("id", needId, "created", created)).run();
            int story = i % 6;
            if (story == 0) {
                continue;
            }
            CapacityMatching.NeedFacts need = matching.facts(needId);
            if (need.closed() || (need.residentId() != null && !need.consented())) {
                continue;
            }
            List<Proposal> proposals = matching.rank(need, null, 3, Caller.DEMO);
            if (proposals.isEmpty()) {
                continue;
            }
            OffsetDateTime at = created.plusDays(1 + random.nextInt(3));
            Proposal chosen = proposals.getFirst();
            if (proposals.size() > 1 && random.nextInt(3) == 0) {
                // The first helper asked could not: declined, then the next one.
                MatchView declined = workflow.propose(needId, chosen.capacityId(), Caller.DEMO, at);
                workflow.decline(declined.id(), "Not available these weeks", Caller.DEMO, at.plusHours(20));
                at = at.plusDays(1);
                chosen = proposals.get(1);
            }
            story(story, needId, chosen, at, now, random);
        }
    }

    private void story(int story, String needId, Proposal chosen, OffsetDateTime at, OffsetDateTime now, Random random) {
        MatchView match = workflow.propose(needId, chosen.capacityId(), Caller.DEMO, at);
        if (story == 1) {
            return;
        }
        OffsetDateTime validated = earlier(at.plusDays(1), now);
        workflow.validate(match.id(), Caller.DEMO, validated);
        if (story == 2) {
            return;
        }
        OffsetDateTime last = validated;
        int visits = 1 + random.nextInt(4);
        for (int v = 0; v < visits; v++) {
            OffsetDateTime helped = earlier(validated.plusDays(2 + 7L * v), now);
            if (helped.isBefore(last)) {
                break;
            }
            last = helped;
            workflow.logHelp(match.id(), helped.toLocalDate(), HELP[random.nextInt(HELP.length)], 30 + 15 * random.nextInt(8),
                    Caller.DEMO, helped);
        }
        if (story == 3) {
            return;
        }
        OffsetDateTime closed = earlier(last.plusDays(3), now);
        LocalDate due = closed.toLocalDate().plusDays(14);
        workflow.close(match.id(), due, Caller.DEMO, closed);
        if (story == 5 && due.isBefore(now.toLocalDate())) {
            workflow.recordAfterCare(match.id(), OUTCOMES[random.nextInt(OUTCOMES.length)], Caller.DEMO,
                    due.atStartOfDay().atOffset(ZoneOffset.UTC).plusHours(10));
        }
    }

    private static OffsetDateTime earlier(OffsetDateTime wanted, OffsetDateTime now) {
        return wanted.isAfter(now) ? now : wanted;
    }
}
