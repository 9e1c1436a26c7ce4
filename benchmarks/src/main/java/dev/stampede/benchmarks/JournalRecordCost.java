package dev.stampede.benchmarks;

import dev.stampede.engine.journal.JournalOptions;
import dev.stampede.engine.journal.ResultJournal;
import dev.stampede.engine.measure.Outcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * What one journal call costs the calling thread, in that thread's CPU time (so a machine shared with
 * other work still gives a usable figure, unlike wall-clock JMH): {@code threads} callers each make
 * {@code calls} calls of a fixed piece of busy work (standing in for the event loop's own work per
 * request) followed by the journal call, for each hand-off: {@code none} (the baseline), {@code ring}
 * (the journal's ring, drained by its own thread) and {@code chronicle} (a Chronicle appender per
 * calling thread, one excerpt per entry). Cost = CPU ns per call minus the baseline's. Each mode runs
 * twice; the first run is warm-up.
 *
 * <p>{@code java [stampede.jvm.args] -cp benchmarks/target/benchmarks.jar
 * dev.stampede.benchmarks.JournalRecordCost [threads] [calls] [work steps, 1000 = ~1.4 µs]}
 */
public final class JournalRecordCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long sink;

    private JournalRecordCost() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        long calls = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000L;
        int work = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        for (int round = 0; round < 2; round++) {
            for (String mode : List.of("none", "ring", "chronicle")) {
                run(mode, threads, calls, work, round == 0);
            }
        }
    }

    private static void run(String mode, int threads, long calls, int work, boolean warmUp) throws Exception {
        Path dir = Files.createTempDirectory("journal-cost");
        ResultJournal journal = mode.equals("ring")
                ? ResultJournal.open(dir, "cost", List.of("GET /"), 0, 0, JournalOptions.defaults())
                : null;
        ChronicleQueue queue = mode.equals("chronicle")
                ? SingleChronicleQueueBuilder.single(dir.toFile()).build()
                : null;
        long[] cpu = new long[threads];
        Thread[] callers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            callers[t] = new Thread(() -> {
                ExcerptAppender appender = queue == null ? null : queue.createAppender();
                long start = THREADS.getCurrentThreadCpuTime();
                long x = thread + 1;
                for (long i = 0; i < calls; i++) {
                    for (int w = 0; w < work; w++) { // ~1.4 ns per step on the build machine
                        x ^= x << 13;
                        x ^= x >>> 7;
                        x ^= x << 17;
                    }
                    if (journal != null) {
                        journal.record(0, i, i + 10, i + 1_000, 200, 512, Outcome.OK, x, i);
                    } else if (appender != null) {
                        try (DocumentContext dc = appender.writingDocument()) {
                            Bytes<?> out = dc.wire().bytes();
                            out.writeByte((byte) 2).writeInt(1);
                            out.writeLong(i)
                                    .writeLong(i + 10)
                                    .writeLong(i + 1_000)
                                    .writeInt(0);
                            out.writeShort((short) 200).writeLong(512).writeByte((byte) 0);
                            out.writeLong(x).writeLong(i);
                        }
                    }
                }
                cpu[thread] = THREADS.getCurrentThreadCpuTime() - start;
                sink = x;
                if (appender != null) {
                    appender.close();
                }
            });
            callers[t].start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        String dropped = "";
        if (journal != null) {
            journal.close();
            dropped = String.format(Locale.ROOT, "  (written %,d, dropped %,d)", journal.written(), journal.dropped());
        }
        if (queue != null) {
            queue.close();
        }
        long total = 0;
        for (long c : cpu) {
            total += c;
        }
        if (!warmUp) {
            System.out.printf(
                    Locale.ROOT,
                    "%-9s %d thread(s): %6.1f CPU ns per call on the calling thread%s%n",
                    mode,
                    threads,
                    (double) total / (threads * calls),
                    dropped);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
