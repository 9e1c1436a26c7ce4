package dev.stampede.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestTemplateTest {

    private final HttpTarget target = HttpTarget.parse("http://127.0.0.1:8080/base");

    @Test
    void encodesAGetWithHostFromTheTarget() {
        RequestTemplate get = RequestTemplate.get(target, "/orders?id=7");
        assertThat(text(get)).isEqualTo("GET /base/orders?id=7 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
        assertThat(get.requestTarget()).isEqualTo("/base/orders?id=7");
    }

    @Test
    void encodesHeadersAndABodyWithItsLength() {
        RequestTemplate post = RequestTemplate.builder(target, "POST", "/orders")
                .header("Host", "shop.test")
                .header("Content-Type", "application/json")
                .body("{\"qty\":1}".getBytes(StandardCharsets.UTF_8))
                .build();
        assertThat(text(post))
                .isEqualTo("POST /base/orders HTTP/1.1\r\nHost: shop.test\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 9\r\n\r\n{\"qty\":1}");
    }

    @Test
    void aTracedCopyCarriesItsTraceparentInItsBytesAndHeadersAndLeavesTheTemplateAlone() {
        RequestTemplate shared = RequestTemplate.builder(target, "GET", "/quotes")
                .header("Host", "shop.test")
                .traceparentPlaceholder()
                .build();
        String placeholder = shared.headerValue(1);

        RequestTemplate copy = shared.withTrace(0x1234L, 0xabcdefL, 7L);

        String expected = "00-0000000000001234" + "0000000000abcdef-0000000000000007-01";
        assertThat(copy.headerName(1)).isEqualTo("traceparent");
        assertThat(copy.headerValue(1)).isEqualTo(expected);
        assertThat(text(copy)).contains("\r\ntraceparent: " + expected + "\r\n");
        io.netty.buffer.ByteBuf written = copy.retainedBytes(); // what a write sends: its own buffer
        try {
            assertThat(written.toString(StandardCharsets.ISO_8859_1)).isEqualTo(text(copy));
        } finally {
            written.release();
        }
        assertThat(shared.sharedRefCnt()).isEqualTo(1);
        List<String> block = new ArrayList<>();
        copy.http2Headers().forEach(h -> block.add(h.getKey() + ": " + h.getValue()));
        assertThat(block).contains("traceparent: " + expected);
        assertThat(copy.traceHigh()).isEqualTo(0x1234L);
        assertThat(copy.traceLow()).isEqualTo(0xabcdefL);
        assertThat(shared.headerValue(1)).isEqualTo(placeholder).isNotEqualTo(expected);
        assertThat(text(shared)).doesNotContain(expected);
    }

    @Test
    void exposesTheRequestInStructuredFormAndAsAnHttp2HeaderBlock() {
        RequestTemplate post = RequestTemplate.builder(target, "POST", "/orders?id=7")
                .header("Host", "shop.test")
                .header("Content-Type", "application/json")
                .header("Connection", "keep-alive")
                .header("TE", "trailers")
                .body("{\"qty\":1}".getBytes(StandardCharsets.UTF_8))
                .build();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.scheme()).isEqualTo("http");
        assertThat(post.requestTarget()).isEqualTo("/base/orders?id=7");
        assertThat(post.authority()).isEqualTo("shop.test");
        assertThat(post.headerCount()).isEqualTo(4);
        assertThat(post.headerName(1)).isEqualTo("Content-Type");
        assertThat(post.headerValue(1)).isEqualTo("application/json");
        assertThat(new String(post.body(), StandardCharsets.UTF_8)).isEqualTo("{\"qty\":1}");

        List<String> block = new ArrayList<>();
        post.http2Headers().forEach(h -> block.add(h.getKey() + ": " + h.getValue()));
        assertThat(block)
                .containsExactly(
                        ":method: POST",
                        ":path: /base/orders?id=7",
                        ":scheme: http",
                        ":authority: shop.test",
                        "content-type: application/json",
                        "te: trailers",
                        "content-length: 9");
        var body = post.retainedBody();
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("{\"qty\":1}");
        body.release();
        assertThat(post.sharedRefCnt()).isEqualTo(1);

        RequestTemplate get = RequestTemplate.get(HttpTarget.parse("https://shop.test"), "/");
        assertThat(get.authority()).isEqualTo("shop.test");
        assertThat(get.http2Headers().scheme().toString()).isEqualTo("https");
        assertThat(get.http2Headers().contains("content-length")).isFalse();
        assertThat(get.body()).isEmpty();
    }

    @Test
    void aPostWithoutBodySaysContentLengthZero() {
        assertThat(text(RequestTemplate.builder(target, "POST", "/x").build())).contains("Content-Length: 0\r\n\r\n");
    }

    @Test
    void sharesOneBufferAcrossSends() {
        RequestTemplate get = RequestTemplate.get(target, "/x");
        var first = get.retainedBytes();
        var second = get.retainedBytes();
        assertThat(first.readerIndex()).isZero();
        first.skipBytes(first.readableBytes()); // one write's progress does not move the other's
        assertThat(second.readableBytes()).isEqualTo(get.encoded().length);
        assertThat(get.sharedRefCnt()).isEqualTo(3);
        first.release();
        second.release();
        assertThat(get.sharedRefCnt()).isEqualTo(1);
    }

    @Test
    void refusesWhatWouldBreakTheRequest() {
        assertThatThrownBy(() -> RequestTemplate.get(target, "orders")).hasMessageContaining("start with '/'");
        assertThatThrownBy(() -> RequestTemplate.get(target, "/a b")).hasMessageContaining("percent-encoded");
        assertThatThrownBy(() -> RequestTemplate.builder(target, "get", "/")).hasMessageContaining("upper-case");
        assertThatThrownBy(() -> RequestTemplate.builder(target, "GET", "/").header("X-A", "v\r\nEvil: 1"))
                .hasMessageContaining("bad value");
        assertThatThrownBy(() -> RequestTemplate.builder(target, "GET", "/").header("Content-Length", "3"))
                .hasMessageContaining("computed");
        assertThatThrownBy(() -> RequestTemplate.builder(target, "GET", "/").header("Bad Name", "v"))
                .hasMessageContaining("bad header name");
    }

    private static String text(RequestTemplate template) {
        return new String(template.encoded(), StandardCharsets.ISO_8859_1);
    }
}
