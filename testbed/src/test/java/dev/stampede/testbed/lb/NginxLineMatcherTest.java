package dev.stampede.testbed.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Renders random entries full of awkward bytes and checks every line with the independent {@link
 * NginxLineMatcher}: the renderer must never write a line nginx could not have written, and the
 * escaped text must give back the original bytes.
 */
class NginxLineMatcherTest {

    private static final int RENDERS = 10_000;

    /** Every supported variable, quoted where nginx users quote free text. */
    private static final String EVERY_VARIABLE = "$remote_addr - $remote_user [$time_local] $time_iso8601"
            + " \"$request\" $request_method $request_uri \"$uri\" $args $status $body_bytes_sent $bytes_sent"
            + " $request_length $msec $request_time $upstream_response_time $upstream_addr \"$host\""
            + " \"$http_user_agent\" \"$cookie_SESSION\" \"$upstream_cookie_SESSION\" \"$request_body\" $connection";

    @Test
    void everyRandomLineMatchesTheStampedeFormatAndGivesBackTheOriginalBytes() {
        NginxLogFormat format = NginxLogFormat.compile(NginxLogFormat.STAMPEDE);
        NginxLineMatcher matcher = NginxLineMatcher.forFormat(NginxLogFormat.STAMPEDE);
        SplittableRandom rnd = new SplittableRandom(20_261_121L);
        for (int i = 0; i < RENDERS; i++) {
            AccessLogEntry entry = TestEntries.random(rnd);
            Map<String, String> values = matcher.match(format.render(entry));

            assertThat(NginxLineMatcher.unescape(values.get("request_body")))
                    .as("request_body of render %d", i)
                    .isEqualTo(entry.requestBody().length == 0 ? dash() : entry.requestBody());
            assertThat(NginxLineMatcher.unescape(values.get("http_user_agent")))
                    .as("http_user_agent of render %d", i)
                    .isEqualTo(wireBytesOrDash(entry.requestHeaders().get(HttpHeaderNames.USER_AGENT)));
            assertThat(NginxLineMatcher.unescape(values.get("http_x_stampede_test")))
                    .isEqualTo(wireBytesOrDash(entry.requestHeaders().get("x-stampede-test")));
            assertThat(values.get("status")).isEqualTo(Integer.toString(entry.status()));
            assertThat(values.get("msec")).isEqualTo(seconds(entry.endEpochMillis()));
            assertThat(values.get("request_time")).isEqualTo(seconds(entry.requestTimeNanos() / 1_000_000));
            assertThat(values.get("upstream_response_time"))
                    .isEqualTo(
                            entry.upstreamResponseTimeNanos() < 0
                                    ? "-"
                                    : seconds(entry.upstreamResponseTimeNanos() / 1_000_000));
        }
    }

    @Test
    void everyRandomLineMatchesAFormatWithEveryVariable() {
        NginxLogFormat format = NginxLogFormat.compile(EVERY_VARIABLE);
        NginxLineMatcher matcher = NginxLineMatcher.forFormat(EVERY_VARIABLE);
        SplittableRandom rnd = new SplittableRandom(42L);
        for (int i = 0; i < RENDERS; i++) {
            AccessLogEntry entry = TestEntries.random(rnd);
            Map<String, String> values = matcher.match(format.render(entry));
            assertThat(NginxLineMatcher.unescape(values.get("request_uri"))).isEqualTo(wireBytes(entry.uri()));
            assertThat(values.get("connection")).isEqualTo(Long.toString(entry.connectionSerial()));
        }
        assertThat(matcher.variables()).isEqualTo(format.variables());
    }

    @Test
    void capturesTheRawTextOfEachVariable() {
        NginxLineMatcher matcher = NginxLineMatcher.forFormat(NginxLogFormat.COMBINED);
        Map<String, String> values = matcher.match(
                "10.1.2.3 - - [21/Nov/2026:14:42:01 +0000] \"GET /a?b=1 HTTP/1.1\" 404 0 \"-\" \"curl \\x22x\\x22\"");
        assertThat(values)
                .containsEntry("remote_addr", "10.1.2.3")
                .containsEntry("time_local", "21/Nov/2026:14:42:01 +0000")
                .containsEntry("request", "GET /a?b=1 HTTP/1.1")
                .containsEntry("status", "404")
                .containsEntry("http_referer", "-")
                .containsEntry("http_user_agent", "curl \\x22x\\x22");
        assertThat(values.keySet())
                .containsExactly(
                        "remote_addr",
                        "remote_user",
                        "time_local",
                        "request",
                        "status",
                        "body_bytes_sent",
                        "http_referer",
                        "http_user_agent");
    }

    @Test
    void rejectsWhatNginxCouldNotHaveWritten() {
        NginxLineMatcher matcher = NginxLineMatcher.forFormat(NginxLogFormat.COMBINED);
        String good = "10.1.2.3 - - [21/Nov/2026:14:42:01 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"ua\"";
        assertThat(matcher.matches(good)).isTrue();
        assertThat(matcher.matches(good.replace("\"ua\"", "\"u\"a\"")))
                .as("raw quote")
                .isFalse();
        assertThat(matcher.matches(good.replace("\"ua\"", "\"u\\a\"")))
                .as("raw backslash")
                .isFalse();
        assertThat(matcher.matches(good.replace("\"ua\"", "\"u\\x0aa\"")))
                .as("lowercase hex")
                .isFalse();
        assertThat(matcher.matches(good.replace("\"ua\"", "\"u\ta\"")))
                .as("raw tab")
                .isFalse();
        assertThat(matcher.matches(good.replace("\"ua\"", "\"\"")))
                .as("empty, not -")
                .isFalse();
        assertThat(matcher.matches(good.replace("\"ua\"", "\"é\"")))
                .as("raw non-ASCII")
                .isFalse();
        assertThat(matcher.matches(good.replace(" 200 ", " 20 ")))
                .as("two-digit status")
                .isFalse();
        assertThat(matcher.matches(good.replace("Nov", "nov"))).as("month case").isFalse();
        assertThat(matcher.matches(good.replace("GET", "get")))
                .as("lowercase method")
                .isFalse();
        assertThat(matcher.matches(good + " ")).as("trailing text").isFalse();
    }

    @Test
    void namesTheLineAndWhereItGoesWrong() {
        NginxLineMatcher matcher = NginxLineMatcher.forFormat("$status $msec \"$http_user_agent\"");
        assertThatThrownBy(() -> matcher.match("200 1795272121.5 \"ua\""))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("line:   200 1795272121.5 \"ua\"")
                .hasMessageContaining("differs at variable $msec, column 4");
    }

    @Test
    void readsBracedNamesAndRejectsUnknownVariables() {
        assertThat(NginxLineMatcher.forFormat("${status}ms").match("204ms")).containsEntry("status", "204");
        assertThatThrownBy(() -> NginxLineMatcher.forFormat("$nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unescapesBytesAndRefusesRawBytesNginxWouldHaveEscaped() {
        assertThat(NginxLineMatcher.unescape("a\\x22\\xC3\\xA9-"))
                .isEqualTo(new byte[] {'a', '"', (byte) 0xC3, (byte) 0xA9, '-'});
        assertThatThrownBy(() -> NginxLineMatcher.unescape("a\\b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NginxLineMatcher.unescape("\t")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).toPlainString();
    }

    private static byte[] dash() {
        return new byte[] {'-'};
    }

    private static byte[] wireBytesOrDash(String value) {
        return value == null || value.isEmpty() ? dash() : wireBytes(value);
    }

    /**
     * The bytes a string stands for as Netty decoded it: a char up to 0xFF is that wire byte; a char
     * above (only possible from code, not from the wire) is its UTF-8 encoding.
     */
    static byte[] wireBytes(String value) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0xFF) {
                bytes.write(c);
            } else {
                boolean pair = Character.isHighSurrogate(c)
                        && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                int end = pair ? i + 2 : i + 1;
                bytes.writeBytes(value.substring(i, end).getBytes(StandardCharsets.UTF_8)); // lone surrogate: '?'
                i = end - 1;
            }
        }
        return bytes.toByteArray();
    }
}
