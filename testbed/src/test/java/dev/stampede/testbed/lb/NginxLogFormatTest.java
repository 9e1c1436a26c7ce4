package dev.stampede.testbed.lb;

import static dev.stampede.testbed.lb.TestEntries.headers;
import static dev.stampede.testbed.lb.TestEntries.known;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NginxLogFormatTest {

    private static final String KNOWN_COMBINED = "127.0.3.7 - - [21/Nov/2026:14:42:01 +0000]"
            + " \"POST /api/order?symbol=600519&qty=100 HTTP/1.1\" 200 57 \"-\" \"stampede/0.1 (replay)\"";

    @Test
    void rendersTheStampedeFormatLikeNginx() {
        assertThat(NginxLogFormat.compile(NginxLogFormat.STAMPEDE).render(known()))
                .isEqualTo(KNOWN_COMBINED + " 1795272121.123 0.003 0.002 10.0.0.2:9001 \"abc123\" \"srv-77\" \"run-42\""
                        + " \"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\" \"{\\x22qty\\x22:100}\"");
    }

    @Test
    void rendersTheCombinedFormatLikeNginx() {
        assertThat(NginxLogFormat.compile(NginxLogFormat.COMBINED).render(known()))
                .isEqualTo(KNOWN_COMBINED);
    }

    @Test
    void rendersTheOtherVariables() {
        NginxLogFormat format = NginxLogFormat.compile("$time_iso8601|$request_method|$request_uri|$uri|$args"
                + "|$bytes_sent|$request_length|$host|$connection|$upstream_addr|$remote_addr|$remote_user");
        assertThat(format.render(known()))
                .isEqualTo("2026-11-21T14:42:01+00:00|POST|/api/order?symbol=600519&qty=100|/api/order"
                        + "|symbol=600519&qty=100|213|312|lb.test|42|10.0.0.2:9001|127.0.3.7|-");
    }

    @Test
    void appendsToTheCallersBufferWithoutALineSeparator() {
        StringBuilder out = new StringBuilder("x");
        NginxLogFormat.compile("[$status]").render(known(), out);
        assertThat(out).hasToString("x[200]");
    }

    @ParameterizedTest
    @CsvSource({
        "UTC,              21/Nov/2026:14:42:01 +0000, 2026-11-21T14:42:01+00:00",
        "Asia/Shanghai,    21/Nov/2026:22:42:01 +0800, 2026-11-21T22:42:01+08:00",
        "America/New_York, 21/Nov/2026:09:42:01 -0500, 2026-11-21T09:42:01-05:00",
        "Asia/Kolkata,     21/Nov/2026:20:12:01 +0530, 2026-11-21T20:12:01+05:30"
    })
    void writesTimesInTheConfiguredZone(String zone, String local, String iso8601) {
        assertThat(NginxLogFormat.compile("$time_local|$time_iso8601", ZoneId.of(zone))
                        .render(known()))
                .isEqualTo(local + "|" + iso8601);
    }

    @Test
    void writesEnglishMonthNamesWhateverTheDefaultLocale() {
        NginxLogFormat format = NginxLogFormat.compile("$time_local");
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int month = 1; month <= 12; month++) {
            long millis = LocalDateTime.of(2026, month, 3, 4, 5, 6)
                    .toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
            assertThat(format.render(at(millis))).isEqualTo("03/" + months[month - 1] + "/2026:04:05:06 +0000");
        }
    }

    @Test
    void reformatsTheTimeWhenTheSecondChangesEvenBackwards() {
        NginxLogFormat format = NginxLogFormat.compile("$time_local $msec");
        long t = TestEntries.END_EPOCH_MILLIS;
        assertThat(format.render(at(t))).isEqualTo("21/Nov/2026:14:42:01 +0000 1795272121.123");
        assertThat(format.render(at(t + 876))).isEqualTo("21/Nov/2026:14:42:01 +0000 1795272121.999");
        assertThat(format.render(at(t + 877))).isEqualTo("21/Nov/2026:14:42:02 +0000 1795272122.000");
        assertThat(format.render(at(t - 124))).isEqualTo("21/Nov/2026:14:42:00 +0000 1795272120.999");
    }

    @Test
    void escapesLikeNginxEscapeDefault() {
        // Netty hands over header bytes as ISO-8859-1 chars, so \u00E9 stands for the wire byte E9 and is
        // logged as that byte; chars above 0xFF cannot come off the wire and are written as UTF-8.
        String awkward = "q\"b\\n\nt\tdel\u007fé中\uD83D\uDE00";
        String escaped = "q\\x22b\\x5Cn\\x0At\\x09del\\x7F\\xE9\\xE4\\xB8\\xAD\\xF0\\x9F\\x98\\x80";
        assertThat(NginxLogFormat.compile("\"$http_user_agent\"").render(known(headers("User-Agent", awkward))))
                .isEqualTo("\"" + escaped + "\"");
    }

    @Test
    void escapesBodyBytesOneByOne() {
        byte[] body = {
            'a', 0, '"', '\\', '\n', 0x1F, 0x20, 0x7E, 0x7F, (byte) 0x80, (byte) 0xC3, (byte) 0xA9, (byte) 0xFF
        };
        assertThat(NginxLogFormat.compile("$request_body")
                        .render(TestEntries.entry().body(body).build()))
                .isEqualTo("a\\x00\\x22\\x5C\\x0A\\x1F ~\\x7F\\x80\\xC3\\xA9\\xFF");
    }

    @Test
    void escapesTheRequestLineButCopiesLiteralsAsTheyAre() {
        AccessLogEntry entry =
                TestEntries.entry().request("GET", "/a\"b?c=\\", "HTTP/1.1").build();
        assertThat(NginxLogFormat.compile("«$request» \"$uri\" $args").render(entry))
                .isEqualTo("«GET /a\\x22b?c=\\x5C HTTP/1.1» \"/a\\x22b\" c=\\x5C");
    }

    @Test
    void writesADashForEveryAbsentOrEmptyValue() {
        AccessLogEntry entry = TestEntries.entry()
                .request("GET", "/", "HTTP/1.1")
                .requestHeaders(headers("Referer", "", "Cookie", "a=1"))
                .body(new byte[0])
                .status(0)
                .upstream(null, -1, null)
                .build();
        NginxLogFormat format = NginxLogFormat.compile("$http_referer $http_user_agent $args $request_body"
                + " $upstream_addr $upstream_response_time $cookie_SESSION $upstream_cookie_SESSION $host $status");
        assertThat(format.render(entry)).isEqualTo("- - - - - - - - - 000");
    }

    @Test
    void writesADashForAnEmptyQueryAndAnHttp09RequestLineWithoutProtocol() {
        AccessLogEntry entry = TestEntries.entry().request("GET", "/p?", "").build();
        assertThat(NginxLogFormat.compile("$args \"$request\" $uri").render(entry))
                .isEqualTo("- \"GET /p?\" /p");
    }

    @Test
    void mapsHttpVariableNamesToHeadersLikeNginx() {
        HttpHeaders headers = headers("user-agent", "ua", "X-STAMPEDE-TEST", "mark", "Accept_Language", "not-me");
        NginxLogFormat format = NginxLogFormat.compile(
                "$http_user_agent $http_USER_AGENT $http_x_stampede_test $http_X_Stampede_Test $http_accept_language");
        assertThat(format.render(known(headers))).isEqualTo("ua ua mark mark -");
    }

    @Test
    void joinsRepeatedHeadersLikeNginx() {
        HttpHeaders headers = headers("X-Forwarded-For", "1.1.1.1", "x-forwarded-for", "2.2.2.2", "Cookie", "a=1");
        headers.add("Cookie", "b=2");
        assertThat(NginxLogFormat.compile("$http_x_forwarded_for|$http_cookie").render(known(headers)))
                .isEqualTo("1.1.1.1, 2.2.2.2|a=1; b=2");
    }

    @Test
    void findsTheFirstCookieOfThatNameInEveryCookieHeader() {
        HttpHeaders headers = headers("Cookie", "theme=dark; lang=zh-CN", "Cookie", "SESSION=s1; theme=light");
        NginxLogFormat format = NginxLogFormat.compile("$cookie_theme|$cookie_lang|$cookie_SESSION|$cookie_absent");
        assertThat(format.render(known(headers))).isEqualTo("dark|zh-CN|s1|-");
    }

    @Test
    void comparesCookieNamesWithoutCaseLikeNginx() {
        // nginx lowercases variable names and compares cookie names with ngx_strncasecmp.
        HttpHeaders headers = headers("Cookie", "session=lower; SESSION=upper");
        assertThat(NginxLogFormat.compile("$cookie_SESSION|$cookie_session|$upstream_cookie_Session")
                        .render(known(headers)))
                .isEqualTo("lower|lower|srv-77");
    }

    @Test
    void keepsTheQuotesOfAQuotedCookieValueAsNginxDoes() {
        assertThat(NginxLogFormat.compile("$cookie_SESSION").render(known(headers("Cookie", "SESSION=\"a b\""))))
                .isEqualTo("\\x22a b\\x22");
    }

    @Test
    void findsUpstreamCookiesInSetCookieHeadersWithAttributes() {
        NginxLogFormat format =
                NginxLogFormat.compile("$upstream_cookie_SESSION|$upstream_cookie_other|$upstream_cookie_x");
        assertThat(format.render(known())).isEqualTo("srv-77|1|-");
    }

    @Test
    void writesTheHostWithoutPortLowercasedWithoutTrailingDot() {
        NginxLogFormat format = NginxLogFormat.compile("$host");
        assertThat(format.render(known(headers("Host", "Example.COM.:8443")))).isEqualTo("example.com");
        assertThat(format.render(known(headers("Host", "[::1]:8080")))).isEqualTo("[::1]");
        assertThat(format.render(known(headers("Host", "Trade")))).isEqualTo("trade");
    }

    @ParameterizedTest
    @CsvSource({
        "0,              0.000",
        "999999,         0.000",
        "1000000,        0.001",
        "1500000,        0.001",
        "1999999,        0.001",
        "2999999,        0.002",
        "999999999,      0.999",
        "12345678901,    12.345",
        "-5000000,       0.000"
    })
    void truncatesDurationsToWholeMillisecondsLikeNginx(long nanos, String logged) {
        AccessLogEntry entry = TestEntries.entry()
                .requestTimeNanos(nanos)
                .upstream("u:1", nanos, null)
                .build();
        String expectedUpstream = nanos < 0 ? "-" : logged;
        assertThat(NginxLogFormat.compile("$request_time $upstream_response_time")
                        .render(entry))
                .isEqualTo(logged + " " + expectedUpstream);
    }

    @ParameterizedTest
    @CsvSource({"0, 0.000", "5, 0.005", "1795272121005, 1795272121.005", "1795272121120, 1795272121.120"})
    void writesMsecAsSecondsWithMilliseconds(long epochMillis, String logged) {
        assertThat(NginxLogFormat.compile("$msec").render(at(epochMillis))).isEqualTo(logged);
    }

    @Test
    void acceptsTheBracedFormWhereANameWouldRunOn() {
        NginxLogFormat format = NginxLogFormat.compile("${status}x${request_method}_$connection");
        assertThat(format.render(known())).isEqualTo("200xPOST_42");
        assertThat(format.variables()).containsExactly("status", "request_method", "connection");
    }

    @Test
    void namesAnUnknownVariableAndItsPosition() {
        assertThatThrownBy(() -> NginxLogFormat.compile("$remote_addr $nope [$time_local]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown variable \"$nope\" at position 13")
                .hasMessageEndingWith("\n$remote_addr $nope [$time_local]\n             ^");
        assertThatThrownBy(() -> NginxLogFormat.compile("$statusx")).hasMessageContaining("\"$statusx\" at position 0");
        assertThatThrownBy(() -> NginxLogFormat.compile("ok ${http_}"))
                .hasMessageContaining("\"$http_\" at position 3");
        assertThatThrownBy(() -> NginxLogFormat.compile("$Status_x")).hasMessageContaining("\"$Status_x\"");
    }

    @Test
    void readsVariableNamesWithoutCaseLikeNginxButListsThemAsWritten() {
        NginxLogFormat format = NginxLogFormat.compile("$Status $REQUEST_METHOD $Http_User_Agent");
        assertThat(format.render(known())).isEqualTo("200 POST stampede/0.1 (replay)");
        assertThat(format.variables()).containsExactly("Status", "REQUEST_METHOD", "Http_User_Agent");
    }

    @Test
    void rejectsADollarWithoutNameAndAnUnclosedBrace() {
        assertThatThrownBy(() -> NginxLogFormat.compile("cost $ 5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a variable name at position 5");
        assertThatThrownBy(() -> NginxLogFormat.compile("a ${status b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing '}' after \"${status\" at position 2");
    }

    @Test
    void listsVariablesInOrderAndKeepsTheSource() {
        NginxLogFormat format = NginxLogFormat.compile(NginxLogFormat.STAMPEDE);
        assertThat(format.format()).isEqualTo(NginxLogFormat.STAMPEDE);
        assertThat(format.variables())
                .containsExactly(
                        "remote_addr",
                        "remote_user",
                        "time_local",
                        "request",
                        "status",
                        "body_bytes_sent",
                        "http_referer",
                        "http_user_agent",
                        "msec",
                        "request_time",
                        "upstream_response_time",
                        "upstream_addr",
                        "cookie_SESSION",
                        "upstream_cookie_SESSION",
                        "http_x_stampede_test",
                        "http_traceparent",
                        "request_body");
        assertThat(NginxLogFormat.compile("no variables").variables()).isEmpty();
    }

    @Test
    void keepsTheDocumentedDefaultFormatsExactly() {
        assertThat(NginxLogFormat.COMBINED)
                .isEqualTo("$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"
                        + " \"$http_referer\" \"$http_user_agent\"");
        assertThat(NginxLogFormat.STAMPEDE)
                .isEqualTo(NginxLogFormat.COMBINED
                        + " $msec $request_time $upstream_response_time $upstream_addr \"$cookie_SESSION\""
                        + " \"$upstream_cookie_SESSION\" \"$http_x_stampede_test\" \"$http_traceparent\""
                        + " \"$request_body\"")
                .doesNotContain("\n");
    }

    private static AccessLogEntry at(long epochMillis) {
        return TestEntries.entry().endEpochMillis(epochMillis).build();
    }
}
