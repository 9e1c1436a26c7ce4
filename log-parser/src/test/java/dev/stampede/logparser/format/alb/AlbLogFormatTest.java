package dev.stampede.logparser.format.alb;

import static dev.stampede.logparser.format.RecordText.micros;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.RecordText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden records of {@code sample.log}: lines written for these tests in the shape AWS documents (see
 * {@code SOURCE.md} beside it). Start times are computed here with java.time, from the line's
 * request_creation_time, or from its time less the processing times.
 */
class AlbLogFormatTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0";
    private static final String SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15";

    @Test
    void readsTheSampleLog() throws IOException {
        List<String> expected = List.of(
                // request_creation_time is the start; the processing times add up to the request time.
                RecordText.of(new RequestRecord()
                        .startMicros(micros("2024-03-04T09:15:02.438Z"))
                        .method("GET")
                        .uri("/v1/quotes/AAPL?depth=5")
                        .protocol("HTTP/1.1")
                        .host("api.example-broker.com")
                        .status(200)
                        .bytesSent(2048)
                        .requestTimeMicros(44_000)
                        .upstreamTimeMicros(43_000)
                        .clientAddress("203.0.113.24")
                        .header("user-agent", FIREFOX)
                        .source("sample.log", 1)),
                // A port other than the scheme's default stays in the host; trailing new fields are fine.
                RecordText.of(new RequestRecord()
                        .startMicros(micros("2024-03-04T09:15:03.001Z"))
                        .method("POST")
                        .uri("/v1/orders?account=7")
                        .protocol("HTTP/2.0")
                        .host("orders.example-broker.com:8443")
                        .status(201)
                        .bytesSent(310)
                        .requestTimeMicros(119_000)
                        .upstreamTimeMicros(118_000)
                        .clientAddress("198.51.100.7")
                        .header("user-agent", "okhttp/4.12.0")
                        .source("sample.log", 2)),
                // The client closed first: -1 times are unknown, the start is still known.
                RecordText.of(new RequestRecord()
                        .startMicros(micros("2024-03-04T09:14:59.880Z"))
                        .method("GET")
                        .uri("/v1/stream/depth")
                        .protocol("HTTP/1.1")
                        .host("api.example-broker.com")
                        .status(460)
                        .bytesSent(0)
                        .clientAddress("192.0.2.55")
                        .header("user-agent", "python-requests/2.31.0")
                        .source("sample.log", 3)),
                // No request_creation_time (older logs): time less the three processing times.
                RecordText.of(new RequestRecord()
                        .startMicros(micros("2024-03-04T09:15:05.150Z"))
                        .method("GET")
                        .uri("/v1/instruments")
                        .protocol("HTTP/1.1")
                        .host("api.example-broker.com")
                        .status(200)
                        .bytesSent(15872)
                        .requestTimeMicros(100_000)
                        .upstreamTimeMicros(95_000)
                        .clientAddress("203.0.113.24")
                        .header("user-agent", "curl/8.5.0")
                        .source("sample.log", 4)),
                // ... and with -1 times too: the time itself, the best start known.
                RecordText.of(new RequestRecord()
                        .startMicros(micros("2024-03-04T09:15:06.000500Z"))
                        .method("GET")
                        .uri("/health")
                        .protocol("HTTP/1.1")
                        .host("api.example-broker.com")
                        .status(503)
                        .bytesSent(326)
                        .clientAddress("203.0.113.77")
                        .header("user-agent", "kube-probe/1.29")
                        .source("sample.log", 5)),
                // A WebSocket: time is when it closed; request_creation_time when it opened.
                RecordText.of(new RequestRecord()
                        .startMicros(micros("2024-03-04T09:05:12.334Z"))
                        .method("GET")
                        .uri("/ws/ticks?symbols=AAPL,MSFT")
                        .protocol("HTTP/1.1")
                        .host("stream.example-broker.com")
                        .status(101)
                        .bytesSent(880440)
                        .requestTimeMicros(2_000)
                        .upstreamTimeMicros(2_000)
                        .clientAddress("2001:db8:10::7")
                        .header("user-agent", SAFARI)
                        .source("sample.log", 6)),
                RecordText.of(new RequestRecord()
                        .startMicros(micros("2024-03-04T09:15:07.009Z"))
                        .method("GET")
                        .uri("/v1/quotes?x=1")
                        .protocol("HTTP/1.1")
                        .host("api.example-broker.com")
                        .status(301)
                        .bytesSent(432)
                        .clientAddress("203.0.113.24")
                        .header("user-agent", "curl/8.5.0")
                        .source("sample.log", 7)),
                // ALB writes a quote as \x22.
                RecordText.of(new RequestRecord()
                        .startMicros(micros("2024-03-04T09:15:07.489Z"))
                        .method("GET")
                        .uri("/search?q=\"best%20bid\"")
                        .protocol("HTTP/2.0")
                        .host("api.example-broker.com")
                        .status(200)
                        .bytesSent(900)
                        .requestTimeMicros(11_000)
                        .upstreamTimeMicros(10_000)
                        .clientAddress("203.0.113.24")
                        .header("user-agent", "Mozilla/5.0 \"quoted\"")
                        .source("sample.log", 8)),
                "9: bad-request-line in request at column 109: the load balancer logged no request"
                        + " ('- http://api.example-broker.com:80- -')");
        assertThat(parseAll("sample.log")).containsExactlyElementsOf(expected);
    }

    @Test
    void readsIpv6ClientsWithAndWithoutBrackets() {
        String line = "https 2024-03-04T09:15:02.482913Z app/a/b %s 10.0.0.1:80 0.001 0.002 0.003 200 200 1 2"
                + " \"GET https://[2001:db8::5]:443/x HTTP/1.1\" \"-\"";
        RequestRecord bare = parse(String.format(java.util.Locale.ROOT, line, "2001:db8::1:5000"));
        assertThat(bare.clientAddress()).isEqualTo("2001:db8::1");
        assertThat(bare.host()).isEqualTo("[2001:db8::5]");
        assertThat(bare.headers()).isEmpty();
        assertThat(parse(String.format(java.util.Locale.ROOT, line, "[2001:db8::1]:5000"))
                        .clientAddress())
                .isEqualTo("2001:db8::1");
    }

    @Test
    void splitsTheAbsoluteTarget() {
        assertThat(target("https://h.example:443")).isEqualTo("h.example /");
        assertThat(target("https://h.example:443?x=1")).isEqualTo("h.example /?x=1");
        assertThat(target("http://h.example:443/a")).isEqualTo("h.example:443 /a");
        assertThat(target("ws://h.example:80/a")).isEqualTo("h.example /a");
        assertThat(target("grpcs://h.example:443/svc.Quotes/Get")).isEqualTo("h.example /svc.Quotes/Get");
        assertThat(target("https://[::1]:8443/a")).isEqualTo("[::1]:8443 /a");
        assertThat(target("/already/origin-form")).isEqualTo("null /already/origin-form");
    }

    private static String target(String uri) {
        RequestRecord record = new RequestRecord().uri(uri);
        AbsoluteTarget.split(record);
        return record.host() + " " + record.uri();
    }

    static RequestRecord parse(String line) {
        RequestRecord record = new RequestRecord();
        Rejection why = AlbLogFormat.create().newParser().parse(line, record);
        assertThat(why).as(line).isNull();
        return record;
    }

    /** Each line of a resource as its record's text, or {@code n: rejection}. */
    private List<String> parseAll(String resource) throws IOException {
        List<String> outcomes = new ArrayList<>();
        LineParser parser = AlbLogFormat.create().newParser();
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .lines()
                    .toList();
            for (int i = 0; i < lines.size(); i++) {
                RequestRecord record = new RequestRecord();
                Rejection why = parser.parse(lines.get(i), record);
                outcomes.add(
                        why == null ? RecordText.of(record.source(resource, i + 1)) : (i + 1) + ": " + why.describe());
            }
        }
        return outcomes;
    }
}
