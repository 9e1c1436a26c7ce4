package dev.stampede.logparser.format.json;

import static dev.stampede.logparser.format.RecordText.micros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.logparser.LineFormat;
import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.RecordText;
import dev.stampede.logparser.format.alb.AlbLogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON envelopes around lines of another format: Docker's json-file driver, Kubernetes, shippers. */
class JsonWrapperTest {

    private static final JsonLinesFormat APP =
            JsonLinesFormat.fromSpec("time=ts,method=method,path=path,query=query,status=status,request_time=ms:ms");

    @Test
    void readsDockerJsonFileLinesAroundJsonAppLines() throws IOException {
        JsonLinesFormat docker = JsonLinesFormat.wrapping("log", APP);
        List<String> lines = resourceLines("docker-json-file.log");
        LineParser parser = docker.newParser();
        List<String> outcomes = new ArrayList<>();
        for (String line : lines) {
            RequestRecord record = new RequestRecord();
            Rejection why = parser.parse(line, record);
            outcomes.add(why == null ? RecordText.of(record) : why.describe());
        }
        assertThat(outcomes)
                .containsExactly(
                        RecordText.of(new RequestRecord()
                                .startMicros(micros("2024-03-04T09:15:02.438Z"))
                                .method("GET")
                                .uri("/v1/quotes/AAPL?depth=5")
                                .status(200)
                                .requestTimeMicros(12_000)),
                        // The CRLF the app wrote is gone with the newline.
                        RecordText.of(new RequestRecord()
                                .startMicros(micros("2024-03-04T09:15:02.512Z"))
                                .method("POST")
                                .uri("/v1/orders")
                                .status(201)
                                .requestTimeMicros(48_000)),
                        "bad-json at column 1: in the line wrapped in 'log': Unrecognized token 'WARN': was"
                                + " expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                        "missing-field in log: no value at 'log' to unwrap");
    }

    @Test
    void handsTheInnerFormatExactlyTheWrappedLine() {
        List<String> seen = new ArrayList<>();
        JsonLinesFormat format = JsonLinesFormat.wrapping("message", recording(seen));
        for (String line : List.of(
                "{\"message\":\"GET /a HTTP/1.1\\n\"}",
                "{\"message\":\"GET /b HTTP/1.1\"}",
                "{\"message\":\"GET /c HTTP/1.1\\n\\n\"}",
                "{\"message\":\"GET /d HTTP/1.1\\r\\n\"}",
                "{\"message\":\"\"}")) {
            format.newParser().parse(line, new RequestRecord());
        }
        assertThat(seen)
                .containsExactly("GET /a HTTP/1.1", "GET /b HTTP/1.1", "GET /c HTTP/1.1\n", "GET /d HTTP/1.1", "");
    }

    @Test
    void wrapsAnyLineFormatAndNests() {
        String alb = "http 2024-03-04T09:15:02.482913Z app/trade-alb/3f6a2b9c1d0e4f57 203.0.113.24:51234"
                + " 10.0.12.7:8080 0.001 0.043 0.000 200 200 512 2048"
                + " \"GET http://api.example-broker.com:80/v1/quotes HTTP/1.1\" \"curl/8.5.0\" - -";
        String docker = "{\"log\":\"" + alb.replace("\"", "\\\"") + "\\n\",\"stream\":\"stdout\"}";
        RequestRecord direct = new RequestRecord();
        assertThat(AlbLogFormat.create().newParser().parse(alb, direct)).isNull();
        RequestRecord wrapped = new RequestRecord();
        assertThat(JsonLinesFormat.wrapping("log", AlbLogFormat.create())
                        .newParser()
                        .parse(docker, wrapped))
                .isNull();
        assertThat(RecordText.of(wrapped)).isEqualTo(RecordText.of(direct));

        // A shipper's envelope around Docker's: wrap=message,inner=json:wrap=log,inner=alb.
        String shipped = "{\"host\":\"node-3\",\"message\":\""
                + docker.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        JsonLinesFormat twice =
                JsonLinesFormat.wrapping("message", JsonLinesFormat.wrapping("log", AlbLogFormat.create()));
        RequestRecord nested = new RequestRecord();
        assertThat(twice.newParser().parse(shipped, nested)).isNull();
        assertThat(RecordText.of(nested)).isEqualTo(RecordText.of(direct));
        assertThat(twice.describe()).startsWith("JSON lines: wrap=message,inner=json (JSON lines: wrap=log,inner=alb");
    }

    @Test
    void passesAnObjectOnAsItsJson() {
        JsonLinesFormat format = JsonLinesFormat.wrapping("kubernetes.entry", APP);
        RequestRecord record = new RequestRecord();
        String line =
                "{\"kubernetes\":{\"pod\":\"api-7\",\"entry\":{\"ts\":1709543702,\"method\":\"GET\",\"path\":\"/x\"}}}";
        assertThat(format.newParser().parse(line, record)).isNull();
        assertThat(record.uri()).isEqualTo("/x");
        assertThat(record.startMicros()).isEqualTo(micros("2024-03-04T09:15:02Z"));
    }

    @Test
    void anInnerRejectionKeepsItsReasonFieldAndColumn() {
        JsonLinesFormat format = JsonLinesFormat.wrapping("log", APP);
        Rejection why = format.newParser()
                .parse(
                        "{\"log\":\"{\\\"ts\\\":\\\"soon\\\",\\\"method\\\":\\\"GET\\\",\\\"path\\\":\\\"/\\\"}\"}",
                        new RequestRecord());
        assertThat(why)
                .isEqualTo(
                        new Rejection(
                                Reason.BAD_TIME,
                                "time",
                                7,
                                "in the line wrapped in 'log': 'soon' at 'ts' is not a time (ISO-8601, CLF or an epoch number)"));
        // The envelope's own JSON errors are the envelope's.
        assertThat(format.newParser().parse("{\"log\":", new RequestRecord()).reason())
                .isEqualTo(Reason.BAD_JSON);
    }

    @Test
    void theRegistryReadsAWrapperSpecWithItsInnerSpecWhole() {
        assertThat(JsonLinesFormat.WrapSpec.parse("wrap=log,inner=nginx:combined"))
                .isEqualTo(new JsonLinesFormat.WrapSpec("log", "nginx:combined"));
        assertThat(JsonLinesFormat.WrapSpec.parse(" wrap=message,inner=json:time=ts,request=r "))
                .isEqualTo(new JsonLinesFormat.WrapSpec("message", "json:time=ts,request=r"));
        assertThat(JsonLinesFormat.WrapSpec.parse("wrap=log,inner=json:wrap=message,inner=alb"))
                .isEqualTo(new JsonLinesFormat.WrapSpec("log", "json:wrap=message,inner=alb"));
        assertThat(JsonLinesFormat.WrapSpec.parse("time=ts,request=r")).isNull();
        assertThatThrownBy(() -> JsonLinesFormat.WrapSpec.parse("wrap=log"))
                .hasMessageContaining("a wrapper is wrap=<path>,inner=<format>");
        assertThatThrownBy(() -> JsonLinesFormat.wrapping("a[", APP)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A line format that records what it was given, and parses it as a request line. */
    private static LineFormat recording(List<String> seen) {
        return new LineFormat() {
            @Override
            public LineParser newParser() {
                return (line, record) -> {
                    seen.add(line);
                    return dev.stampede.logparser.format.RequestLine.parse(line, "line", record);
                };
            }

            @Override
            public String name() {
                return "recording";
            }

            @Override
            public String describe() {
                return "records lines";
            }
        };
    }

    private List<String> resourceLines(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .lines()
                    .toList();
        }
    }
}
