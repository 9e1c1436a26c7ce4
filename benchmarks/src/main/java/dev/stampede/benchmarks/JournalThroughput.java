package dev.stampede.benchmarks;

import dev.stampede.engine.journal.JournalOptions;
import dev.stampede.engine.journal.ResultJournal;
import dev.stampede.engine.measure.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The rate of entries the result journal sustains: for each rate given (entries/s, default 250k to
 * 4M), {@code threads} producers (default 2, like two event loops) record that rate between them for
 * {@code seconds} (default 3), each pacing itself by busy-waiting on {@code System.nanoTime}; prints
 * entries written and dropped, so the highest rate with nothing dropped is what it sustains. On a
 * 2-core machine the producers' busy-waiting competes with the journal thread, which makes this a
 * lower bound.
 *
 * <p>{@code java [stampede.jvm.args] -cp benchmarks/target/benchmarks.jar
 * dev.stampede.benchmarks.JournalThroughput [threads] [seconds] [rate...]}
 */
public final class JournalThroughput {

    private JournalThroughput() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long[] rates = args.length > 2
                ? java.util.Arrays.stream(args, 2, args.length)
                        .mapToLong(Long::parseLong)
                        .toArray()
                : new long[] {250_000, 500_000, 1_000_000, 2_000_000, 4_000_000};
        for (long rate : rates) {
            run(threads, seconds, rate);
        }
    }

    private static void run(int threads, int seconds, long rate) throws Exception {
        Path dir = Files.createTempDirectory("journal-throughput");
        ResultJournal journal =
                ResultJournal.open(dir, "bench", List.of("GET /"), System.nanoTime(), 0, JournalOptions.defaults());
        long start = System.nanoTime();
        long perThread = rate * seconds / threads;
        long intervalNanos = 1_000_000_000L * threads / rate;
        Thread[] producers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            producers[t] = new Thread(() -> {
                long next = System.nanoTime();
                for (long i = 0; i < perThread; i++) {
                    while (System.nanoTime() < next) {
                        Thread.onSpinWait();
                    }
                    long now = System.nanoTime();
                    journal.record(0, next, now, now + 1_000, 200, 512, Outcome.OK, 1, i);
                    next += intervalNanos;
                }
            });
            producers[t].start();
        }
        for (Thread producer : producers) {
            producer.join();
        }
        long recorded = System.nanoTime();
        journal.close();
        long closed = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "%,10d entries/s asked, %d threads: %,11d written, %,9d dropped; achieved %,10.0f/s; close %.1f ms%n",
                rate,
                threads,
                journal.written(),
                journal.dropped(),
                journal.written() * 1e9 / (recorded - start),
                (closed - recorded) / 1e6);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
