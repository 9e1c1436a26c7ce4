package dev.stampede.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.http.RequestTemplate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rewriting and marks as every source applies them. */
class RequestShaperTest {

    private final HttpTarget target = HttpTarget.parse("http://127.0.0.1:8080/base");

    @Test
    void rewritesPathHostAndHeadersAndMarksTheRequest() {
        Rewrite rewrite = new Rewrite(
                "trade.internal",
                Map.of("X-Env", "perf"),
                Set.of("Authorization"),
                List.of(new Rewrite.PathPrefix("/api", "/v2/api"), new Rewrite.PathPrefix("/", "/other")));
        Marks marks = new Marks("X-Load-Test", "yes", true, Map.of("team", "ops"));
        RequestShaper shaper = new RequestShaper(target, rewrite, marks, "run-7");

        assertThat(shaper.passes("user-agent")).isTrue();
        assertThat(shaper.passes("authorization")).isFalse(); // removed
        assertThat(shaper.passes("x-env")).isFalse(); // set by the rewrite
        assertThat(shaper.passes("X-Load-Test")).isFalse(); // the recorded mark is never replayed
        assertThat(shaper.passes("traceparent")).isFalse();
        assertThat(shaper.passes("Content-Length")).isFalse();

        RequestTemplate.Builder builder = shaper.start("GET", "/api/quote/600519?x=1");
        builder.header("user-agent", "StockApp");
        String text = text(shaper.finish(builder, 41).buildOnce());

        assertThat(text)
                .startsWith("GET /base/v2/api/quote/600519?x=1 HTTP/1.1\r\nHost: trade.internal\r\n")
                .contains("user-agent: StockApp\r\n", "X-Env: perf\r\n", "X-Load-Test: yes\r\n")
                .contains("baggage: stampede.run=run-7,team=ops\r\n")
                .contains("traceparent: " + new TraceIds("run-7").traceparent(41) + "\r\n");
    }

    @Test
    void prefixesMatchWholeSegmentsAndTheFirstWins() {
        Rewrite rewrite = new Rewrite(
                null,
                Map.of(),
                Set.of(),
                List.of(new Rewrite.PathPrefix("/api/", "/v2"), new Rewrite.PathPrefix("/", "/x")));
        assertThat(rewrite.path("/api")).isEqualTo("/v2");
        assertThat(rewrite.path("/api?q=1")).isEqualTo("/v2?q=1");
        assertThat(rewrite.path("/api/a")).isEqualTo("/v2/a");
        assertThat(rewrite.path("/apix")).isEqualTo("/x/apix");
    }

    @Test
    void aSharedTemplateGetsEachRequestsTraceWrittenInPlace() {
        RequestShaper shaper = new RequestShaper(target, Rewrite.NONE, Marks.DEFAULT, "run-8");
        RequestTemplate shared = shaper.finish(shaper.start("GET", "/q"), -1).build();
        TraceIds traces = new TraceIds("run-8");

        String first = text(shaper.trace(shared, 0));
        String second = text(shaper.trace(shared, 1));

        assertThat(first).contains("traceparent: " + traces.traceparent(0) + "\r\n", "X-Stampede-Test: 1\r\n");
        assertThat(second).contains("traceparent: " + traces.traceparent(1) + "\r\n");
        assertThat(first).hasSameSizeAs(text(shared));
        assertThat(traces.traceId(0)).hasSize(32).endsWith("0000000000000001").doesNotStartWith("0000000000000000");
        // Unmarked and untraced: the shared template itself goes out.
        RequestShaper plain = new RequestShaper(target, Rewrite.NONE, new Marks(null, null, false, Map.of()), "r");
        RequestTemplate untraced = plain.finish(plain.start("GET", "/q"), -1).build();
        assertThat(plain.trace(untraced, 5)).isSameAs(untraced);
        assertThat(text(untraced)).doesNotContain("X-Stampede-Test", "traceparent");
    }

    private static String text(RequestTemplate template) {
        return new String(template.encoded(), StandardCharsets.ISO_8859_1);
    }
}
