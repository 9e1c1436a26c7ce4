package dev.stampede.testbed.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class AccessLogWriterTest {

    /** STAMPEDE plus the connection serial, which the tests use to tell producers and lines apart. */
    private static final String FORMAT_TEXT = NginxLogFormat.STAMPEDE + " $connection";

    private static final NginxLogFormat FORMAT = NginxLogFormat.compile(FORMAT_TEXT);
    private static final NginxLineMatcher MATCHER = NginxLineMatcher.forFormat(FORMAT_TEXT);

    @TempDir
    Path dir;

    @Test
    void writesEveryLineOfManyProducersCompleteAndInEachProducersOrder() throws Exception {
        Path file = dir.resolve("logs/lb/access.log"); // parent directories do not exist yet
        try (AccessLogWriter writer = new AccessLogWriter(file, FORMAT)) {
            logConcurrently(writer, 8, 2_000);
            writer.close();
            assertThat(writer.linesWritten()).isEqualTo(16_000);
        }
        assertEveryLineComplete(file, 8, 2_000);
    }

    @Test
    void losesNothingWhenATinyQueueMakesProducersWait() throws Exception {
        Path file = dir.resolve("access.log");
        AccessLogWriter writer = new AccessLogWriter(file, FORMAT, 4);
        logConcurrently(writer, 16, 500);
        writer.close();
        assertThat(writer.linesWritten()).isEqualTo(8_000);
        assertThat(writer.stalls()).isGreaterThanOrEqualTo(0); // how often depends on scheduling
        assertEveryLineComplete(file, 16, 500);
    }

    @Test
    void aProducerWaitsForRoomInsteadOfDroppingTheLine() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch diskMayProceed = new CountDownLatch(1);
        ByteArrayOutputStream slowDisk = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                writing.countDown();
                try {
                    diskMayProceed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.write(b, off, len);
            }
        };
        AccessLogWriter writer = new AccessLogWriter("slow disk", FORMAT, 1, slowDisk);
        writer.log(TestEntries.entry().connectionSerial(1).build());
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue(); // the writer is stuck flushing line 1
        writer.log(TestEntries.entry().connectionSerial(2).build()); // fills the one-line queue
        ExecutorService producer = Executors.newSingleThreadExecutor();
        try {
            Future<?> third = producer.submit(
                    () -> writer.log(TestEntries.entry().connectionSerial(3).build()));
            while (writer.stalls() == 0) {
                Thread.onSpinWait(); // the producer counts its stall just before it waits
            }
            assertThat(third).isNotDone();
            diskMayProceed.countDown();
            third.get(10, TimeUnit.SECONDS);
        } finally {
            producer.shutdownNow();
        }
        writer.close();
        assertThat(writer.stalls()).isEqualTo(1);
        assertThat(slowDisk.toString(StandardCharsets.UTF_8)
                        .lines()
                        .map(l -> MATCHER.match(l).get("connection")))
                .containsExactly("1", "2", "3");
    }

    @Test
    void truncatesAnExistingFile() throws Exception {
        Path file = dir.resolve("access.log");
        Files.writeString(file, "old line\nanother\n", StandardCharsets.UTF_8);
        try (AccessLogWriter writer = new AccessLogWriter(file, FORMAT)) {
            writer.log(TestEntries.known());
        }
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .containsExactly(FORMAT.render(TestEntries.known()));
    }

    @Test
    void syncMakesLinesVisibleWithoutClosing() throws Exception {
        Path file = dir.resolve("access.log");
        try (AccessLogWriter writer = new AccessLogWriter(file, FORMAT)) {
            for (int i = 0; i < 3; i++) {
                writer.log(TestEntries.known());
            }
            writer.sync();
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(3);
            assertThat(writer.linesWritten()).isEqualTo(3);
        }
    }

    @Test
    void flushesOnItsOwnThreadWhenTheQueueRunsEmpty() throws Exception {
        CountDownLatch flushed = new CountDownLatch(1);
        AtomicReference<Thread> writerThread = new AtomicReference<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                writerThread.set(Thread.currentThread());
                flushed.countDown();
            }
        };
        try (AccessLogWriter writer = new AccessLogWriter("memory", FORMAT, 16, file)) {
            writer.log(TestEntries.known());
            assertThat(flushed.await(10, TimeUnit.SECONDS))
                    .as("flushed without sync or close")
                    .isTrue();
            assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo(FORMAT.render(TestEntries.known()) + "\n");
            assertThat(writerThread.get().getName()).isEqualTo(AccessLogWriter.THREAD_NAME);
            assertThat(writerThread.get().isDaemon()).isTrue();
        }
    }

    @Test
    void refusesLinesAfterCloseAndClosesOnlyOnce() {
        AccessLogWriter writer = new AccessLogWriter(dir.resolve("access.log"), FORMAT);
        writer.close();
        writer.close();
        assertThatThrownBy(() -> writer.log(TestEntries.known()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(writer::sync).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void namesTheFileItCannotOpen() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("i-am-a-directory"));
        assertThatThrownBy(() -> new AccessLogWriter(directory, FORMAT))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(directory.toString());
    }

    @Test
    void rejectsAQueueWithoutRoom() {
        Path file = dir.resolve("never-created.log");
        assertThatThrownBy(() -> new AccessLogWriter(file, FORMAT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void surfacesAWriteFailureInSyncLogAndClose() {
        IOException diskFull = new IOException("No space left on device");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw diskFull;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw diskFull;
            }
        };
        // A line longer than the 64 KiB buffer reaches the stream at once, without waiting for a flush.
        AccessLogEntry huge = TestEntries.entry().body(new byte[70_000]).build();
        AccessLogWriter writer = new AccessLogWriter("disk", FORMAT, 16, failing);
        writer.log(huge);
        assertThatThrownBy(writer::sync)
                .isInstanceOf(UncheckedIOException.class)
                .hasCause(diskFull);
        assertThatThrownBy(() -> writer.log(TestEntries.known()))
                .isInstanceOf(IllegalStateException.class)
                .hasCause(diskFull);
        assertThatThrownBy(writer::close)
                .isInstanceOf(UncheckedIOException.class)
                .hasCause(diskFull);
        assertThat(writer.linesWritten()).isZero();
        writer.close(); // the failure was reported once; closing again does nothing
    }

    /** {@code producers} threads each log {@code perProducer} entries, all released at once. */
    private static void logConcurrently(AccessLogWriter writer, int producers, int perProducer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                done.add(pool.submit(() -> {
                    SplittableRandom rnd = new SplittableRandom(producer);
                    start.await();
                    for (int i = 0; i < perProducer; i++) {
                        writer.log(TestEntries.from(TestEntries.random(rnd))
                                .connectionSerial(producer * 1_000_000L + i)
                                .build());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every line matches the format, and each producer's connection serials arrive complete and in order. */
    private static void assertEveryLineComplete(Path file, int producers, int perProducer) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(producers * perProducer);
        long[] next = new long[producers];
        for (String line : lines) {
            long serial = Long.parseLong(MATCHER.match(line).get("connection"));
            int producer = (int) (serial / 1_000_000L);
            assertThat(serial % 1_000_000L)
                    .as("next line of producer %d", producer)
                    .isEqualTo(next[producer]);
            next[producer]++;
        }
        assertThat(next).containsOnly(perProducer);
    }
}
