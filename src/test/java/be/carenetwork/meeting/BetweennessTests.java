package be.carenetwork.meeting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BetweennessTests {

    @Test
    void shouldGiveTheMiddleOfAPathAllTheShortestPaths() {
        double[] b = Betweenness.of(new int[][]{{1}, {0, 2}, {1}});

        assertThat(b).containsExactly(new double[]{0, 1, 0}, within(1e-9));
    }

    @Test
    void shouldGiveTheCentreOfAStarAllPairsOfLeaves() {
        double[] b = Betweenness.of(new int[][]{{1, 2, 3, 4}, {0}, {0}, {0}, {0}});

        assertThat(b[0]).isCloseTo(1.0, within(1e-9));
        assertThat(b[1]).isZero();
    }

    @Test
    void shouldShareTiesBetweenEqualShortestPaths() {
        // A square 0-1-2-3-0: the pair (1, 3) goes through 0 or 2, half each; one pair of three per node.
        double[] b = Betweenness.of(new int[][]{{1, 3}, {0, 2}, {1, 3}, {0, 2}});

        assertThat(b).containsExactly(new double[]{0.5 / 3, 0.5 / 3, 0.5 / 3, 0.5 / 3}, within(1e-9));
    }

    @Test
    void shouldFindTheBridgeBetweenTwoGroups() {
        // Triangles {0,1,2} and {4,5,6}, joined through 3 (between 2 and 4).
        int[][] graph = {{1, 2}, {0, 2}, {0, 1, 3}, {2, 4}, {3, 5, 6}, {4, 6}, {4, 5}};
        double[] b = Betweenness.of(graph);

        assertThat(b[3]).isGreaterThan(b[0]).isGreaterThan(b[5]);
        assertThat(b[2]).isCloseTo(b[4], within(1e-9));
        // 3 lies on every path between the 3 nodes of one side and the 3 of the other: 9 of the 15 other pairs.
        assertThat(b[3]).isCloseTo(9.0 / 15, within(1e-9));
    }

    @Test
    void shouldEstimateFromSampledSourcesCloseToTheExactValues() {
        // A long path of 400 nodes: the middle node carries about half of all pairs.
        int n = 400;
        int[][] path = new int[n][];
        for (int i = 0; i < n; i++) {
            path[i] = i == 0 ? new int[]{1} : i == n - 1 ? new int[]{n - 2} : new int[]{i - 1, i + 1};
        }
        double[] exact = Betweenness.of(path);
        double[] estimated = Betweenness.of(path, 100);

        assertThat(estimated[n / 2]).isCloseTo(exact[n / 2], within(0.02));
        assertThat(estimated[0]).isZero();
        assertThat(exact[n / 2]).isCloseTo(0.5, within(0.01));
    }

    @Test
    void shouldGiveIsolatedNodesNothing() {
        assertThat(Betweenness.of(new int[][]{{}, {2}, {1}})).containsExactly(0, 0, 0);
    }

    @Test
    void shouldBeExactForAUsualNeighbourhoodAndSampleWithinTheBudgetAboveIt() {
        assertThat(NetworkHealth.sources(ring(140, 12))).as("140 actors, 12 links each").isEqualTo(140);
        int[][] large = ring(2_200, 26);
        assertThat(NetworkHealth.sources(large)).isEqualTo((int) (NetworkHealth.BETWEENNESS_WORK / (2_200 * 26)));
        assertThat(NetworkHealth.sources(ring(5_000, 200))).isEqualTo(NetworkHealth.MIN_SOURCES);
    }

    /** n nodes, each linked to its next {@code degree / 2} and previous {@code degree / 2} around a ring. */
    private static int[][] ring(int n, int degree) {
        int[][] ring = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] neighbours = new int[degree];
            for (int k = 0; k < degree / 2; k++) {
                neighbours[2 * k] = (i + k + 1) % n;
                neighbours[2 * k + 1] = (i - k - 1 + n) % n;
            }
            ring[i] = neighbours;
        }
        return ring;
    }
}
