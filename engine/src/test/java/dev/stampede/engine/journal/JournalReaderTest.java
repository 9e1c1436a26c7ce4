package dev.stampede.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.engine.measure.Outcome;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class JournalReaderTest {

    private static final List<String> OUTCOMES = List.of("ok", "http_5xx");

    @TempDir
    Path dir;

    private Path journal() {
        return dir.resolve("journal");
    }

    @Test
    void refusesAnotherVersionNamingTheFolder() {
        try (RawJournal raw = new RawJournal(journal())) {
            raw.header(2, "run", List.of("GET /"), OUTCOMES).batch(1, RawJournal.entries(1));
        }

        assertThatThrownBy(() -> JournalReader.open(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(journal() + " is a result journal of version 2; this Stampede reads version 1");
    }

    @Test
    void refusesAQueueThatIsNotAJournal() {
        try (RawJournal raw = new RawJournal(journal())) {
            raw.excerpt((byte) 1, (byte) 5, (byte) 'o', (byte) 't', (byte) 'h', (byte) 'e', (byte) 'r');
        }

        assertThatThrownBy(() -> JournalReader.open(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(journal() + " is not a Stampede result journal");
    }

    @Test
    void saysThereIsNoJournalWhereThereIsNone() {
        assertThatThrownBy(() -> JournalReader.open(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no result journal at " + journal());
    }

    @Test
    void aBatchShorterThanItsCountIsCorruptAtItsExcerpt() {
        try (RawJournal raw = new RawJournal(journal())) {
            raw.header(1, "run", List.of("GET /"), OUTCOMES)
                    .batch(2, RawJournal.entries(2))
                    .batch(3, RawJournal.entries(2)) // says three, holds two
                    .trailer(5, 0);
        }

        try (JournalReader reader = JournalReader.open(dir)) {
            JournalEntry entry = new JournalEntry();
            assertThat(reader.next(entry)).isTrue();
            assertThat(reader.next(entry)).isTrue();
            assertThatThrownBy(() -> reader.next(entry))
                    .isInstanceOf(CorruptJournalException.class)
                    .hasMessageStartingWith(
                            journal() + ": corrupt journal at excerpt 2: a batch of 3 entries in 110 bytes")
                    .satisfies(e ->
                            assertThat(((CorruptJournalException) e).excerpt()).isEqualTo(2));
        }
    }

    @Test
    void anUnknownExcerptTypeIsCorrupt() {
        try (RawJournal raw = new RawJournal(journal())) {
            raw.header(1, "run", List.of("GET /"), OUTCOMES).excerpt((byte) 9, (byte) 0);
        }

        assertThatThrownBy(() -> readAll(dir))
                .isInstanceOf(CorruptJournalException.class)
                .hasMessage(journal() + ": corrupt journal at excerpt 1: unknown excerpt type 9");
    }

    @Test
    void anOutcomeIndexTheHeaderDoesNotListIsCorrupt() {
        byte[] entries = RawJournal.entries(1);
        entries[38] = 7; // the outcome byte; the header lists two codes
        try (RawJournal raw = new RawJournal(journal())) {
            raw.header(1, "run", List.of("GET /"), OUTCOMES).batch(1, entries);
        }

        assertThatThrownBy(() -> readAll(dir))
                .isInstanceOf(CorruptJournalException.class)
                .hasMessageContaining("excerpt 1: entry 0 has outcome index 7 of 2");
    }

    @Test
    void aTrailerThatDisagreesWithTheEntriesIsCorrupt() {
        try (RawJournal raw = new RawJournal(journal())) {
            raw.header(1, "run", List.of("GET /"), OUTCOMES)
                    .batch(2, RawJournal.entries(2))
                    .trailer(3, 0);
        }

        assertThatThrownBy(() -> readAll(dir))
                .isInstanceOf(CorruptJournalException.class)
                .hasMessageContaining("excerpt 2: the trailer counts 3 entries, the journal holds 2");
    }

    @Test
    void aJournalNeverClosedReadsToItsLastExcerptWithoutATrailer() {
        try (RawJournal raw = new RawJournal(journal())) {
            raw.header(1, "run", List.of("GET /"), OUTCOMES).batch(3, RawJournal.entries(3));
        }

        try (JournalReader reader = JournalReader.open(dir)) {
            JournalEntry entry = new JournalEntry();
            int read = 0;
            while (reader.next(entry)) {
                assertThat(entry.traceHex()).isEqualTo("0af7651916cd43dd000000000000000" + read);
                assertThat(entry.intendedNanos()).isEqualTo(read * 1_000_000L);
                read++;
            }
            assertThat(read).isEqualTo(3);
            assertThat(reader.trailer()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 2, 3})
    void aFileCutShortIsCorruptNotACrash(int cutAtOneIn) throws Exception {
        try (ResultJournal journal = ResultJournal.open(dir, "run", List.of("GET /"), 0, 0)) {
            for (int i = 0; i < 2_000; i++) {
                journal.record(0, i, i, i + 10, 200, 1, Outcome.OK, 0, i);
            }
        }
        Path file;
        try (Stream<Path> files = Files.list(journal())) {
            file = files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--; // Chronicle preallocates the file: find where its contents end
        }
        try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw")) {
            cut.setLength(end - end / cutAtOneIn);
        }

        assertThatThrownBy(() -> readAll(dir))
                .isInstanceOf(CorruptJournalException.class)
                .hasMessageStartingWith(journal() + ": corrupt journal at excerpt ")
                .hasMessageContaining("cut short");
    }

    @Test
    void readsAJournalFolderGivenDirectly() {
        try (RawJournal raw = new RawJournal(journal())) {
            raw.header(1, "run", List.of("GET /"), OUTCOMES)
                    .batch(1, RawJournal.entries(1))
                    .trailer(1, 0);
        }

        assertThat(readAll(journal())).isEqualTo(1);
    }

    @Test
    void traceIdsParseAndPrintAsW3cHex() {
        TraceId id = TraceId.parse("4BF92F3577B34DA6A3CE929D0E0E4736");

        assertThat(id).isEqualTo(new TraceId(0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L));
        assertThat(id).hasToString("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceId.NONE.present()).isFalse();
        for (String bad : Arrays.asList(
                null,
                "",
                "4bf92f3577b34da6a3ce929d0e0e473",
                "4bf92f3577b34da6a3ce929d0e0e473g",
                "+bf92f3577b34da6a3ce929d0e0e4736",
                "４bf92f3577b34da6a3ce929d0e0e473")) {
            assertThatThrownBy(() -> TraceId.parse(bad)).hasMessageContaining("32 hex digits");
        }
    }

    private static long readAll(Path path) {
        try (JournalReader reader = JournalReader.open(path)) {
            JournalEntry entry = new JournalEntry();
            while (reader.next(entry)) {
                // reading is the test
            }
            return reader.entriesRead();
        }
    }
}
