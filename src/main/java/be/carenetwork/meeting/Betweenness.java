package be.carenetwork.meeting;

import java.util.Arrays;

/**
 * Betweenness centrality of an unweighted, undirected graph (Brandes, 2001): for each node, the share of shortest
 * paths between other pairs that pass through it. O(nodes x edges), which is a few milliseconds for one
 * neighbourhood's network (hundreds of actors); Neo4j Community has no Graph Data Science library to do it.
 */
final class Betweenness {

    private Betweenness() {
    }

    /**
     * @param adjacency for each node, its neighbours' indexes (each edge listed at both ends, no duplicates)
     * @return each node's betweenness, normalised to 0-1 by the number of pairs of other nodes
     */
    static double[] of(int[][] adjacency) {
        int n = adjacency.length;
        double[] centrality = new double[n];
        int[] stack = new int[n];
        int[] queue = new int[n];
        int[] distance = new int[n];
        double[] paths = new double[n];
        double[] dependency = new double[n];
        for (int source = 0; source < n; source++) {
            Arrays.fill(distance, -1);
            Arrays.fill(paths, 0);
            Arrays.fill(dependency, 0);
            distance[source] = 0;
            paths[source] = 1;
            int head = 0;
            int tail = 0;
            int top = 0;
            queue[tail++] = source;
            while (head < tail) {
                int v = queue[head++];
                stack[top++] = v;
                for (int w : adjacency[v]) {
                    if (distance[w] < 0) {
                        distance[w] = distance[v] + 1;
                        queue[tail++] = w;
                    }
                    if (distance[w] == distance[v] + 1) {
                        paths[w] += paths[v];
                    }
                }
            }
            // Back from the farthest: the predecessors of w are its neighbours one step nearer the source.
            while (top > 0) {
                int w = stack[--top];
                for (int v : adjacency[w]) {
                    if (distance[v] >= 0 && distance[v] == distance[w] - 1) {
                        dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
                    }
                }
                if (w != source) {
                    centrality[w] += dependency[w];
                }
            }
        }
        // Each pair was counted from both ends.
        double pairs = n > 2 ? (n - 1) * (n - 2) / 2.0 : 1;
        for (int i = 0; i < n; i++) {
            centrality[i] = centrality[i] / 2 / pairs;
        }
        return centrality;
    }
}
