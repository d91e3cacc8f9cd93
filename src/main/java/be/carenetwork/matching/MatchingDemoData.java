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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MatchingDemoData.class);

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
        long started = System.nanoTime();
        Random random = graph.random();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        List<String> needIds = graph.needIds();
        List<OffsetDateTime> createdAt = needIds.stream()
                .map(id -> now.minusDays(2 + random.nextInt(120)).minusHours(random.nextInt(10))).toList();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < needIds.size(); i++) {
            rows.add(Map.of("id", needIds.get(i), "created", createdAt.get(i)));
        }
        neo4j.query("UNWIND $rows AS row MATCH (n:Need {id: row.id, demo: true}) SET n.createdAt = row.created")
                .bind(rows).to("rows").run();
        for (int i = 0; i < needIds.size(); i++) {
            String needId = needIds.get(i);
            OffsetDateTime created = createdAt.get(i);
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
                String declined = workflow.create(need, chosen, Caller.DEMO, at);
                OffsetDateTime later = at.plusHours(20);
                workflow.apply(workflow.declining(declined, "Not available these weeks", Caller.DEMO, later), Caller.DEMO, later);
                at = at.plusDays(1);
                chosen = proposals.get(1);
            }
            story(story, need, chosen, at, now, random);
        }
        log.info("Demo matches added in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void story(int story, CapacityMatching.NeedFacts need, Proposal chosen, OffsetDateTime at, OffsetDateTime now,
                       Random random) {
        String match = workflow.create(need, chosen, Caller.DEMO, at);
        if (story == 1) {
            return;
        }
        OffsetDateTime validated = earlier(at.plusDays(1), now);
        workflow.apply(workflow.validating(match, Caller.DEMO, validated), Caller.DEMO, validated);
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
            workflow.apply(workflow.helping(match, helped.toLocalDate(), HELP[random.nextInt(HELP.length)],
                    30 + 15 * random.nextInt(8), Caller.DEMO, helped), Caller.DEMO, helped);
        }
        if (story == 3) {
            return;
        }
        OffsetDateTime closed = earlier(last.plusDays(3), now);
        LocalDate due = closed.toLocalDate().plusDays(14);
        workflow.apply(workflow.closing(match, due, closed), Caller.DEMO, closed);
        if (story == 5 && due.isBefore(now.toLocalDate())) {
            OffsetDateTime followedUp = due.atStartOfDay().atOffset(ZoneOffset.UTC).plusHours(10);
            workflow.apply(workflow.followingUp(match, OUTCOMES[random.nextInt(OUTCOMES.length)], followedUp),
                    Caller.DEMO, followedUp);
        }
    }

    private static OffsetDateTime earlier(OffsetDateTime wanted, OffsetDateTime now) {
        return wanted.isAfter(now) ? now : wanted;
    }
}
