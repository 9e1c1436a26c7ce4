package dev.stampede.logparser.format.json;

import static dev.stampede.logparser.format.RecordText.micros;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.RecordText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden records from JSON lines: every field of each record, start times computed with java.time. */
class JsonLinesFormatTest {

    static final String BRIEF_SPEC = "time=@timestamp,method=request.method,uri=request.uri,status=response.status,"
            + "bytes=response.bytes,client=client.ip,request_time=duration_ms:ms,host=host,header.user-agent=ua,"
            + "cookie.SESSION=session";

    static final String ECS_SPEC = "time=@timestamp,method=http.request.method,uri=url.original,"
            + "protocol=http.version,status=http.response.status_code,bytes=http.response.body.bytes,"
            + "client=source.ip,request_time=event.duration:ns,header.user-agent=user_agent.original";

    @Test
    void readsTheFieldMapOfTheIssue() {
        String line = "{\"@timestamp\":\"2024-03-04T09:15:02.438Z\",\"request\":{\"method\":\"GET\","
                + "\"uri\":\"/v1/quotes/AAPL?depth=5\"},\"response\":{\"status\":200,\"bytes\":2048},"
                + "\"client\":{\"ip\":\"203.0.113.24\"},\"duration_ms\":43.5,\"host\":\"api.example-broker.com\","
                + "\"ua\":\"okhttp/4.12.0\",\"session\":\"s-91f2\",\"extra\":{\"deep\":[1,2,{\"x\":null}]}}";

        RequestRecord expected = new RequestRecord()
                .startMicros(micros("2024-03-04T09:15:02.438Z"))
                .method("GET")
                .uri("/v1/quotes/AAPL?depth=5")
                .host("api.example-broker.com")
                .status(200)
                .bytesSent(2048)
                .requestTimeMicros(43_500)
                .clientAddress("203.0.113.24")
                .header("user-agent", "okhttp/4.12.0")
                .cookie("SESSION", "s-91f2");
        assertThat(RecordText.of(parse(JsonLinesFormat.fromSpec(BRIEF_SPEC), line)))
                .isEqualTo(RecordText.of(expected));
    }

    @Test
    void readsElasticCommonSchemaNestedFlatAndMixed() {
        JsonLinesFormat format = JsonLinesFormat.fromSpec(ECS_SPEC);
        RequestRecord expected = new RequestRecord()
                .startMicros(micros("2024-03-04T09:15:02.123456Z"))
                .method("POST")
                .uri("/v1/orders?account=7")
                .protocol("HTTP/1.1")
                .status(201)
                .bytesSent(87)
                .requestTimeMicros(1_534)
                .clientAddress("198.51.100.7")
                .header("user-agent", "curl/8.5.0");
        String nested = "{\"@timestamp\":\"2024-03-04T09:15:02.123456Z\",\"event\":{\"duration\":1534200},"
                + "\"http\":{\"version\":\"1.1\",\"request\":{\"method\":\"POST\"},"
                + "\"response\":{\"status_code\":201,\"body\":{\"bytes\":87}}},"
                + "\"url\":{\"original\":\"/v1/orders?account=7\"},\"source\":{\"ip\":\"198.51.100.7\"},"
                + "\"user_agent\":{\"original\":\"curl/8.5.0\"}}";
        String flat = "{\"@timestamp\":\"2024-03-04T09:15:02.123456Z\",\"event.duration\":1534200,"
                + "\"http.version\":\"1.1\",\"http.request.method\":\"POST\",\"http.response.status_code\":201,"
                + "\"http.response.body.bytes\":87,\"url.original\":\"/v1/orders?account=7\","
                + "\"source.ip\":\"198.51.100.7\",\"user_agent.original\":\"curl/8.5.0\"}";
        String mixed = "{\"@timestamp\":\"2024-03-04T09:15:02.123456Z\",\"event\":{\"duration\":1534200},"
                + "\"http\":{\"version\":\"1.1\",\"request.method\":\"POST\",\"response\":{\"status_code\":201,"
                + "\"body.bytes\":87}},\"url.original\":\"/v1/orders?account=7\",\"source\":{\"ip\":\"198.51.100.7\"},"
                + "\"user_agent.original\":\"curl/8.5.0\"}";
        for (String line : List.of(nested, flat, mixed)) {
            assertThat(RecordText.of(parse(format, line))).as(line).isEqualTo(RecordText.of(expected));
        }
    }

    @Test
    void aLiteralDottedKeyWinsOverTheNestedWalkInEitherOrder() {
        JsonLinesFormat format = JsonLinesFormat.fromSpec("time=t,method=m,uri=a.b");
        assertThat(parse(format, "{\"t\":1,\"m\":\"GET\",\"a.b\":\"/literal\",\"a\":{\"b\":\"/nested\"}}")
                        .uri())
                .isEqualTo("/literal");
        assertThat(parse(format, "{\"t\":1,\"m\":\"GET\",\"a\":{\"b\":\"/nested\"},\"a.b\":\"/literal\"}")
                        .uri())
                .isEqualTo("/literal");
        // A duplicate key: the last one wins, as in JavaScript's JSON.parse.
        assertThat(parse(format, "{\"t\":1,\"m\":\"GET\",\"a.b\":\"/first\",\"a.b\":\"/second\"}")
                        .uri())
                .isEqualTo("/second");
    }

    @Test
    void followsArrayIndices() {
        JsonLinesFormat format = JsonLinesFormat.fromSpec(
                "time=t,method=m,uri=targets[1].uri,client=hops[0],header.x-matrix=grid[1][0]");
        RequestRecord record = parse(
                format,
                "{\"t\":1,\"m\":\"GET\",\"targets\":[{\"uri\":\"/zero\"},{\"uri\":\"/one\"},{\"uri\":\"/two\"}],"
                        + "\"hops\":[\"10.1.1.1\",\"10.2.2.2\"],\"grid\":[[\"a\"],[\"b\",\"c\"]]}");
        assertThat(record.uri()).isEqualTo("/one");
        assertThat(record.clientAddress()).isEqualTo("10.1.1.1");
        assertThat(record.headers()).containsExactly(java.util.Map.entry("x-matrix", "b"));
    }

    @Test
    void readsEveryTimeShape() {
        JsonLinesFormat guessed = JsonLinesFormat.fromSpec("time=t,request=r");
        String[][] cases = {
            {"\"2024-03-04T09:15:02Z\"", "2024-03-04T09:15:02Z"},
            {"\"2024-03-04T17:15:02.5+08:00\"", "2024-03-04T09:15:02.5Z"},
            {"\"2024-03-04T09:15:02.123456789\"", "2024-03-04T09:15:02.123456Z"},
            {"\"2024-03-04 09:15:02.25\"", "2024-03-04T09:15:02.25Z"},
            {"\"04/Mar/2024:10:15:02 +0100\"", "2024-03-04T09:15:02Z"},
            {"\"[04/Mar/2024:10:15:02 +0100]\"", "2024-03-04T09:15:02Z"},
            {"1709543702", "2024-03-04T09:15:02Z"},
            {"1709543702.123", "2024-03-04T09:15:02.123Z"},
            {"\"1709543702.123\"", "2024-03-04T09:15:02.123Z"},
            {"1709543702123", "2024-03-04T09:15:02.123Z"},
            {"1709543702123456", "2024-03-04T09:15:02.123456Z"},
            {"1709543702123456789", "2024-03-04T09:15:02.123456Z"},
            {"1.709543702E9", "2024-03-04T09:15:02Z"}
        };
        for (String[] c : cases) {
            String line = "{\"t\":" + c[0] + ",\"r\":\"GET / HTTP/1.1\"}";
            assertThat(parse(guessed, line).startMicros()).as(line).isEqualTo(micros(c[1]));
        }
        // A unit suffix overrides the guess: 1000 would be seconds, it is milliseconds.
        JsonLinesFormat millis = JsonLinesFormat.fromSpec("time=t:ms,request=r");
        assertThat(parse(millis, "{\"t\":1000,\"r\":\"GET / HTTP/1.1\"}").startMicros())
                .isEqualTo(1_000_000);
    }

    @Test
    void anEndTimeLessTheRequestTimeIsTheStart() {
        JsonLinesFormat format = JsonLinesFormat.fromSpec("end_time=ts,request=req,request_time=rt");
        assertThat(parse(format, "{\"ts\":\"2024-03-04T09:15:02.5Z\",\"req\":\"GET / HTTP/1.1\",\"rt\":\"0.125\"}")
                        .startMicros())
                .isEqualTo(micros("2024-03-04T09:15:02.375Z"));
        // Without a request time the end is the best start known.
        assertThat(parse(format, "{\"ts\":\"2024-03-04T09:15:02.5Z\",\"req\":\"GET / HTTP/1.1\",\"rt\":\"-\"}")
                        .startMicros())
                .isEqualTo(micros("2024-03-04T09:15:02.5Z"));
        // time (the start) wins over end_time when a map has both and the line too.
        JsonLinesFormat both = JsonLinesFormat.fromSpec("time=start,end_time=end,request=req,request_time=rt");
        String line = "{\"start\":\"2024-03-04T09:00:00Z\",\"end\":\"2024-03-04T09:00:09Z\",\"rt\":1,"
                + "\"req\":\"GET / HTTP/1.1\"}";
        assertThat(parse(both, line).startMicros()).isEqualTo(micros("2024-03-04T09:00:00Z"));
        assertThat(parse(both, "{\"end\":\"2024-03-04T09:00:09Z\",\"rt\":1,\"req\":\"GET / HTTP/1.1\"}")
                        .startMicros())
                .isEqualTo(micros("2024-03-04T09:00:08Z"));
    }

    @Test
    void readsNginxEscapeJsonWhereEveryValueIsAString() {
        // log_format json escape=json '{"time":"$time_iso8601","request":"$request",...}'
        JsonLinesFormat format = JsonLinesFormat.fromSpec("time=time,request=request,status=status,bytes=bytes,"
                + "request_time=request_time,upstream_time=upstream_time,client=xff,host=host,body=body");
        String line = "{\"time\":\"2024-03-04T10:15:02+01:00\",\"request\":\"POST /v1/orders?x=1 HTTP/2.0\","
                + "\"status\":\"201\",\"bytes\":\"512\",\"request_time\":\"0.050\","
                + "\"upstream_time\":\"0.010, 0.020 : -\",\"xff\":\"203.0.113.9, 10.0.0.2\",\"host\":\"-\","
                + "\"body\":\"{\\\"qty\\\":5}\"}";
        RequestRecord expected = new RequestRecord()
                .startMicros(micros("2024-03-04T09:15:02Z"))
                .method("POST")
                .uri("/v1/orders?x=1")
                .protocol("HTTP/2.0")
                .status(201)
                .bytesSent(512)
                .requestTimeMicros(50_000)
                .upstreamTimeMicros(30_000)
                .clientAddress("203.0.113.9")
                .body(RecordText.utf8("{\"qty\":5}"));
        assertThat(RecordText.of(parse(format, line))).isEqualTo(RecordText.of(expected));
    }

    @Test
    void splitFieldsWinOverTheRequestLineAndPathJoinsQuery() {
        JsonLinesFormat format =
                JsonLinesFormat.fromSpec("time=t,request=line,method=verb,path=p,query=q,protocol=proto");
        RequestRecord record =
                parse(format, "{\"t\":1,\"line\":\"GET /old HTTP/1.0\",\"verb\":\"PUT\",\"p\":\"/new\",\"q\":\"a=1\"}");
        assertThat(record.method()).isEqualTo("PUT");
        assertThat(record.uri()).isEqualTo("/new?a=1");
        assertThat(record.protocol()).isEqualTo("HTTP/1.0");
        assertThat(parse(format, "{\"t\":1,\"verb\":\"GET\",\"p\":\"/x\",\"q\":\"\",\"proto\":\"2\"}"))
                .satisfies(r -> assertThat(r.uri()).isEqualTo("/x"))
                .satisfies(r -> assertThat(r.protocol()).isEqualTo("HTTP/2"));
    }

    @Test
    void anObjectAndValuesInsideItCanBothBeMapped() {
        JsonLinesFormat format = JsonLinesFormat.fromSpec("time=t,body=req,method=req.method,uri=req.target.uri");
        RequestRecord record =
                parse(format, "{\"t\":1,\"req\":{\"method\":\"PUT\",\"target\":{\"uri\":\"/x\"},\"n\":[1]}}");
        assertThat(record.method()).isEqualTo("PUT");
        assertThat(record.uri()).isEqualTo("/x");
        assertThat(record.body())
                .isEqualTo(RecordText.utf8("{\"method\":\"PUT\",\"target\":{\"uri\":\"/x\"},\"n\":[1]}"));
    }

    @Test
    void keepsAnObjectBodyAsItsJsonTextAndTextAsBytes() {
        JsonLinesFormat format = JsonLinesFormat.fromSpec("time=t,request=r,body=b");
        assertThat(parse(format, "{\"t\":1,\"r\":\"POST / HTTP/1.1\",\"b\":{\"qty\": [1, 2], \"s\":\"x\"}}")
                        .body())
                .isEqualTo(RecordText.utf8("{\"qty\": [1, 2], \"s\":\"x\"}"));
        // Lines are ISO-8859-1 chars: \u00e9 is the byte 0xE9; a char above U+00FF makes the value UTF-8 text.
        assertThat(parse(format, "{\"t\":1,\"r\":\"POST / HTTP/1.1\",\"b\":\"caf\\u00e9\"}")
                        .body())
                .containsExactly('c', 'a', 'f', 0xE9);
        assertThat(parse(format, "{\"t\":1,\"r\":\"POST / HTTP/1.1\",\"b\":\"\\u20ac5\"}")
                        .body())
                .isEqualTo(RecordText.utf8("€5"));
    }

    @Test
    void absentNullEmptyAndDashAreAllAbsent() {
        JsonLinesFormat format = JsonLinesFormat.fromSpec("time=t,request=r,status=s,bytes=b,host=h,client=c");
        RequestRecord record = parse(format, "{\"t\":1,\"r\":\"GET / HTTP/1.1\",\"s\":null,\"b\":\"-\",\"h\":\"\"}");
        RequestRecord expected = new RequestRecord()
                .startMicros(1_000_000)
                .method("GET")
                .uri("/")
                .protocol("HTTP/1.1");
        assertThat(RecordText.of(record)).isEqualTo(RecordText.of(expected));
    }

    @Test
    void aParserForgetsThePreviousLine() {
        JsonLinesFormat format = JsonLinesFormat.fromSpec("time=t,request=r,host=h,header.x-id=id");
        LineParser parser = format.newParser();
        RequestRecord record = new RequestRecord();
        assertThat(parser.parse("{\"t\":1,\"r\":\"GET /a HTTP/1.1\",\"h\":\"one\",\"id\":\"7\"}", record))
                .isNull();
        assertThat(record.host()).isEqualTo("one");
        assertThat(parser.parse("{\"t\":2,\"r\":\"GET /b HTTP/1.1\"}", record.reset()))
                .isNull();
        assertThat(record.host()).isNull();
        assertThat(record.headers()).isEmpty();
    }

    @Test
    void readsAMappingFileAndAnInlineJsonObject(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ecs-map.json");
        try (InputStream in = getClass().getResourceAsStream("ecs-map.json")) {
            Files.write(file, in.readAllBytes());
        }
        String line = new String(getClass().getResourceAsStream("ecs-line.json").readAllBytes(), StandardCharsets.UTF_8)
                .strip();
        String fromFile = RecordText.of(parse(JsonLinesFormat.fromSpec(file.toString()), line));
        String inline = RecordText.of(parse(JsonLinesFormat.fromSpec(ECS_SPEC), line));
        String inlineObject = RecordText.of(parse(JsonLinesFormat.fromSpec(Files.readString(file)), line));
        assertThat(fromFile).isEqualTo(inline).isEqualTo(inlineObject).contains("method=GET");
    }

    @Test
    void describesItsMap() {
        assertThat(JsonLinesFormat.fromSpec("time=t:ms, request=r").describe())
                .isEqualTo("JSON lines: time=t:ms,request=r");
        assertThat(JsonLinesFormat.fromSpec("time=t,request=r").name()).isEqualTo("json");
    }

    static RequestRecord parse(JsonLinesFormat format, String line) {
        RequestRecord record = new RequestRecord();
        Rejection why = format.newParser().parse(line, record);
        assertThat(why).as(line).isNull();
        return record;
    }
}
