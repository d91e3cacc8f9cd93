package be.carenetwork.benchmark;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Latencies of one operation: a warm-up that is thrown away, then timed iterations.
 *
 * @param millis the timed iterations' latencies in milliseconds, sorted
 */
public record Measurement(String name, double[] millis) {

    /** Runs {@code op} with iteration numbers 0, 1, 2, ...: warm-up first, then the timed ones. */
    public static Measurement of(String name, int warmup, int iterations, IntConsumer op) {
        for (int i = 0; i < warmup; i++) {
            op.accept(i);
        }
        double[] millis = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            op.accept(warmup + i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Measurement(name, millis);
    }

    public double percentile(double p) {
        int index = (int) Math.ceil(p / 100.0 * millis.length) - 1;
        return millis[Math.max(0, Math.min(index, millis.length - 1))];
    }

    public double max() {
        return millis[millis.length - 1];
    }

    public String row() {
        return "| %s | %d | %.2f | %.2f | %.2f | %.2f |".formatted(name, millis.length, percentile(50),
                percentile(95), percentile(99), max());
    }
}
