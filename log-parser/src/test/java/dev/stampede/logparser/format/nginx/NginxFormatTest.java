package dev.stampede.logparser.format.nginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.logparser.Datasets;
import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NginxFormatTest {

    private static RequestRecord parse(NginxFormat format, String line) {
        RequestRecord record = new RequestRecord();
        Rejection rejection = format.newParser().parse(line, record);
        assertThat(rejection)
                .as("%s", rejection == null ? "" : rejection.describe())
                .isNull();
        return record;
    }

    private static Rejection reject(NginxFormat format, String line) {
        Rejection rejection = format.newParser().parse(line, new RequestRecord());
        assertThat(rejection).as(line).isNotNull();
        return rejection;
    }

    private static long micros(String iso) {
        OffsetDateTime time = OffsetDateTime.parse(iso);
        return time.toEpochSecond() * 1_000_000L + time.getNano() / 1000;
    }

    @Test
    void combinedLine() {
        RequestRecord r = parse(
                NginxFormat.preset("combined"),
                "93.180.71.3 - - [17/May/2015:08:05:32 +0000] \"GET /downloads/product_1 HTTP/1.1\" 304 0 \"-\""
                        + " \"Debian APT-HTTP/1.3 (0.8.16~exp12ubuntu10.21)\"");

        assertThat(r.startMicros()).isEqualTo(micros("2015-05-17T08:05:32Z"));
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.uri()).isEqualTo("/downloads/product_1");
        assertThat(r.protocol()).isEqualTo("HTTP/1.1");
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.bytesSent()).isZero();
        assertThat(r.clientAddress()).isEqualTo("93.180.71.3");
        assertThat(r.headers())
                .containsExactly(Map.entry("user-agent", "Debian APT-HTTP/1.3 (0.8.16~exp12ubuntu10.21)"));
        assertThat(r.requestTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
    }

    @Test
    void testbedLineStartsAtEndMinusRequestTime() {
        // The README's sample line of the testbed's access log.
        RequestRecord r = parse(
                NginxFormat.preset("stampede"),
                "127.10.0.103 - - [21/Nov/2026:14:56:39 +0000] \"POST /api/order HTTP/1.1\" 200 167 \"-\""
                        + " \"StockApp/5.12.1 (iPhone15,2; iOS 17.4.1; Scale/3.00)\" 1795272999.329 0.019 0.018"
                        + " 127.0.0.1:39359 \"7dbeff981bb3584dabdff162c16a0724\" \"-\" \"-\" \"-\""
                        + " \"{\\x22code\\x22:\\x22600519\\x22,\\x22side\\x22:\\x22sell\\x22,\\x22price\\x22:1697.09,"
                        + "\\x22qty\\x22:1000}\"");

        assertThat(r.startMicros()).isEqualTo(1_795_272_999_329_000L - 19_000L);
        assertThat(r.requestTimeMicros()).isEqualTo(19_000L);
        assertThat(r.upstreamTimeMicros()).isEqualTo(18_000L);
        assertThat(r.cookies()).containsExactly(Map.entry("SESSION", "7dbeff981bb3584dabdff162c16a0724"));
        assertThat(r.headers()).containsOnlyKeys("user-agent");
        assertThat(new String(r.body(), StandardCharsets.ISO_8859_1))
                .isEqualTo("{\"code\":\"600519\",\"side\":\"sell\",\"price\":1697.09,\"qty\":1000}");
        assertThat(r.extras()).isEmpty();
    }

    @Test
    void loginLineKeepsTheNewSessionAsAnExtraField() {
        RequestRecord r = parse(
                NginxFormat.preset("stampede"),
                "127.10.0.139 - - [21/Nov/2026:14:56:40 +0000] \"POST /api/login HTTP/1.1\" 200 107 \"-\" \"UA\""
                        + " 1795273000.561 0.000 0.000 127.0.0.1:39359 \"-\" \"4e087ffae52f16c9b3f37aff68b6b715\" \"1\""
                        + " \"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\" \"-\"");

        assertThat(r.cookies()).isEmpty();
        assertThat(r.extras())
                .containsExactly(Map.entry("upstream_cookie_SESSION", "4e087ffae52f16c9b3f37aff68b6b715"));
        assertThat(r.headers())
                .containsEntry("x-stampede-test", "1")
                .containsEntry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(r.body()).isNull();
        assertThat(r.startMicros()).isEqualTo(1_795_273_000_561_000L);
    }

    @Test
    void forwardedForListsGiveTheOriginalClient() {
        NginxFormat combined = NginxFormat.preset("combined");
        assertThat(parse(
                                combined,
                                "10.0.0.2, 10.0.0.1, 127.0.0.1 - - [07/Dec/2016:11:05:07 +0100] \"GET /ocelot HTTP/1.1\""
                                        + " 200 571 \"-\" \"Firefox\"")
                        .clientAddress())
                .isEqualTo("10.0.0.2");

        RequestRecord main = parse(
                NginxFormat.preset("main"),
                "172.17.0.1 - - [29/May/2017:19:02:48 +0000]"
                        + " \"GET /stringpatch HTTP/1.1\" 404 612 \"-\" \"Firefox\" \"203.0.113.9, 10.0.0.1\"");
        assertThat(main.clientAddress()).isEqualTo("203.0.113.9");
        assertThat(main.headers()).containsEntry("x-forwarded-for", "203.0.113.9, 10.0.0.1");
    }

    @Test
    void gatewayEdgeCasesAreAllAccountedFor() throws IOException {
        List<String> lines = Files.readAllLines(Datasets.file("gateway-edge-cases/nginx-edge-cases/test.log"));
        NginxFormat combined = NginxFormat.preset("combined");
        LineParser parser = combined.newParser();
        StringBuilder outcomes = new StringBuilder();
        for (String line : lines) {
            Rejection rejection = parser.parse(line, new RequestRecord());
            outcomes.append(rejection == null ? "ok" : rejection.reason().code())
                    .append(' ');
        }
        // 2: a trailing "$http_x_forwarded_for" the format lacks; 5 and 6: "$http_x_forwarded_for"
        // $remote_addr (quoted or not) before the rest, another format; 7: nginx's "" for a connection
        // that sent no request.
        assertThat(outcomes.toString().trim())
                .isEqualTo("ok format-mismatch ok ok format-mismatch format-mismatch bad-request-line");
        assertThat(parse(combined, lines.get(2)).clientAddress()).isEqualTo("10.0.0.2");
        assertThat(parse(combined, lines.get(3)).startMicros()).isEqualTo(micros("2016-12-07T11:05:07+01:00"));
        assertThat(parse(
                                NginxFormat.compile(
                                        "\"$http_x_forwarded_for\" $remote_addr - $remote_user [$time_local]"
                                                + " \"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\""),
                                lines.get(4))
                        .clientAddress())
                .as("the original client from the X-Forwarded-For list")
                .isEqualTo("10.5.102.222");
        assertThat(parse(
                                combined,
                                "2a03:0000:10ff:f00f:0000:0000:0:8000, 10.225.192.17 - - [30/Dec/2016:06:47:09"
                                        + " +0000] \"GET /test.html HTTP/1.1\" 404 8571 \"-\" \"Facebot\"")
                        .clientAddress())
                .isEqualTo("2a03:0000:10ff:f00f:0000:0000:0:8000");
    }

    @Test
    void elasticDatasetParsesCompletely() throws IOException {
        List<String> lines = Files.readAllLines(Datasets.file("elastic-nginx-combined/nginx_logs.first29479"));
        LineParser parser = NginxFormat.preset("combined").newParser();
        Map<Reason, Integer> rejected = new EnumMap<>(Reason.class);
        int parsed = 0;
        int ipv6 = 0;
        int head = 0;
        RequestRecord record = new RequestRecord();
        for (String line : lines) {
            Rejection rejection = parser.parse(line, record.reset());
            if (rejection == null) {
                parsed++;
                ipv6 += record.clientAddress().contains(":") ? 1 : 0;
                head += record.method().equals("HEAD") ? 1 : 0;
            } else {
                rejected.merge(rejection.reason(), 1, Integer::sum);
            }
        }
        assertThat(lines).hasSize(29_479);
        assertThat(rejected).isEmpty();
        assertThat(parsed).isEqualTo(29_479);
        assertThat(ipv6).isEqualTo(31); // SOURCE.md: 31 IPv6 clients
        assertThat(head).isEqualTo(66); // SOURCE.md: HEAD 66
    }

    @Test
    void rejectionsNameTheReasonFieldAndColumn() {
        NginxFormat combined = NginxFormat.preset("combined");
        String good = "1.2.3.4 - - [17/May/2015:08:05:32 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"ua\"";

        assertThat(reject(combined, "").reason()).isEqualTo(Reason.EMPTY);
        assertThat(reject(combined, good.replace("May", "Mai")))
                .extracting(Rejection::reason, Rejection::field, Rejection::column)
                .containsExactly(Reason.BAD_TIME, "time_local", 14);
        assertThat(reject(combined, good.replace(" 200 ", " 2x0 ")).reason()).isEqualTo(Reason.BAD_STATUS);
        assertThat(reject(combined, good.replace(" 5 ", " five ")).reason()).isEqualTo(Reason.BAD_NUMBER);
        assertThat(reject(combined, good.substring(0, good.length() - 3)))
                .extracting(Rejection::reason, Rejection::field)
                .containsExactly(Reason.TRUNCATED, "http_user_agent");
        assertThat(reject(combined, good + " extra").describe()).startsWith("format-mismatch at column 73");
        assertThat(reject(combined, good.replace("GET / HTTP/1.1", "")).reason())
                .isEqualTo(Reason.BAD_REQUEST_LINE);
        assertThat(reject(combined, "<html>").reason()).isEqualTo(Reason.FORMAT_MISMATCH);
    }

    @Test
    void customFormatsWithBracesUnknownVariablesAndIsoTime() {
        NginxFormat format = NginxFormat.compile(
                "${remote_addr} [$time_iso8601] $request_method $request_uri $status rt=$request_time trace=$trace_id"
                        + " up=$upstream_response_time");
        RequestRecord r = parse(
                format,
                "10.1.1.1 [2026-11-21T14:42:01+08:00] GET /api/quote/600519?x=1 200 rt=0.250 trace=abc123 up=0.100, 0.050");

        assertThat(r.startMicros()).isEqualTo(micros("2026-11-21T14:42:01+08:00") - 250_000);
        assertThat(r.uri()).isEqualTo("/api/quote/600519?x=1");
        assertThat(r.path()).isEqualTo("/api/quote/600519");
        assertThat(r.upstreamTimeMicros()).isEqualTo(150_000);
        assertThat(r.extras()).containsExactly(Map.entry("trace_id", "abc123"));
        assertThat(format.variables())
                .containsExactly(
                        "remote_addr",
                        "time_iso8601",
                        "request_method",
                        "request_uri",
                        "status",
                        "request_time",
                        "trace_id",
                        "upstream_response_time");
    }

    @Test
    void formatErrorsPointAtTheProblem() {
        assertThatThrownBy(() -> NginxFormat.compile("$remote_addr$status [$time_local] \"$request\""))
                .hasMessageContaining("position 13")
                .hasMessageContaining("$remote_addr and $status have no text between them")
                .hasMessageContaining("            ^");
        assertThatThrownBy(() -> NginxFormat.compile("$remote_addr \"$request\""))
                .hasMessageContaining("no time variable");
        assertThatThrownBy(() -> NginxFormat.compile("$time_local $"))
                .hasMessageContaining("'$' without a variable name");
        assertThatThrownBy(() -> NginxFormat.preset("fancy")).hasMessageContaining("combined, main, stampede");
    }

    @Test
    void arbitraryTextNeverThrows() {
        NginxFormat[] formats = {NginxFormat.preset("combined"), NginxFormat.preset("stampede")};
        String seed = "1.2.3.4 - - [17/May/2015:08:05:32 +0000] \"GET /a?b=c HTTP/1.1\" 200 5 \"-\" \"ua\" 1.5 0.1 0.1"
                + " 1.1.1.1:80 \"s\" \"-\" \"1\" \"-\" \"{\\x22a\\x22:1}\"";
        SplittableRandom random = new SplittableRandom(99);
        int parsed = 0;
        for (int i = 0; i < 100_000; i++) {
            String line = i % 2 == 0 ? mutate(seed, random) : randomText(random);
            for (NginxFormat format : formats) {
                if (format.newParser().parse(line, new RequestRecord()) == null) {
                    parsed++;
                }
            }
        }
        assertThat(parsed).as("some mutated lines still parse").isPositive();
    }

    private static String mutate(String line, SplittableRandom random) {
        StringBuilder text = new StringBuilder(line);
        for (int m = random.nextInt(1, 4); m > 0 && text.length() > 0; m--) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.setLength(at);
                case 1 -> text.insert(at, "\"[] -".charAt(random.nextInt(5)));
                case 2 -> text.deleteCharAt(at);
                default -> text.setCharAt(at, (char) random.nextInt(256));
            }
        }
        return text.toString();
    }

    private static String randomText(SplittableRandom random) {
        char[] chars = new char[random.nextInt(0, 200)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(256);
        }
        return new String(chars);
    }
}
