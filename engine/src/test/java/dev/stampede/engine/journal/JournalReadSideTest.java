package dev.stampede.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.engine.measure.Outcome;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Trace lookup, the slowest entries, the summary and CSV, over a journal the writer made. */
@Timeout(30)
class JournalReadSideTest {

    private static final long ORIGIN = 123_456_789L;

    @TempDir
    Path dir;

    /** 5,000 entries with seeded random latencies; entry i carries trace (i, i * 31) and endpoint i % 3. */
    private long[] writeJournal() {
        Random random = new Random(42);
        long[] latencies = new long[5_000];
        try (ResultJournal journal = ResultJournal.open(dir, "run", List.of("a", "b, \"c\"", "d"), ORIGIN, 0)) {
            for (int i = 0; i < latencies.length; i++) {
                latencies[i] = i == 4_000 ? latencies[17] : random.nextInt(1_000_000); // one tie, for the rule
                long intended = ORIGIN + 1_000_000L + i * 1_000L;
                Outcome outcome = i % 50 == 0 ? Outcome.HTTP_5XX : Outcome.OK;
                journal.record(
                        i % 3,
                        intended,
                        intended + 3,
                        intended + latencies[i],
                        outcome == Outcome.OK ? 200 : 503,
                        10,
                        outcome,
                        i,
                        i * 31L);
            }
        }
        return latencies;
    }

    @Test
    void findsTheEntryWithATraceId() {
        writeJournal();
        TraceId wanted = TraceId.parse(TraceId.format(1234, 1234 * 31L));

        List<Long> found = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir)) {
            JournalEntry entry = new JournalEntry();
            while (reader.next(entry)) {
                if (entry.hasTrace(wanted)) {
                    found.add(entry.index());
                }
            }
        }

        assertThat(found).containsExactly(1234L);
    }

    @Test
    void keepsTheNSlowestFromTheIntendedTimeSlowestFirst() {
        long[] latencies = writeJournal();
        SlowestEntries slowest = new SlowestEntries(10);

        try (JournalReader reader = JournalReader.open(dir)) {
            JournalEntry entry = new JournalEntry();
            while (reader.next(entry)) {
                slowest.add(entry);
            }
        }

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < latencies.length; i++) {
            expected.add(i);
        }
        // slowest first; among equal latencies the earlier entry
        expected.sort(Comparator.<Integer>comparingLong(i -> -latencies[i]).thenComparing(i -> i));
        List<JournalEntry> kept = slowest.slowestFirst();
        assertThat(kept).extracting(e -> (int) e.index()).isEqualTo(expected.subList(0, 10));
        assertThat(kept)
                .extracting(JournalEntry::latencyNanos)
                .isEqualTo(
                        expected.subList(0, 10).stream().map(i -> latencies[i]).toList());
    }

    @Test
    void tiesKeepTheEarlierEntry() {
        SlowestEntries slowest = new SlowestEntries(1);
        JournalEntry entry = new JournalEntry();
        for (int i = 0; i < 3; i++) {
            entry.set(0, 0, 500, 0, 200, 0, 0, 0, i);
            entry.index = i;
            slowest.add(entry);
        }

        assertThat(slowest.slowestFirst()).extracting(JournalEntry::index).containsExactly(0L);
    }

    @Test
    void summarisesByOutcomeAndEndpointWithTheTimeSpan() {
        long[] latencies = writeJournal();
        JournalSummary summary;
        try (JournalReader reader = JournalReader.open(dir)) {
            summary = new JournalSummary(reader.header());
            JournalEntry entry = new JournalEntry();
            while (reader.next(entry)) {
                summary.add(entry);
            }
        }

        assertThat(summary.entries()).isEqualTo(5_000);
        assertThat(summary.withOutcome(Outcome.HTTP_5XX.ordinal())).isEqualTo(100);
        assertThat(summary.withOutcome(Outcome.OK.ordinal())).isEqualTo(4_900);
        assertThat(summary.ofEndpoint(0) + summary.ofEndpoint(1) + summary.ofEndpoint(2))
                .isEqualTo(5_000);
        assertThat(summary.ofEndpoint(0)).isEqualTo(1_667);
        assertThat(summary.firstIntendedNanos()).isEqualTo(1_000_000L);
        long lastDone = 0;
        for (int i = 0; i < latencies.length; i++) {
            lastDone = Math.max(lastDone, 1_000_000L + i * 1_000L + latencies[i]);
        }
        assertThat(summary.lastDoneNanos()).isEqualTo(lastDone);
        assertThat(summary.spanNanos()).isEqualTo(lastDone - 1_000_000L);
    }

    @Test
    void csvHasAHeaderRowAndQuotesWhatNeedsIt() throws Exception {
        writeJournal();
        StringWriter csv = new StringWriter();
        try (JournalReader reader = JournalReader.open(dir)) {
            JournalCsv rows = new JournalCsv(reader.header(), csv);
            JournalEntry entry = new JournalEntry();
            while (reader.next(entry)) {
                rows.add(entry);
            }
        }

        String[] lines = csv.toString().split("\n");
        assertThat(lines).hasSize(5_001);
        assertThat(lines[0]).isEqualTo(JournalCsv.HEADER);
        assertThat(lines[1]).startsWith("0,1970-01-01T00:00:00.001Z,1000000,1000003,");
        assertThat(lines[1]).endsWith(",3,a,503,10,http_5xx,");
        assertThat(lines[2]).contains(",\"b, \"\"c\"\"\",200,10,ok,0000000000000001000000000000001f");
    }
}
