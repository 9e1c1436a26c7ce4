package dev.stampede.logparser.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.logparser.RequestRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordStoreTest {

    @TempDir
    Path dir;

    private static RequestRecord full(long start, String file, long line) {
        return new RequestRecord()
                .startMicros(start)
                .method("POST")
                .uri("/api/order?x=\u00e9")
                .protocol("HTTP/1.1")
                .host("trade.example")
                .status(200)
                .bytesSent(167)
                .requestTimeMicros(19_000)
                .upstreamTimeMicros(18_000)
                .clientAddress("2001:db8::1")
                .header("User-Agent", "StockApp/5.12.1")
                .cookie("SESSION", "abc")
                .extra("upstream_cookie_SESSION", "def")
                .body("{\"qty\":100}".getBytes(StandardCharsets.UTF_8))
                .source(file, line);
    }

    @Test
    void recordsComeBackExactlyInOrderWithTheirSources() {
        Path store = dir.resolve("store");
        try (RecordStoreWriter writer = RecordStoreWriter.create(store, "nginx:'combined'", 1_700_000_000_000L)) {
            writer.append(full(1, "a.log", 1));
            writer.append(
                    new RequestRecord().startMicros(2).method("GET").uri("/").source("b.log", 7));
            writer.append(full(3, "a.log", 2));
            assertThat(writer.records()).isEqualTo(3);
        }

        try (RecordStoreReader reader = RecordStoreReader.open(store)) {
            assertThat(reader.version()).isEqualTo(RecordStoreWriter.VERSION);
            assertThat(reader.format()).isEqualTo("nginx:'combined'");
            assertThat(reader.createdEpochMillis()).isEqualTo(1_700_000_000_000L);
            RequestRecord r = new RequestRecord();

            assertThat(reader.next(r)).isTrue();
            RequestRecord expected = full(1, "a.log", 1);
            assertThat(r.toString()).isEqualTo(expected.toString());
            assertThat(r.headers()).isEqualTo(expected.headers());
            assertThat(r.cookies()).isEqualTo(expected.cookies());
            assertThat(r.extras()).isEqualTo(expected.extras());
            assertThat(r.body()).isEqualTo(expected.body());
            assertThat(r.uri()).isEqualTo("/api/order?x=\u00e9");
            assertThat(r.clientAddress()).isEqualTo("2001:db8::1");
            assertThat(r.upstreamTimeMicros()).isEqualTo(18_000);

            assertThat(reader.next(r)).isTrue();
            assertThat(r.protocol()).isNull();
            assertThat(r.body()).isNull();
            assertThat(r.bytesSent()).isEqualTo(RequestRecord.UNKNOWN);
            assertThat(r.sourceFile()).isEqualTo("b.log");
            assertThat(r.sourceLine()).isEqualTo(7);

            assertThat(reader.next(r)).isTrue();
            assertThat(r.sourceFile()).isEqualTo("a.log");
            assertThat(reader.next(r)).isFalse();
        }
    }

    @Test
    void manyRecordsAcrossBatchesAndNewFilesMidBatchReadBackInOrder() {
        Path store = dir.resolve("big");
        int count = 5 * RecordStoreWriter.BATCH_RECORDS + 17;
        try (RecordStoreWriter writer = RecordStoreWriter.create(store, "f", 0)) {
            for (int i = 0; i < count; i++) {
                String file = i < 300 ? "a.log" : i < 700 ? "lb" + (i % 3) + ".log" : "z.log";
                writer.append(new RequestRecord()
                        .startMicros(i)
                        .method("GET")
                        .uri("/p" + i)
                        .source(file, i + 1L));
            }
        }
        try (RecordStoreReader reader = RecordStoreReader.open(store)) {
            RequestRecord r = new RequestRecord();
            for (int i = 0; i < count; i++) {
                assertThat(reader.next(r)).as("record %d", i).isTrue();
                assertThat(r.startMicros()).isEqualTo(i);
                assertThat(r.uri()).isEqualTo("/p" + i);
                assertThat(r.sourceFile()).isEqualTo(i < 300 ? "a.log" : i < 700 ? "lb" + (i % 3) + ".log" : "z.log");
                assertThat(r.sourceLine()).isEqualTo(i + 1L);
            }
            assertThat(reader.next(r)).isFalse();
        }
    }

    @Test
    void filesRegisteredBeforeTheQueueIsOpenAreWrittenAheadOfTheirRecords() {
        Path store = dir.resolve("early");
        try (RecordStoreWriter writer = RecordStoreWriter.create(store, "f", 0)) {
            // The pipeline registers every input before its first record, while the queue still opens.
            assertThat(writer.registerFile("a.log")).isZero();
            assertThat(writer.registerFile("b.log")).isEqualTo(1);
            assertThat(writer.registerFile("a.log")).isZero();
            RecordEncoder encoder = writer.newEncoder();
            encoder.encode(new RequestRecord().startMicros(1).method("GET").uri("/b"), 1);
            int split = encoder.position();
            encoder.encode(new RequestRecord().startMicros(2).method("GET").uri("/a"), 0);
            int end = encoder.position();
            int maxId = encoder.maxDictionaryId();
            writer.appendEncoded(encoder.take(), new int[] {0, split, end}, 0, 2, maxId);
            writer.append(
                    new RequestRecord().startMicros(3).method("GET").uri("/c").source("c.log", 9));
        }
        try (RecordStoreReader reader = RecordStoreReader.open(store)) {
            RequestRecord r = new RequestRecord();
            assertThat(reader.next(r)).isTrue();
            assertThat(r.sourceFile()).isEqualTo("b.log");
            assertThat(reader.next(r)).isTrue();
            assertThat(r.sourceFile()).isEqualTo("a.log");
            assertThat(reader.next(r)).isTrue();
            assertThat(r.sourceFile()).isEqualTo("c.log");
            assertThat(reader.next(r)).isFalse();
        }
    }

    @Test
    void aStoreClosedWithoutRecordsHasItsHeader() {
        Path store = dir.resolve("empty");
        try (RecordStoreWriter writer = RecordStoreWriter.create(store, "nginx:'main'", 5)) {
            writer.registerFile("nothing.log");
        }
        try (RecordStoreReader reader = RecordStoreReader.open(store)) {
            assertThat(reader.format()).isEqualTo("nginx:'main'");
            assertThat(reader.createdEpochMillis()).isEqualTo(5);
            assertThat(reader.next(new RequestRecord())).isFalse();
        }
    }

    @Test
    void refusesANonEmptyDirectoryAndSomethingThatIsNotAStore() throws Exception {
        Files.writeString(dir.resolve("other.txt"), "x");
        assertThatThrownBy(() -> RecordStoreWriter.create(dir, "f", 0)).hasMessageContaining("is not empty");
        assertThatThrownBy(() -> RecordStoreReader.open(dir.resolve("missing")))
                .hasMessageContaining("no record store at");
    }

    @Test
    void repeatedStringsAreStoredOnceAndComeBackEqual() throws Exception {
        Path store = dir.resolve("strings");
        String agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120";
        try (RecordStoreWriter writer = RecordStoreWriter.create(store, "f", 0)) {
            for (int i = 0; i < 10_000; i++) {
                writer.append(new RequestRecord()
                        .startMicros(i)
                        .method("GET")
                        .uri("/p" + i)
                        .protocol("HTTP/1.1")
                        .clientAddress("10.0.0." + (i % 250))
                        .header("User-Agent", agent + (i % 3))
                        .header("Referer", "-")
                        .cookie("SESSION", "s" + i)
                        .source("a.log", i + 1L));
            }
            // GET, HTTP/1.1, two header names, three agents, "-", the cookie name; addresses, URIs and
            // cookie values stay inline.
            assertThat(writer.distinctStrings()).isEqualTo(9);
        }
        try (RecordStoreReader reader = RecordStoreReader.open(store)) {
            RequestRecord r = new RequestRecord();
            for (int i = 0; i < 10_000; i++) {
                assertThat(reader.next(r)).isTrue();
                assertThat(r.headers()).containsEntry("user-agent", agent + (i % 3));
                assertThat(r.clientAddress()).isEqualTo("10.0.0." + (i % 250));
                assertThat(r.cookies()).containsEntry("SESSION", "s" + i);
            }
            assertThat(reader.next(r)).isFalse();
        }
    }

    @Test
    void aStoreOfAnotherVersionIsRefusedWithAClearMessage() {
        Path store = dir.resolve("v1");
        try (net.openhft.chronicle.queue.ChronicleQueue queue =
                        net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder.single(store.toFile())
                                .build();
                net.openhft.chronicle.queue.ExcerptAppender appender = queue.createAppender();
                net.openhft.chronicle.wire.DocumentContext dc = appender.writingDocument()) {
            net.openhft.chronicle.bytes.Bytes<?> out = dc.wire().bytes();
            out.writeByte(RecordCodec.HEADER);
            out.writeUtf8(RecordStoreWriter.MAGIC);
            out.writeInt(1);
            out.writeLong(0);
            out.writeUtf8("combined");
        }
        assertThatThrownBy(() -> RecordStoreReader.open(store))
                .hasMessageContaining("format version 1")
                .hasMessageContaining("re-run stampede parse");
    }

    @Test
    void garbageInABatchIsReportedAsACorruptStore() {
        Path store = dir.resolve("corrupt");
        try (RecordStoreWriter writer = RecordStoreWriter.create(store, "f", 0)) {
            byte[] junk = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 0x05};
            writer.appendEncoded(junk, new int[] {0, junk.length}, 0, 1, -1);
        }
        try (RecordStoreReader reader = RecordStoreReader.open(store)) {
            assertThatThrownBy(() -> reader.next(new RequestRecord()))
                    .isInstanceOf(CorruptStoreException.class)
                    .hasMessageStartingWith("record store is corrupt: ");
        }
    }
}
