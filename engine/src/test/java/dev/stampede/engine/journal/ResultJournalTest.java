package dev.stampede.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.engine.http.Completion;
import dev.stampede.engine.measure.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ResultJournalTest {

    /** Any NanoClock reading: times in the journal are relative to it. */
    private static final long ORIGIN = 5_000_000_000L;

    private static final List<String> ENDPOINTS = List.of("GET /quote", "POST /order");

    @TempDir
    Path dir;

    @Test
    void twoThreadsRecordingConcurrentlyReadBackEveryEntryInEachThreadsOrder() throws Exception {
        int perThread = 50_000;
        JournalOptions options = JournalOptions.defaults().withCapacity(1 << 17); // room for all: none may drop
        ResultJournal journal = ResultJournal.open(dir, "run-1", ENDPOINTS, ORIGIN, 1_700_000_000_000L, options);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                await(start);
                for (int i = 0; i < perThread; i++) {
                    long intended = ORIGIN + i * 1_000L + thread;
                    long sent = i % 10 == 0 ? Completion.NOT_SENT : intended + 7;
                    journal.record(
                            thread,
                            intended,
                            sent,
                            intended + 1_000 + i,
                            200 + i % 3,
                            i,
                            Outcome.ALL.get(i % Outcome.COUNT),
                            thread + 1,
                            i);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        journal.close();

        assertThat(journal.written()).isEqualTo(2L * perThread);
        assertThat(journal.dropped()).isZero();
        try (JournalReader reader = JournalReader.open(dir)) {
            assertThat(reader.header().runId()).isEqualTo("run-1");
            assertThat(reader.header().endpoints()).isEqualTo(ENDPOINTS);
            assertThat(reader.header().originEpochMillis()).isEqualTo(1_700_000_000_000L);
            assertThat(reader.header().outcomeCodes())
                    .isEqualTo(Outcome.ALL.stream().map(Outcome::code).toList());
            int[] next = new int[2];
            JournalEntry entry = new JournalEntry();
            long read = 0;
            while (reader.next(entry)) {
                int thread = entry.endpoint();
                int i = (int) entry.responseBytes();
                assertThat(i).as("thread %d's entries in its order", thread).isEqualTo(next[thread]++);
                assertThat(entry.index()).isEqualTo(read++);
                assertThat(entry.intendedNanos()).isEqualTo(i * 1_000L + thread);
                if (i % 10 == 0) {
                    assertThat(entry.sent()).isFalse();
                    assertThat(entry.sentNanos()).isEqualTo(-1);
                    assertThat(entry.sendLagNanos()).isEqualTo(-1);
                } else {
                    assertThat(entry.sendLagNanos()).isEqualTo(7);
                }
                assertThat(entry.latencyNanos()).isEqualTo(1_000 + i);
                assertThat(entry.status()).isEqualTo(200 + i % 3);
                assertThat(reader.header().outcomeCodes().get(entry.outcome()))
                        .isEqualTo(Outcome.ALL.get(i % Outcome.COUNT).code());
                assertThat(entry.traceHigh()).isEqualTo(thread + 1);
                assertThat(entry.traceLow()).isEqualTo(i);
            }
            assertThat(next).containsExactly(perThread, perThread);
            assertThat(reader.trailer()).contains(new JournalTrailer(2L * perThread, 0));
        }
    }

    @Test
    void aFullBufferDropsAndCountsWithoutWaitingAndTheTrailerSaysHowMany() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ThreadFactory heldBack = task -> new Thread(() -> {
            await(release); // the journal thread drains nothing until released
            task.run();
        });
        ResultJournal journal = ResultJournal.open(dir, "run-2", ENDPOINTS, ORIGIN, 0, new JournalOptions(4, heldBack));

        for (int i = 0; i < 10; i++) {
            journal.record(0, ORIGIN + i, ORIGIN + i, ORIGIN + i + 5, 200, 1, Outcome.OK, 0, i);
        }

        assertThat(journal.dropped()).isEqualTo(6);
        assertThat(journal.written()).isZero();
        release.countDown();
        journal.close();
        assertThat(journal.written()).isEqualTo(4);
        assertThat(journal.dropped()).isEqualTo(6);
        journal.record(0, ORIGIN, ORIGIN, ORIGIN, 200, 1, Outcome.OK, 0, 99);
        assertThat(journal.dropped()).as("after close: counted, not written").isEqualTo(7);

        try (JournalReader reader = JournalReader.open(dir)) {
            JournalEntry entry = new JournalEntry();
            List<Long> kept = new ArrayList<>();
            while (reader.next(entry)) {
                kept.add(entry.traceLow());
            }
            assertThat(kept).as("the first four fitted").containsExactly(0L, 1L, 2L, 3L);
            assertThat(reader.trailer()).contains(new JournalTrailer(4, 6));
        }
    }

    @Test
    void anEmptyRunStillWritesHeaderAndTrailer() {
        ResultJournal.open(dir, "empty", ENDPOINTS, ORIGIN, 0).close();

        try (JournalReader reader = JournalReader.open(dir)) {
            assertThat(reader.next(new JournalEntry())).isFalse();
            assertThat(reader.trailer()).contains(new JournalTrailer(0, 0));
        }
    }

    @Test
    void refusesAJournalFolderThatHoldsFilesAlready() throws Exception {
        Files.createDirectories(dir.resolve("journal"));
        Files.writeString(dir.resolve("journal/old.cq4"), "x");

        assertThatThrownBy(() -> ResultJournal.open(dir, "run", ENDPOINTS, ORIGIN, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("journal").toString())
                .hasMessageContaining("not empty");
    }

    @Test
    void capacityMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> JournalOptions.defaults().withCapacity(1000)).hasMessageContaining("power of two");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
