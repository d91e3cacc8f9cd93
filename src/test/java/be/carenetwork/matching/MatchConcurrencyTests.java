package be.carenetwork.matching;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.support.CareNetworkTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static be.carenetwork.matching.MatchingFixture.COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Parallel validations through the real HTTP port: no capacity and no need is ever booked twice. */
@CareNetworkTest
class MatchConcurrencyTests {

    static final int THREADS = 20;

    @Autowired ApplicationContext context;
    @Autowired MatchWorkflow workflow;
    @LocalServerPort int port;

    MatchingFixture world;
    final HttpClient http = HttpClient.newHttpClient();

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
    void shouldValidateOnlyOneOfTwentyParallelMatchesOnACapacityThatTakesOne() throws Exception {
        String helper = world.actor("Only one at a time", ActorKind.NEIGHBOUR, 100, List.of("nl"), null);
        String capacity = world.offer(helper, "shopping", 1500, null, 1);
        List<String> matchIds = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String person = world.resident("Person " + i, -300 + i * 30, List.of("nl"), true);
            String need = world.need(person, "shopping", 2000, null, null);
            matchIds.add(workflow.propose(need, capacity, COORDINATOR, OffsetDateTime.now()).id());
        }

        List<Integer> statuses = validateInParallel(matchIds);

        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(THREADS - 1);
        assertThat(world.graph.count("MATCH (m:Match {capacityId: $id}) WHERE m.status = 'VALIDATED' RETURN count(m)",
                Map.of("id", capacity))).isEqualTo(1);
        assertThat(world.graph.count("MATCH (n:Need {status: 'MATCHED'}) RETURN count(n)")).isEqualTo(1);
    }

    @Test
    void shouldValidateOnlyOneOfTwentyParallelMatchesForTheSameNeed() throws Exception {
        String person = world.resident("Anna", 0, List.of("nl"), true);
        String need = world.need(person, "shopping", 2000, null, null);
        List<String> matchIds = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String helper = world.actor("Helper " + i, ActorKind.VOLUNTEER, 50 + i * 20, List.of("nl"), null);
            String capacity = world.offer(helper, "shopping", 1500, null, 3);
            matchIds.add(workflow.propose(need, capacity, COORDINATOR, OffsetDateTime.now()).id());
        }

        List<Integer> statuses = validateInParallel(matchIds);

        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(THREADS - 1);
        assertThat(world.graph.count("MATCH (m:Match)-[:FOR_NEED]->(:Need {id: $id}) WHERE m.status = 'VALIDATED' RETURN count(m)",
                Map.of("id", need))).isEqualTo(1);
        assertThat(world.graph.count("MATCH (a:AuditEntry {action: 'VALIDATE'}) RETURN count(a)")).isEqualTo(1);
    }

    private List<Integer> validateInParallel(List<String> matchIds) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("coordinator:coordinator-demo".getBytes(StandardCharsets.UTF_8));
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (String id : matchIds) {
                results.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/matching/matches/" + id + "/validate"))
                            .header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()).build();
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        }
    }
}
