package dev.stampede.logparser.format.gor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.logparser.CollectingSink;
import dev.stampede.logparser.CollectingSink.Rejected;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GorFormatTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final String GET = "GET /a HTTP/1.1\r\nHost: shop\r\n\r\n";
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";

    private static CollectingSink read(GorFile file) {
        return CollectingSink.read(GorFormat.create(), file.toBytes());
    }

    private static CollectingSink read(GorFormat format, GorFile file) {
        return CollectingSink.read(format, file.toBytes());
    }

    @Test
    void namesItself() {
        assertThat(GorFormat.create().name()).isEqualTo("gor");
        assertThat(GorFormat.create().describe()).contains("GoReplay");
    }

    @Test
    void originalResponseGivesStatusAndTimeFromRequestStartToResponseStart() {
        CollectingSink sink = read(new GorFile()
                .request("a", T0, GET)
                .response(2, "a", T0 + 2_500_000, 300_000, "HTTP/1.1 404 Not Found\r\n\r\n"));

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.records).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo(404);
            assertThat(record.requestTimeMicros()).isEqualTo(2_500);
            assertThat(record.startMicros()).isEqualTo(T0 / 1000);
            assertThat(record.upstreamTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
        });
    }

    @Test
    void responseStampedWithItsRequestsStartTakesTheRoundTripFromTheLatencyField() {
        // GoReplay 0.x wrote a response's meta line with the request's start and the round trip.
        CollectingSink sink = read(new GorFile().request("a", T0, GET).response(2, "a", T0, 4_000_000, OK));

        assertThat(sink.records.get(0).requestTimeMicros()).isEqualTo(4_000);
    }

    @Test
    void replayedResponseGivesOnlyTheStatusAndOnlyWithoutAnOriginal() {
        CollectingSink replayedOnly = read(new GorFile()
                .request("a", T0, GET)
                .response(3, "a", T0 + 9_000_000_000L, 1_000, "HTTP/1.1 503 Busy\r\n\r\n"));
        CollectingSink both = read(new GorFile()
                .request("a", T0, GET)
                .response(3, "a", T0 + 9_000_000_000L, 1_000, "HTTP/1.1 503 Busy\r\n\r\n")
                .response(2, "a", T0 + 1_000_000, 1_000, OK)
                .response(3, "a", T0 + 9_000_000_000L, 1_000, "HTTP/1.1 503 Busy\r\n\r\n"));

        assertThat(replayedOnly.records.get(0).status()).isEqualTo(503);
        assertThat(replayedOnly.records.get(0).requestTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
        assertThat(both.records.get(0).status()).isEqualTo(200);
        assertThat(both.records.get(0).requestTimeMicros()).isEqualTo(1_000);
        assertThat(both.rejections)
                .as("a late replayed response is its request's, not an error")
                .isEmpty();
    }

    @Test
    void responseWithoutItsRequestIsRejectedWithItsLine() {
        CollectingSink sink = read(new GorFile().request("a", T0, GET).response(2, "b", T0 + 1, 1, OK));

        assertThat(sink.records).hasSize(1);
        assertThat(sink.rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(7);
            assertThat(rejected.why().reason()).isEqualTo(Reason.UNSUPPORTED);
            assertThat(rejected.text()).isEqualTo("2 b 1700000000000000001 1");
        });
    }

    @Test
    void recordsLeaveInRequestOrderWhateverTheOrderOfResponses() {
        CollectingSink sink = read(new GorFile()
                .request("a", T0, GET)
                .request("b", T0 + 1_000, GET)
                .response(2, "b", T0 + 3_000_000, 0, "HTTP/1.1 201 Created\r\n\r\n")
                .text("x\n")
                .bytes(GorFile.SEPARATOR)
                .response(2, "a", T0 + 5_000_000, 0, OK));

        assertThat(sink.events).hasSize(3);
        assertThat(sink.lines()).containsExactly(1L, 7L, 18L);
        assertThat(sink.records).extracting(RequestRecord::status).containsExactly(200, 201);
        assertThat(sink.rejections.get(0).why().reason()).isEqualTo(Reason.FORMAT_MISMATCH);
    }

    @Test
    void requestsLeaveTheFullWindowWithoutStatusAndTheirLateResponsesAreDropped() {
        GorFormat smallWindow = GorFormat.withLimits(2, Long.MAX_VALUE, 1 << 20);
        CollectingSink sink = read(
                smallWindow,
                new GorFile()
                        .request("a", T0, GET)
                        .request("b", T0 + 1, GET)
                        .request("c", T0 + 2, GET)
                        .response(2, "a", T0 + 3, 0, OK)
                        .response(2, "b", T0 + 4, 0, OK));

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.records).extracting(RequestRecord::uri).containsExactly("/a", "/a", "/a");
        assertThat(sink.records).extracting(RequestRecord::status).containsExactly(0, 200, 0);
    }

    @Test
    void requestsLeaveTheWindowWhenItHoldsTooManyBytes() {
        CollectingSink sink = read(
                GorFormat.withLimits(10_000, 1, 1 << 20),
                new GorFile().request("a", T0, GET).response(2, "a", T0 + 3, 0, OK));

        assertThat(sink.records).extracting(RequestRecord::status).containsExactly(0);
        assertThat(sink.rejections).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1 abc|FORMAT_MISMATCH",
                "x abc 123|FORMAT_MISMATCH",
                "12 abc 123|FORMAT_MISMATCH",
                "4 abc 123|UNSUPPORTED",
                "1  123|FORMAT_MISMATCH",
                "1 abc 12x|BAD_TIME",
                "1 abc -5|BAD_TIME",
                "1 abc 99999999999999999999|BAD_TIME"
            })
    void badMetaLineIsRejectedAndTheNextEntryStillParsed(String meta, Reason reason) {
        CollectingSink sink = read(new GorFile().entry(meta, GET).request("ok", T0, GET));

        assertThat(sink.rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(1);
            assertThat(rejected.why().reason()).isEqualTo(reason);
            assertThat(rejected.text()).isEqualTo(meta);
        });
        assertThat(sink.records)
                .singleElement()
                .satisfies(record -> assertThat(record.sourceLine()).isEqualTo(7));
    }

    @Test
    void metaLineMayHaveOnlyThreeFieldsOrMoreThanFour() {
        CollectingSink sink = read(new GorFile()
                .entry("1 a " + T0, GET)
                .entry("1 b " + T0 + " -1 10.0.0.7", GET)
                .entry("2 b " + (T0 + 7_000) + " not-a-number", OK));

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.records)
                .extracting(RequestRecord::requestTimeMicros)
                .containsExactly(RequestRecord.UNKNOWN, 7L);
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("GARBAGE\r\n\r\n", Reason.BAD_REQUEST_LINE),
                Arguments.of("GET  HTTP/1.1\r\n\r\n", Reason.BAD_REQUEST_LINE),
                Arguments.of("G@T / HTTP/1.1\r\n\r\n", Reason.BAD_REQUEST_LINE),
                Arguments.of("GET / HTTP/1.1", Reason.TRUNCATED),
                Arguments.of("GET / HTTP/1.1\r\nHost: x\r\n", Reason.TRUNCATED),
                Arguments.of("GET / HTTP/1.1\r\nHost x\r\n\r\n", Reason.FORMAT_MISMATCH),
                Arguments.of("GET / HTTP/1.1\r\nHost : x\r\n\r\n", Reason.FORMAT_MISMATCH),
                Arguments.of("GET / HTTP/1.1\r\n folded\r\n\r\n", Reason.FORMAT_MISMATCH),
                Arguments.of("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", Reason.TRUNCATED),
                Arguments.of("POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\nabc", Reason.BAD_NUMBER),
                Arguments.of(
                        "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", Reason.BAD_NUMBER));
    }

    @ParameterizedTest
    @MethodSource("malformedRequests")
    void malformedRequestIsRejectedWithTheLineOfItsEntry(String message, Reason reason) {
        CollectingSink sink = read(new GorFile().request("ok", T0, GET).request("bad", T0 + 1, message));

        assertThat(sink.records).hasSize(1);
        assertThat(sink.rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(7);
            assertThat(rejected.why().reason()).as(rejected.why().describe()).isEqualTo(reason);
        });
    }

    @Test
    void entryWithOnlyAMetaLineIsTruncated() {
        CollectingSink sink = CollectingSink.read(
                GorFormat.create(),
                ("1 a " + T0 + new String(GorFile.SEPARATOR, StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(sink.rejections)
                .singleElement()
                .satisfies(rejected -> assertThat(rejected.why().reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void badStatusLineOfAResponseIsRejected() {
        CollectingSink sink =
                read(new GorFile().request("a", T0, GET).response(2, "a", T0 + 1, 0, "HTTP/1.1 2OO OK\r\n\r\n"));

        assertThat(sink.rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(7);
            assertThat(rejected.why().reason()).isEqualTo(Reason.BAD_STATUS);
        });
        assertThat(sink.records.get(0).status()).isZero();
    }

    @Test
    void bodyWithoutContentLengthIsTheRestOfTheEntryWithoutTheFramingNewline() {
        CollectingSink sink = read(new GorFile().request("a", T0, "POST / HTTP/1.1\r\n\r\nline one\nline two\n"));

        assertThat(new String(sink.records.get(0).body(), StandardCharsets.ISO_8859_1))
                .isEqualTo("line one\nline two\n");
    }

    @Test
    void bodyIsContentLengthBytesWhenTheEntryHoldsMore() {
        CollectingSink sink = read(new GorFile()
                .request("a", T0, "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcdef")
                .request("b", T0, "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n"));

        assertThat(sink.records.get(0).body()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(sink.records.get(1).body()).isNull();
    }

    @Test
    void chunkedBodyIsKeptAsSent() {
        String chunked = "4\r\nWiki\r\n0\r\n\r\n";
        CollectingSink sink = read(new GorFile()
                .request(
                        "a",
                        T0,
                        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n" + chunked));

        assertThat(new String(sink.records.get(0).body(), StandardCharsets.ISO_8859_1))
                .isEqualTo(chunked);
    }

    @Test
    void bodyMayHoldAnyBytesAndSeparatorLookalikesThatAreNotTheWholeLine() {
        byte[] emoji = "🐵🙈🙉".getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(emoji);
        body.writeBytes(" in a line\n".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(emoji);
        body.writeBytes("\r\n ".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(emoji);
        body.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        for (int b = 0; b < 256; b++) {
            body.write(b);
        }
        byte[] expected = body.toByteArray();
        GorFile file = new GorFile()
                .text("1 a " + T0 + " -1\nPOST / HTTP/1.1\r\nContent-Length: " + expected.length + "\r\n\r\n")
                .bytes(expected)
                .bytes(GorFile.SEPARATOR)
                .request("b", T0 + 1, GET);

        CollectingSink sink = read(file);

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.records).hasSize(2);
        assertThat(sink.records.get(0).body()).isEqualTo(expected);
        // Lines of the body count too: 4 of the head, 6 of the body (one is a \n among the 256 bytes),
        // the separator's.
        assertThat(sink.records.get(1).sourceLine()).isEqualTo(12);
    }

    @Test
    void headerBytesAreKeptOneCharPerByte() {
        byte[] message = "GET /caf\u00e9 HTTP/1.1\r\nX-Name: Ren\u00e9e\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        CollectingSink sink =
                read(new GorFile().text("1 a " + T0 + " -1\n").bytes(message).bytes(GorFile.SEPARATOR));

        assertThat(sink.records.get(0).uri()).isEqualTo("/caf\u00e9");
        assertThat(sink.records.get(0).headers()).containsEntry("x-name", "Ren\u00e9e");
    }

    @Test
    void headersAreJoinedWhenRepeatedAndUnfoldedWhenFolded() {
        CollectingSink sink = read(new GorFile()
                .request(
                        "a",
                        T0,
                        "GET / HTTP/1.1\nAccept: a/b\nAccept: c/d\nX-Long: one\n\t two\nCookie: s=1\nCookie: t=2;"
                                + " s=3\nHost:  example.org:8080 \n\n"));

        RequestRecord record = sink.records.get(0);
        assertThat(record.headers())
                .containsEntry("accept", "a/b, c/d")
                .containsEntry("x-long", "one two")
                .containsEntry("cookie", "s=1; t=2; s=3");
        assertThat(record.cookies()).containsExactly(java.util.Map.entry("s", "1"), java.util.Map.entry("t", "2"));
        assertThat(record.host()).isEqualTo("example.org:8080");
    }

    @Test
    void clientIsTheFirstForwardedForAddressElseTheRealIp() {
        CollectingSink sink = read(new GorFile()
                .request(
                        "a",
                        T0,
                        "GET / HTTP/1.1\r\nX-Forwarded-For: 203.0.113.7 , 10.0.0.1\r\nX-Real-IP: 10.9.9.9\r\n\r\n")
                .request("b", T0, "GET / HTTP/1.1\r\nX-Real-IP: 198.51.100.2\r\n\r\n")
                .request("c", T0, GET));

        assertThat(sink.records)
                .extracting(RequestRecord::clientAddress)
                .containsExactly("203.0.113.7", "198.51.100.2", null);
    }

    @Test
    void lastEntryWithoutSeparatorIsReadAndOneCutShortIsRejected() {
        CollectingSink complete = read(new GorFile().request("a", T0, GET).text("1 b " + T0 + " -1\n" + GET));
        CollectingSink framingNewline =
                read(new GorFile().request("a", T0, GET).text("1 b " + T0 + " -1\nPOST / HTTP/1.1\r\n\r\nxy\n"));
        CollectingSink cut = read(new GorFile().request("a", T0, GET).text("1 b " + T0 + " -1\nGET / HTTP/1.1\r\nHo"));

        assertThat(complete.records).hasSize(2);
        assertThat(framingNewline.records.get(1).body()).isEqualTo("xy".getBytes(StandardCharsets.US_ASCII));
        assertThat(cut.records).hasSize(1);
        assertThat(cut.rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(7);
            assertThat(rejected.why().reason()).isEqualTo(Reason.TRUNCATED);
        });
    }

    @Test
    void separatorWithoutItsFinalNewlineStillEndsTheLastEntry() {
        byte[] bytes = new GorFile().request("a", T0, GET).toBytes();
        CollectingSink sink = CollectingSink.read(GorFormat.create(), java.util.Arrays.copyOf(bytes, bytes.length - 1));

        assertThat(sink.records).hasSize(1);
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void emptyEntriesAreRejectedButBlankLinesAtTheEndAreNot() {
        CollectingSink sink = read(new GorFile()
                .bytes(GorFile.SEPARATOR_LINE)
                .request("a", T0, GET)
                .bytes(GorFile.SEPARATOR_LINE)
                .text("\n\r\n"));

        assertThat(sink.records).hasSize(1);
        assertThat(sink.rejections).extracting(Rejected::line).containsExactly(1L, 8L);
        assertThat(sink.rejections)
                .extracting(rejected -> rejected.why().reason())
                .containsOnly(Reason.EMPTY);
    }

    @Test
    void separatorWithCarriageReturnIsNotASeparator() {
        byte[] crlfSeparator = "\n🐵🙈🙉\r\n".getBytes(StandardCharsets.UTF_8);
        CollectingSink sink = read(new GorFile()
                .text("1 a " + T0 + " -1\nPOST / HTTP/1.1\r\n\r\nbody")
                .bytes(crlfSeparator)
                .text("more")
                .bytes(GorFile.SEPARATOR));

        assertThat(sink.records)
                .singleElement()
                .satisfies(record -> assertThat(new String(record.body(), StandardCharsets.UTF_8))
                        .isEqualTo("body\n🐵🙈🙉\r\nmore"));
    }

    @Test
    void entryLongerThanTheLimitIsRejectedAndTheNextOneRead() {
        GorFormat format = GorFormat.withLimits(10_000, Long.MAX_VALUE, 100);
        CollectingSink sink = read(
                format,
                new GorFile()
                        .request("big", T0, "POST / HTTP/1.1\r\n\r\n" + "x\n".repeat(300))
                        .request("small", T0 + 1, GET));

        assertThat(sink.rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(1);
            assertThat(rejected.text()).isEqualTo("1 big " + T0 + " -1");
            assertThat(rejected.why().reason()).isEqualTo(Reason.TOO_LONG);
        });
        assertThat(sink.records)
                .singleElement()
                .satisfies(record -> assertThat(record.sourceLine()).isEqualTo(306));
    }

    @Test
    void failureOfTheInputIsThrownNotRejected() {
        InputStream failing = new SequenceInputStream(
                new ByteArrayInputStream(new GorFile().request("a", T0, GET).toBytes()), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("disk gone");
                    }
                });

        assertThatThrownBy(() -> GorFormat.create().read(failing, "x", new CollectingSink()))
                .isInstanceOf(IOException.class)
                .hasMessage("disk gone");
    }
}
