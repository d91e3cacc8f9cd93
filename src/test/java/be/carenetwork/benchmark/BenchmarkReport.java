package be.carenetwork.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;

import org.springframework.boot.test.context.TestComponent;

/**
 * Prints results and appends them to {@code target/benchmark/report.md}, one section per benchmark class.
 */
@TestComponent
public class BenchmarkReport {

    private static final Path FILE = Path.of("target/benchmark/report.md");
    /** One report per benchmark run: the first report made in this JVM replaces the previous run's file. */
    private static boolean started;

    public BenchmarkReport() {
        try {
            Files.createDirectories(FILE.getParent());
            synchronized (BenchmarkReport.class) {
                if (started && Files.exists(FILE)) {
                    return;
                }
                started = true;
                Files.writeString(FILE, "# Benchmark report\n\nStarted " + OffsetDateTime.now() + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void section(String title) {
        write("\n## " + title + "\n\n| what | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
    }

    public Measurement add(Measurement measurement) {
        write(measurement.row() + "\n");
        return measurement;
    }

    /** A free-form line: a size, a count, a plan. */
    public void note(String text) {
        write("\n" + text + "\n");
    }

    private synchronized void write(String text) {
        System.out.print(text);
        try {
            Files.writeString(FILE, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
