package dev.stampede.logparser.format.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.Datasets;
import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.Mutations;
import dev.stampede.logparser.format.RecordText;
import dev.stampede.logparser.input.LineBatch;
import dev.stampede.logparser.input.LineReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The byte path ({@code parse(LineBatch, int, RequestRecord)}) against the String path ({@code
 * parse(String, RequestRecord)}) on the same lines: identical records (every field, headers, cookies,
 * extras, times) and identical rejections (reason, field, column, message), for real logs, lines built
 * from odd values variable by variable, random mutations and noise.
 */
class NginxBytePathTest {

    /** The presets and formats that use every variable with a byte decoder, and some without. */
    private static final List<NginxFormat> FORMATS = List.of(
            NginxFormat.preset("combined"),
            NginxFormat.preset("main"),
            NginxFormat.preset("stampede"),
            NginxFormat.compile("${remote_addr} [$time_iso8601] $request_method $request_uri $status"
                    + " rt=$request_time trace=$trace_id up=$upstream_response_time"),
            NginxFormat.compile("<$realip_remote_addr> $msec $host $http_host \"$request\" $status $bytes_sent"
                    + " $body_bytes_sent uht=$upstream_header_time uct=$upstream_connect_time $server_protocol"
                    + " $uri?$args c=$cookie_SESSION ff=\"$http_x_forwarded_for\" b=\"$request_body\" --end--"),
            NginxFormat.compile("$time_local|$request|$status|$http_user_agent|$remote_user|$connection"));

    private static final List<String> TESTBED_LINES = List.of(
            "127.10.0.103 - - [21/Nov/2026:14:56:39 +0000] \"POST /api/order HTTP/1.1\" 200 167 \"-\""
                    + " \"StockApp/5.12.1 (iPhone15,2; iOS 17.4.1; Scale/3.00)\" 1795272999.329 0.019 0.018"
                    + " 127.0.0.1:39359 \"7dbeff981bb3584dabdff162c16a0724\" \"-\" \"-\" \"-\""
                    + " \"{\\x22code\\x22:\\x22600519\\x22,\\x22side\\x22:\\x22sell\\x22,\\x22price\\x22:1697.09,"
                    + "\\x22qty\\x22:1000}\"",
            "127.10.0.139 - - [21/Nov/2026:14:56:40 +0000] \"POST /api/login HTTP/1.1\" 200 107 \"-\" \"UA\""
                    + " 1795273000.561 0.000 0.000 127.0.0.1:39359 \"-\" \"4e087ffae52f16c9b3f37aff68b6b715\" \"1\""
                    + " \"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\" \"-\"",
            "1.2.3.4 - - [17/May/2015:08:05:32 +0000] \"GET /a?b=c HTTP/1.1\" 200 5 \"-\" \"ua\" 1.5 0.1 0.1"
                    + " 1.1.1.1:80 \"s\" \"-\" \"1\" \"-\" \"{\\x22a\\x22:1}\"");

    @Test
    void realLogsParseTheSameBothWays() throws IOException {
        List<String> lines = datasetLines();
        assertThat(lines).hasSizeGreaterThan(40_000);
        int parsed = 0;
        for (NginxFormat format : FORMATS) {
            parsed += compare(format, lines);
        }
        assertThat(parsed).as("the combined logs parse").isGreaterThan(40_000);
    }

    @Test
    void theFastPathAloneTakesEveryLineOfARealLog() throws IOException {
        // Not a matter of correctness (a line it leaves is parsed as a string) but of speed.
        byte[] log = Files.readAllBytes(Datasets.file("elastic-nginx-combined/nginx_logs.first29479"));
        InPlaceParser parser = InPlaceParser.forFormat(NginxFormat.preset("combined"));
        LineReader reader = new LineReader(new ByteArrayInputStream(log), 1 << 20);
        LineBatch batch = new LineBatch(1000, 1 << 16);
        RequestRecord record = new RequestRecord();
        int fast = 0;
        while (reader.fill(batch, 1000) > 0) {
            for (int i = 0; i < batch.size(); i++) {
                fast += parser.parse(batch.data(), batch.start(i), batch.end(i), record.reset()) ? 1 : 0;
            }
        }
        assertThat(fast).isEqualTo(29_479);
    }

    @Test
    void mutatedLinesAndNoiseParseTheSameBothWays() throws IOException {
        List<String> seeds = new ArrayList<>(TESTBED_LINES);
        List<String> real = datasetLines();
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            seeds.add(real.get(random.nextInt(real.size())));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            lines.add(Mutations.next(seeds, random));
        }
        int parsed = 0;
        for (NginxFormat format : FORMATS) {
            parsed += compare(format, lines);
        }
        assertThat(parsed).as("some mutated lines still parse").isGreaterThan(1_000);
    }

    @Test
    void linesBuiltFromOddValuesParseTheSameBothWays() throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        int parsed = 0;
        for (NginxFormat format : FORMATS) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 30_000; i++) {
                lines.add(OddValues.line(format, random));
            }
            parsed += compare(format, lines);
        }
        assertThat(parsed).as("many built lines parse").isGreaterThan(10_000);
    }

    @Test
    void aFormatWithTextBeyondLatin1UsesTheStringPath() throws IOException {
        NginxFormat format = NginxFormat.compile("$remote_addr \u2192 [$time_local] \"$request\"");
        compare(format, List.of("1.2.3.4 ? [17/May/2015:08:05:32 +0000] \"GET / HTTP/1.1\"", ""));
    }

    /** Parses {@code lines} both ways, asserts the same outcomes; returns how many parsed. */
    private static int compare(NginxFormat format, List<String> lines) throws IOException {
        LineParser strings = format.newParser();
        LineParser bytes = format.newParser();
        LineReader reader = new LineReader(new ByteArrayInputStream(joined(lines)), 1 << 20);
        LineBatch batch = new LineBatch(1000, 1 << 16);
        RequestRecord fromBytes = new RequestRecord();
        RequestRecord fromString = new RequestRecord();
        int parsed = 0;
        while (reader.fill(batch, 1000) > 0) {
            for (int i = 0; i < batch.size(); i++) {
                String line = batch.line(i);
                Rejection expected = strings.parse(line, fromString.reset());
                Rejection actual = bytes.parse(batch, i, fromBytes.reset());
                assertThat(actual).as("%s on %s", format, line).isEqualTo(expected);
                if (expected == null) {
                    assertThat(text(fromBytes)).as("%s on %s", format, line).isEqualTo(text(fromString));
                    parsed++;
                }
            }
        }
        return parsed;
    }

    private static String text(RequestRecord record) {
        return RecordText.of(record) + " extras=" + record.extras() + " " + record;
    }

    private static byte[] joined(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : lines) {
            out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static List<String> datasetLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String file : List.of(
                "elastic-nginx-combined/nginx_logs.first29479",
                "elastic-apache-combined/apache_logs",
                "basjes-hackers-apache-combined/hackers-access.log",
                "gateway-edge-cases/nginx-edge-cases/test.log",
                "gateway-edge-cases/traefik/test.log")) {
            lines.addAll(Files.readAllLines(Datasets.file(file), StandardCharsets.ISO_8859_1));
        }
        return lines;
    }
}
