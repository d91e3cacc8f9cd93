package be.carenetwork.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import be.carenetwork.demo.DemoGraph;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.NeedInput;
import be.carenetwork.directory.NeedStatus;
import be.carenetwork.support.CareNetworkTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@CareNetworkTest
class MatchingDemoDataTests {

    @Autowired ApplicationContext context;
    @Autowired MatchingDemoData demo;
    @Autowired TransactionTemplate transaction;
    @Autowired MatchingDashboard dashboard;

    MatchingFixture world;

    @BeforeEach
    void fixture() {
        world = new MatchingFixture(context);
        world.reset();
    }

    @AfterEach
    void signOut() {
        world.signOut();
    }

    @Test
    void shouldGiveTheDemoNeedsAHistoryThroughTheWorkflow() {
        for (int i = 0; i < 4; i++) {
            String helper = world.actor("Helper " + i, ActorKind.NEIGHBOUR, 100 + 50 * i, List.of("nl"), null);
            world.offer(helper, "shopping", 1000, null, 3);
        }
        List<String> needIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String person = world.resident("Person " + i, -200 + 30 * i, List.of("nl"), true);
            String id = UUID.randomUUID().toString();
            world.needs.write(id, new NeedInput(person, null, "shopping", "Demo request", null, null, 2000, null, null),
                    NeedStatus.OPEN, true);
            needIds.add(id);
        }

        transaction.executeWithoutResult(status -> demo.contribute(new DemoGraph(List.of("T1"), List.of(), List.of(),
                List.of(), needIds, new Random(1))));

        List<String> statuses = world.graph.rows("MATCH (m:Match) RETURN m.status AS s", java.util.Map.of()).stream()
                .map(row -> (String) row.get("s")).toList();
        assertThat(statuses).contains("PROPOSED", "VALIDATED", "ACTIVE", "CLOSED");
        assertThat(world.graph.count("MATCH (:Match)-[:LOGGED]->(h:HelpEvent) RETURN count(h)")).isPositive();
        assertThat(world.graph.count("MATCH (n:Need {status: 'OPEN'}) WHERE NOT EXISTS { (n)<-[:FOR_NEED]-() } RETURN count(n)"))
                .isPositive();
        assertThat(world.graph.count("MATCH (n:Need) WHERE n.createdAt < datetime() - duration('P1D') RETURN count(n)"))
                .isEqualTo(12);
        MatchingDashboard.Dashboard d = dashboard.of("T1", null, null, MatchingFixture.COORDINATOR, LocalDate.now());
        assertThat(d.matchesValidated()).isPositive();
        assertThat(d.helpHours()).isPositive();
    }
}
