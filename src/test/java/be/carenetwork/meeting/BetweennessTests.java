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
    void shouldGiveIsolatedNodesNothing() {
        assertThat(Betweenness.of(new int[][]{{}, {2}, {1}})).containsExactly(0, 0, 0);
    }
}
