package dev.stampede.logparser.format.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a JSON line that cannot become a record says, and what a field map that is wrong says. */
class JsonRejectionsTest {

    private static final JsonLinesFormat FORMAT = JsonLinesFormat.fromSpec(
            "time=t,method=m,uri=u,status=s,bytes=b,request_time=rt,upstream_time=ut,header.x-id=id");

    @Test
    void malformedJsonIsBadJsonAtTheColumnWhereItBreaks() {
        String trailingComma = "{\"t\":1,\"m\":\"GET\",\"u\":\"/\",}";
        assertAt(reject(trailingComma), Reason.BAD_JSON, null, trailingComma.indexOf(",}") + 2);
        String truncated = "{\"t\":1,\"m\":\"GET\",\"u\":\"/qu";
        assertAt(reject(truncated), Reason.BAD_JSON, null, truncated.length() + 1);
        String garbageAfter = "{\"t\":1,\"m\":\"GET\",\"u\":\"/\"} x";
        assertAt(reject(garbageAfter), Reason.BAD_JSON, null, garbageAfter.length());
        String twoObjects = "{\"t\":1,\"m\":\"GET\",\"u\":\"/\"} {\"t\":2}";
        assertAt(reject(twoObjects), Reason.BAD_JSON, null, twoObjects.indexOf("} {") + 3);
        String unquotedKey = "{\"t\":1,m:\"GET\"}";
        assertAt(reject(unquotedKey), Reason.BAD_JSON, null, unquotedKey.indexOf("m:") + 1);
    }

    @Test
    void deepNestingIsRejectedNotAStackOverflow() {
        // Unmapped subtrees are skipped by Jackson without recursion; its nesting limit still applies.
        String deep = "{\"t\":1,\"m\":\"GET\",\"u\":\"/\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        Rejection why = reject(deep);
        assertThat(why.reason()).isEqualTo(Reason.BAD_JSON);
        assertThat(why.detail()).contains("nesting depth");
        // A mapped path goes only as deep as the map says; below it, an object is kept as its raw text.
        JsonLinesFormat format = JsonLinesFormat.fromSpec("time=t,method=m,uri=a.a.a.a");
        String inner = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        String nested = "{\"t\":1,\"m\":\"GET\",\"a\":{\"a\":{\"a\":{\"a\":" + inner + "}}}}";
        RequestRecord record = new RequestRecord();
        assertThat(format.newParser().parse(nested, record)).isNull();
        assertThat(record.uri()).isEqualTo(inner);
    }

    @Test
    void aLineThatIsNotAnObjectSaysWhatItIs() {
        assertThat(FORMAT.newParser().parse("[1, 2]", new RequestRecord()).detail())
                .isEqualTo("a JSON line must be an object, this one starts with an array");
        assertAt(reject("   \"text\""), Reason.BAD_JSON, null, 4);
        assertThat(reject("127.0.0.1 - - [04/Mar/2024:10:15:02 +0100] \"GET / HTTP/1.1\" 200 5")
                        .reason())
                .isEqualTo(Reason.BAD_JSON);
        assertThat(reject("").reason()).isEqualTo(Reason.EMPTY);
        assertThat(reject(" \t ").reason()).isEqualTo(Reason.EMPTY);
    }

    @Test
    void aMissingRequiredFieldIsNamedWithItsPath() {
        Rejection noTime = reject("{\"m\":\"GET\",\"u\":\"/\",\"s\":200}");
        assertThat(noTime).isEqualTo(new Rejection(Reason.MISSING_FIELD, "time", 0, "no value at 't'"));
        assertThat(noTime.describe()).isEqualTo("missing-field in time: no value at 't'");
        assertThat(reject("{\"t\":1,\"u\":\"/\"}"))
                .isEqualTo(new Rejection(Reason.MISSING_FIELD, "method", 0, "no value at 'm'"));
        assertThat(reject("{\"t\":1,\"m\":\"GET\",\"u\":null}"))
                .isEqualTo(new Rejection(Reason.MISSING_FIELD, "uri", 0, "no value at 'u'"));

        JsonLinesFormat both = JsonLinesFormat.fromSpec("end_time=e,request=req,method=m,path=p");
        assertThat(both.newParser().parse("{\"e\":1,\"p\":\"/\"}", new RequestRecord()))
                .isEqualTo(
                        new Rejection(Reason.MISSING_FIELD, "method", 0, "no value at 'm' (nor at 'req' for request)"));
        assertThat(both.newParser().parse("{\"req\":\"GET / HTTP/1.1\"}", new RequestRecord()))
                .isEqualTo(new Rejection(Reason.MISSING_FIELD, "end_time", 0, "no value at 'e'"));
    }

    @Test
    void aValueThatDoesNotParseNamesItsFieldAndColumn() {
        String badTime = "{\"m\":\"GET\",\"u\":\"/\",\"t\":\"yesterday\"}";
        Rejection time = reject(badTime);
        assertThat(time)
                .isEqualTo(new Rejection(
                        Reason.BAD_TIME,
                        "time",
                        badTime.indexOf("\"yesterday") + 1,
                        "'yesterday' at 't' is not a time (ISO-8601, CLF or an epoch number)"));
        assertThat(time.describe()).startsWith("bad-time in time at column 24: 'yesterday'");

        String badStatus = "{\"t\":1,\"m\":\"GET\",\"u\":\"/\",\"s\":2000}";
        assertAt(reject(badStatus), Reason.BAD_STATUS, "status", badStatus.indexOf("2000") + 1);
        String badBytes = "{\"t\":1,\"m\":\"GET\",\"u\":\"/\",\"b\":12.5}";
        assertAt(reject(badBytes), Reason.BAD_NUMBER, "bytes", badBytes.indexOf("12.5") + 1);
        String badDuration = "{\"t\":1,\"m\":\"GET\",\"u\":\"/\",\"rt\":\"fast\"}";
        assertAt(reject(badDuration), Reason.BAD_NUMBER, "request_time", badDuration.indexOf("\"fast") + 1);
        String badUpstream = "{\"t\":1,\"m\":\"GET\",\"u\":\"/\",\"ut\":\"0.1, x\"}";
        assertThat(reject(badUpstream).field()).isEqualTo("upstream_time");
        String badMethod = "{\"t\":1,\"m\":\"G T\",\"u\":\"/\"}";
        assertAt(reject(badMethod), Reason.BAD_REQUEST_LINE, "method", badMethod.indexOf("\"G T") + 1);

        JsonLinesFormat requestLine = JsonLinesFormat.fromSpec("time=t,request=r");
        String noTarget = "{\"t\":1,\"r\":\"GET\"}";
        Rejection line = requestLine.newParser().parse(noTarget, new RequestRecord());
        assertThat(line.reason()).isEqualTo(Reason.BAD_REQUEST_LINE);
        assertThat(line.field()).isEqualTo("request");
        assertThat(line.column()).isEqualTo(noTarget.indexOf("\"GET") + 1);
    }

    @Test
    void aWrongFieldMapPointsAtTheEntry() {
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec("time=t,metod=m,uri=u"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown field 'metod'; known fields: time, end_time, request, method")
                .hasMessageEndingWith("\n  time=t,metod=m,uri=u\n         ^");
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec("time=t, request=r, status=s:ms"))
                .hasMessageStartingWith("'status' takes no unit")
                .hasMessageEndingWith("\n  time=t, request=r, status=s:ms\n                     ^");
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec("time=t,request=a[x]"))
                .hasMessageStartingWith("path 'a[x]': '[x]' is not an array index");
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec("time=t,request=a..b"))
                .hasMessageStartingWith("path 'a..b' has an empty or malformed key");
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec("time=t,request"))
                .hasMessageStartingWith("expected field=path, found 'request'");
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec("method=m,uri=u"))
                .hasMessageContaining("maps no time: add time=<path>");
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec("time=t,method=m"))
                .hasMessageContaining("maps no request: add method=<path> with uri=<path>");
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec("time=t,request=r,query=q"))
                .hasMessageContaining("query=<path> goes with path=<path>");
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec("time=t,request=r,time=u"))
                .hasMessageContaining("'time' is mapped twice");
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec("wrap=log,inner=nginx"))
                .hasMessageContaining("unknown field 'wrap' (a wrapper, wrap=<field>,inner=<format>, needs its");
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec("no-such-map.json"))
                .hasMessageStartingWith("'no-such-map.json' is neither a mapping file nor a field map");
    }

    @Test
    void aWrongMappingFileSaysFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path syntax = dir.resolve("syntax.json");
        Files.writeString(syntax, "{\n  \"time\": \"t\"\n  \"request\": \"r\"\n}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec(syntax.toString()))
                .hasMessageStartingWith(syntax + ":3:3: not JSON: Unexpected character");
        Path number = dir.resolve("number.json");
        Files.writeString(number, "{\"time\": \"t\",\n \"request\": 5}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec(number.toString()))
                .hasMessage(number + ":2:13: the path of 'request' must be a string");
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"time\": \"t\", \"request\": \"r\", \"agent\": \"ua\"}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonLinesFormat.fromSpec(unknown.toString()))
                .hasMessageStartingWith(unknown + ":1:40: unknown field 'agent'");
    }

    private static Rejection reject(String line) {
        Rejection why = FORMAT.newParser().parse(line, new RequestRecord());
        assertThat(why).as(line).isNotNull();
        return why;
    }

    /** Checks reason, field and column; the detail is checked where it matters. */
    private static void assertAt(Rejection actual, Reason reason, String field, int column) {
        assertThat(actual).isNotNull();
        assertThat(actual.reason()).as(actual.describe()).isEqualTo(reason);
        assertThat(actual.field()).as(actual.describe()).isEqualTo(field);
        assertThat(actual.column()).as(actual.describe()).isEqualTo(column);
    }
}
