package dev.stampede.logparser.format.apache;

import static dev.stampede.logparser.format.apache.Parsing.micros;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.stampede.logparser.Datasets;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The real logs in ../shared/datasets: every line accounted for, the quirks their SOURCE.md lists. */
class ApacheDatasetTest {

    /**
     * Traefik's CLF: combined, then the request count, the router ("frontend") name, the server ("backend")
     * URL, and the duration with {@code ms}. The count and the names are read over (%k and
     * environment-variable directives) rather than logged as headers, which would be replayed.
     */
    static final String TRAEFIK = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\" %k"
            + " \"%{traefik_router}e\" \"%{traefik_server}e\" %{ms}Tms";

    @Test
    void elasticApacheCombined() {
        DatasetRun run =
                DatasetRun.of(ApacheLogFormat.preset("combined"), Datasets.file("elastic-apache-combined/apache_logs"));

        assertThat(run.lines()).hasSize(10_000);
        assertThat(run.records()).hasSize(9_999);
        assertThat(run.rejections()).containsOnlyKeys(8899L);
        Rejection truncated = run.rejections().get(8899L);
        assertThat(truncated.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(truncated.field()).isEqualTo("%{User-Agent}i");
        assertThat(truncated.column())
                .isEqualTo(run.lines().get(8898).indexOf("Mozilla/5.0 (compatible; Googlebot") + 1);

        // SOURCE.md's profile, less line 8899 (a GET over HTTP/1.1 answered 200).
        assertThat(count(run.records(), RequestRecord::status))
                .containsOnly(
                        entry(200, 9125L),
                        entry(304, 445L),
                        entry(404, 213L),
                        entry(301, 164L),
                        entry(206, 45L),
                        entry(500, 3L),
                        entry(403, 2L),
                        entry(416, 2L));
        assertThat(count(run.records(), RequestRecord::method))
                .containsOnly(entry("GET", 9951L), entry("HEAD", 42L), entry("POST", 5L), entry("OPTIONS", 1L));
        assertThat(count(run.records(), RequestRecord::protocol))
                .containsOnly(entry("HTTP/1.1", 9299L), entry("HTTP/1.0", 700L));
        assertThat(run.records().stream().filter(r -> r.headers().isEmpty())).hasSize(187);
        assertThat(run.records()).allSatisfy(r -> {
            assertThat(r.clientAddress()).isNotNull();
            assertThat(r.startMicros())
                    .isBetween(micros("2015-05-17T10:05:00Z"), micros("2015-05-20T21:05:59Z"))
                    .satisfies(
                            t -> assertThat(t / 60_000_000L % 60).as("minute").isEqualTo(5));
        });
    }

    @Test
    void elasticDashBytesAreZero() {
        DatasetRun run =
                DatasetRun.of(ApacheLogFormat.preset("combined"), Datasets.file("elastic-apache-combined/apache_logs"));
        long dashes = 0;
        for (RequestRecord record : run.records()) {
            // An oracle apart from the parser: the text between the request's closing quote and the referer's.
            String line = run.lines().get((int) record.sourceLine() - 1);
            String[] statusAndBytes = line.split("\"")[2].trim().split(" ");
            if (statusAndBytes[1].equals("-")) {
                dashes++;
                assertThat(record.bytesSent()).as(line).isZero();
            } else {
                assertThat(record.bytesSent()).as(line).isEqualTo(Long.parseLong(statusAndBytes[1]));
            }
        }
        assertThat(dashes).isEqualTo(669);
    }

    @Test
    void elasticSpotChecks() {
        DatasetRun run =
                DatasetRun.of(ApacheLogFormat.preset("combined"), Datasets.file("elastic-apache-combined/apache_logs"));

        RequestRecord first = run.line(1);
        assertThat(first.startMicros()).isEqualTo(micros("2015-05-17T10:05:03Z"));
        assertThat(first.clientAddress()).isEqualTo("83.149.9.216");
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.uri()).isEqualTo("/presentations/logstash-monitorama-2013/images/kibana-search.png");
        assertThat(first.protocol()).isEqualTo("HTTP/1.1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.bytesSent()).isEqualTo(203_023);
        assertThat(first.headers())
                .containsExactly(
                        entry("referer", "http://semicomplete.com/presentations/logstash-monitorama-2013/"),
                        entry(
                                "user-agent",
                                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko)"
                                        + " Chrome/32.0.1700.77 Safari/537.36"));
        assertThat(first.sourceFile()).isEqualTo("apache_logs");

        RequestRecord robots = run.line(77);
        assertThat(robots.startMicros()).isEqualTo(micros("2015-05-17T11:05:11Z"));
        assertThat(robots.uri()).isEqualTo("/robots.txt");
        assertThat(robots.bytesSent()).isZero();
        assertThat(robots.headers())
                .containsExactly(
                        entry("user-agent", "Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)"));

        RequestRecord post = run.line(5009);
        assertThat(post.startMicros()).isEqualTo(micros("2015-05-19T04:05:16Z"));
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.uri()).isEqualTo("/blog/geekery/xvfb-firefox");
        assertThat(post.protocol()).isEqualTo("HTTP/1.0");
        assertThat(post.bytesSent()).isEqualTo(10_975);

        // The referer was logged with \xhh escapes: each is one byte, kept as one ISO-8859-1 char.
        RequestRecord escaped = run.line(5851);
        assertThat(escaped.headers().get("referer"))
                .isEqualTo("http://\u00e4\u00e5\u00e3\u00f2\u00ff\u00f0\u00ed\u00ee\u00e5-\u00ec\u00fb\u00eb\u00ee"
                        + ".\u00f0\u00f4/");
        assertThat(escaped.protocol()).isEqualTo("HTTP/1.0");

        RequestRecord options = run.line(9158);
        assertThat(options.method()).isEqualTo("OPTIONS");
        assertThat(options.status()).isEqualTo(500);
        assertThat(options.bytesSent()).isEqualTo(626);
        assertThat(options.headers()).containsExactly(entry("user-agent", "Microsoft Office Protocol Discovery"));
    }

    @Test
    void basjesHackersApacheCombined() {
        DatasetRun run = DatasetRun.of(
                ApacheLogFormat.preset("combined"), Datasets.file("basjes-hackers-apache-combined/hackers-access.log"));

        // SOURCE.md: 3,456 lines, all parse, no malformed line listed.
        assertThat(run.lines()).hasSize(3_456);
        assertThat(run.rejections()).isEmpty();
        assertThat(run.records()).hasSize(3_456);
        assertThat(count(run.records(), RequestRecord::method)).containsOnly(entry("GET", 2376L), entry("POST", 1080L));
        assertThat(count(run.records(), RequestRecord::status))
                .containsOnly(entry(200, 2846L), entry(302, 585L), entry(403, 13L), entry(404, 12L));
        assertThat(count(run.records(), RequestRecord::protocol))
                .containsOnly(entry("HTTP/1.1", 2958L), entry("HTTP/1.0", 498L));
        // "12 IPv6 clients" in SOURCE.md are 12 lines from 2 addresses.
        List<String> ipv6 = run.records().stream()
                .map(RequestRecord::clientAddress)
                .filter(a -> a.contains(":"))
                .toList();
        assertThat(ipv6).hasSize(12);
        assertThat(new java.util.TreeSet<>(ipv6)).hasSize(2).contains("2001:41d0:8:f69::1");
        assertThat(run.records().get(0).startMicros()).isEqualTo(micros("2015-10-25T03:11:25Z"));
        assertThat(run.records().get(3_455).startMicros()).isEqualTo(micros("2015-10-30T14:59:39Z"));
        assertThat(run.records()).isSortedAccordingTo((a, b) -> Long.compare(a.startMicros(), b.startMicros()));
        // Percent-encoding is kept as logged: replay sends the bytes that were sent.
        assertThat(run.records().stream().filter(r -> r.uri().contains("came_from=http%3A//")))
                .hasSizeGreaterThan(700);

        RequestRecord post = run.line(3);
        assertThat(post.startMicros()).isEqualTo(micros("2015-10-25T03:11:27Z"));
        assertThat(post.clientAddress()).isEqualTo("23.95.237.180");
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.uri()).isEqualTo("/join_form");
        assertThat(post.status()).isEqualTo(302);
        assertThat(post.bytesSent()).isEqualTo(9093);
        assertThat(post.headers())
                .containsExactly(
                        entry("referer", "http://howto.basjes.nl/join_form"),
                        entry("user-agent", "Mozilla/5.0 (Windows NT 5.1; rv:35.0) Gecko/20100101 Firefox/35.0"));

        RequestRecord v6 = run.line(2577);
        assertThat(v6.clientAddress()).isEqualTo("2001:41d0:8:f69::1");
        assertThat(v6.startMicros()).isEqualTo(micros("2015-10-29T05:47:36Z"));
        assertThat(v6.uri()).isEqualTo("/");
    }

    @Test
    void traefikClf() {
        DatasetRun run =
                DatasetRun.of(ApacheLogFormat.compile(TRAEFIK), Datasets.file("gateway-edge-cases/traefik/test.log"));

        assertThat(run.lines()).hasSize(2);
        RequestRecord first = run.line(1);
        assertThat(first.startMicros()).isEqualTo(micros("2017-10-02T20:22:07Z"));
        assertThat(first.clientAddress()).isEqualTo("192.168.33.1");
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.uri()).isEqualTo("/ui/favicons/favicon-16x16.png");
        assertThat(first.protocol()).isEqualTo("HTTP/1.1");
        assertThat(first.status()).isEqualTo(304);
        assertThat(first.bytesSent()).isZero();
        assertThat(first.requestTimeMicros()).isEqualTo(2_000);
        assertThat(first.headers())
                .containsExactly(
                        entry("referer", "http://example.com/login"),
                        entry(
                                "user-agent",
                                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                                        + " Chrome/61.0.3163.100 Safari/537.36"));

        // Line 2's router name lacks its closing quote ("Host-host1 "http://..."): no quote after it is
        // followed by '" "', so the raw-quote fallback has nothing to offer and the line is rejected.
        assertThat(run.rejections()).containsOnlyKeys(2L);
        Rejection why = run.rejections().get(2L);
        assertThat(why.reason()).isEqualTo(Reason.FORMAT_MISMATCH);
        assertThat(why.field()).isEqualTo("%{traefik_router}e");
        assertThat(why.column()).isEqualTo(run.lines().get(1).indexOf("Host-host1") + 1);
    }

    private static <K> Map<K, Long> count(List<RequestRecord> records, Function<RequestRecord, K> key) {
        return records.stream().collect(groupingBy(key, counting()));
    }
}
