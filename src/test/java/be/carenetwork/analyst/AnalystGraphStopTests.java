package be.carenetwork.analyst;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import be.carenetwork.support.CareNetworkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The application's stop does not wait for a copy being built: in CI, on a slow machine, it once waited over 30 s for
 * a refresh that Neo4j would not let be interrupted, and the stop was killed.
 */
@CareNetworkTest
class AnalystGraphStopTests {

    @Autowired PseudonymisedSnapshot snapshot;
    @TempDir Path folder;

    @Test
    void shouldStopWithinSecondsWhileARefreshIgnoresInterrupts() throws Exception {
        CountDownLatch refreshing = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        AnalystGraph graph = new AnalystGraph(properties(), new AnalystGraphBuilder(snapshot), () -> {
            // Stands in for a Neo4j start or a write, which do not heed interrupts.
            refreshing.countDown();
            awaitUninterruptibly(letGo);
            return -1;
        }, true, 0);
        graph.start();
        assertThat(refreshing.await(30, TimeUnit.SECONDS)).isTrue();

        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> graph.stop());
        } finally {
            letGo.countDown();
        }
        Thread.sleep(3_000);
        assertThat(graph.status().ready()).as("a refresh that outlived the stop serves nothing").isFalse();
        assertThat(graph.isRunning()).isFalse();
    }

    private AnalystProperties properties() {
        return new AnalystProperties(AnalystProperties.Mode.ON, folder, false, "localhost", 0, "analyst", "analyst-demo",
                Duration.ofMinutes(5), DataSize.ofMegabytes(8), Duration.ofSeconds(30), DataSize.ofMegabytes(64), 100,
                1000, "stop-test-key");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
