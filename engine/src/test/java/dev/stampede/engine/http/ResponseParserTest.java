package dev.stampede.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n"
            + "A\r\n0123456789\r\n"
            + "0\r\nX-Trailer: 1\r\nAnother: two\r\n\r\n";

    /**
     * Feeds {@code wire} whole, byte by byte and in 200 seeded random splits, expecting a response
     * after each one completes while {@code requests} remain, and closing at the end; every way must
     * give the same outcomes, which are returned.
     */
    private static List<String> parse(String wire, int requests, boolean head) {
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        List<String> whole = run(bytes, new int[] {bytes.length}, requests, head);
        int[] single = new int[bytes.length];
        java.util.Arrays.fill(single, 1);
        assertThat(run(bytes, single, requests, head)).as("byte by byte").isEqualTo(whole);
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Integer> sizes = new ArrayList<>();
            for (int left = bytes.length; left > 0; ) {
                int size = Math.min(left, 1 + random.nextInt(random.nextBoolean() ? 8 : 64));
                sizes.add(size);
                left -= size;
            }
            int[] split = sizes.stream().mapToInt(Integer::intValue).toArray();
            assertThat(run(bytes, split, requests, head)).as("split %s", sizes).isEqualTo(whole);
        }
        return whole;
    }

    private static List<String> run(byte[] bytes, int[] split, int requests, boolean head) {
        ResponseParser parser = new ResponseParser();
        List<String> out = new ArrayList<>();
        int expected = requests;
        if (expected-- > 0) {
            parser.expect(head, false);
        }
        int offset = 0;
        for (int size : split) {
            ByteBuf in = Unpooled.wrappedBuffer(bytes, offset, size);
            offset += size;
            while (in.isReadable()) {
                int result = parser.parse(in);
                if (result == ResponseParser.ERROR) {
                    out.add("ERROR");
                    return out;
                }
                if (result == ResponseParser.COMPLETE) {
                    out.add(outcome(parser));
                    if (expected-- > 0) {
                        parser.expect(head, false);
                    }
                }
            }
        }
        if (parser.endAtClose()) {
            out.add(outcome(parser) + " at close");
        } else if (!parser.idle()) {
            out.add("cut short");
        }
        return out;
    }

    private static String outcome(ResponseParser parser) {
        return parser.status() + " " + parser.bodyBytes() + (parser.keepAlive() ? " keep-alive" : " close");
    }

    @Test
    void aContentLengthBodyIsCountedAndTheConnectionKeptAlive() {
        assertThat(parse("HTTP/1.1 200 OK\r\nServer: x\r\ncontent-LENGTH: 5\r\n\r\nhello", 1, false))
                .containsExactly("200 5 keep-alive");
        assertThat(parse("HTTP/1.1 404 Not Found\r\nContent-Length:0\r\n\r\n", 1, false))
                .containsExactly("404 0 keep-alive");
    }

    @Test
    void aChunkedBodyWithExtensionsAndTrailersCountsOnlyTheData() {
        assertThat(parse(CHUNKED, 1, false)).containsExactly("200 15 keep-alive");
        assertThat(parse(
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\nContent-Length: 99\r\n\r\n"
                                + "3\r\nabc\r\n0\r\n\r\n",
                        1,
                        false))
                .as("chunked wins over a Content-Length")
                .containsExactly("200 3 keep-alive");
    }

    @Test
    void withoutLengthOrChunkingTheBodyEndsAtTheClose() {
        assertThat(parse("HTTP/1.1 200 OK\r\nServer: x\r\n\r\nsome body until close", 1, false))
                .containsExactly("200 21 close at close");
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello", 1, false))
                .as("a close before the announced length")
                .containsExactly("cut short");
        assertThat(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", 1, false))
                .containsExactly("cut short");
    }

    @Test
    void headAnd204And304ResponsesHaveNoBody() {
        String twoHeads = "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n";
        assertThat(parse(twoHeads, 2, true)).containsExactly("200 0 keep-alive", "200 0 keep-alive");
        assertThat(parse(
                        "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n",
                        2,
                        false))
                .containsExactly("204 0 keep-alive", "304 0 keep-alive");
    }

    @Test
    void a100ContinueIsSkippedAndTheFinalResponseFollows() {
        assertThat(parse(
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                                + "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok",
                        1,
                        false))
                .containsExactly("201 2 keep-alive");
    }

    @Test
    void connectionHeaderAndVersionDecideKeepAlive() {
        assertThat(parse("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 2\r\n\r\nok", 1, false))
                .containsExactly("200 2 close");
        assertThat(parse("HTTP/1.1 200 OK\r\nConnection: foo, close\r\nContent-Length: 2\r\n\r\nok", 1, false))
                .containsExactly("200 2 close");
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", 1, false))
                .containsExactly("200 2 close");
        assertThat(parse("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok", 1, false))
                .containsExactly("200 2 keep-alive");
        assertThat(parse("HTTP/1.0 200 OK\r\n\r\nuntil close", 1, false)).containsExactly("200 11 close at close");
    }

    @Test
    void bareLineFeedsAndEmptyReasonsAreAccepted() {
        assertThat(parse("HTTP/1.1 200\nContent-Length: 2\n\nok", 1, false)).containsExactly("200 2 keep-alive");
    }

    @Test
    void aSecondResponseInTheSameBufferWaitsForTheNextRequest() {
        String two =
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok\r\nHTTP/1.1 500 Oops\r\nContent-Length: 3\r\n\r\nbad";
        assertThat(parse(two, 2, false)).containsExactly("200 2 keep-alive", "500 3 keep-alive");
        assertThat(parse(two, 1, false)).as("nobody asked for the second").containsExactly("200 2 keep-alive", "ERROR");

        ResponseParser parser = new ResponseParser();
        parser.expect(false, false);
        ByteBuf in = Unpooled.copiedBuffer(two, StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(in)).isEqualTo(ResponseParser.COMPLETE);
        assertThat(in.toString(StandardCharsets.ISO_8859_1)).startsWith("\r\nHTTP/1.1 500");
    }

    @Test
    void malformedInputIsAnError() {
        for (String bad : List.of(
                "HTTP/2 200 OK\r\n\r\n",
                "HTTX/1.1 200 OK\r\n\r\n",
                "HTTP/1.1 2x0 OK\r\n\r\n",
                "HTTP/1.1 200OK\r\n\r\n",
                "HTTP/1.1 099 Low\r\n\r\n",
                "garbage\r\n\r\n",
                "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello",
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
                "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000000\r\n")) {
            assertThat(parse(bad, 1, false)).as(bad).containsExactly("ERROR");
        }
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello", 1, false))
                .containsExactly("200 5 keep-alive");
    }

    @Test
    void aHeaderSectionOver64KbIsAnError() {
        String big = "X-Big: " + "a".repeat(ResponseParser.MAX_HEADER_BYTES) + "\r\n";
        assertThat(parse("HTTP/1.1 200 OK\r\n" + big + "Content-Length: 0\r\n\r\n", 1, false))
                .containsExactly("ERROR");
        String many = "X-Some: value\r\n".repeat(3000); // 45 KB: fine
        assertThat(parse("HTTP/1.1 200 OK\r\n" + many + "Content-Length: 0\r\n\r\n", 1, false))
                .containsExactly("200 0 keep-alive");
    }

    @Test
    void bytesBeforeAnyRequestAreAnErrorButLineBreaksAreSkipped() {
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 0, false))
                .containsExactly("ERROR");
        assertThat(parse("\r\n\r\n", 0, false)).isEmpty();
    }

    @Test
    void headersAreCollectedOnlyWhenAskedAndNotForInformationalHeads() {
        ResponseParser parser = new ResponseParser();
        parser.expect(false, true);
        ByteBuf in = Unpooled.copiedBuffer(
                "HTTP/1.1 100 Continue\r\nX-Early: 1\r\n\r\nHTTP/1.1 200 OK\r\nSet-Cookie: s=1\r\n"
                        + "set-cookie: t=2\r\nContent-Length: 2\r\n\r\nok",
                StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(in)).isEqualTo(ResponseParser.COMPLETE);
        assertThat(parser.headers().getAll("Set-Cookie")).containsExactly("s=1", "t=2");
        assertThat(parser.headers().get("Content-Length")).isEqualTo("2");
        assertThat(parser.headers().contains("X-Early")).isFalse();

        parser.expect(false, false);
        in = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nSet-Cookie: s=1\r\n\r\n", StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(in)).isEqualTo(ResponseParser.NEED_MORE);
        assertThat(parser.endAtClose()).isTrue();
        assertThat(parser.headers()).isNull();
    }

    @Test
    void afterAnErrorEveryParseFailsUntilReset() {
        ResponseParser parser = new ResponseParser();
        parser.expect(false, false);
        assertThat(parser.parse(Unpooled.copiedBuffer("nonsense\r\n", StandardCharsets.ISO_8859_1)))
                .isEqualTo(ResponseParser.ERROR);
        parser.expect(false, false);
        ByteBuf ok = Unpooled.copiedBuffer("HTTP/1.1 204 No Content\r\n\r\n", StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(ok.duplicate())).isEqualTo(ResponseParser.ERROR);
        parser.reset();
        parser.expect(false, false);
        assertThat(parser.parse(ok)).isEqualTo(ResponseParser.COMPLETE);
    }
}
