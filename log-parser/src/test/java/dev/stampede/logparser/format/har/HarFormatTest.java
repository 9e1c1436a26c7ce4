package dev.stampede.logparser.format.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.logparser.CollectingSink;
import dev.stampede.logparser.CollectingSink.Rejected;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HarFormatTest {

    /** 2023-03-30T00:00:54.250Z in epoch microseconds. */
    private static final long STARTED_MICROS = 1_680_134_454_250_000L;

    private static final String STARTED = "'startedDateTime': '2023-03-30T00:00:54.250Z'";

    /** A HAR whose entries are one line each, the first on line 5. */
    private static String har(String... entries) {
        return ("{\n  'log': {\n    'version': '1.2',\n    'entries': [\n" + String.join(",\n", entries)
                        + "\n    ]\n  }\n}\n")
                .replace('\'', '"');
    }

    private static String get(String url) {
        return "{" + STARTED + ", 'request': {'method': 'GET', 'url': '" + url + "', 'headers': []}}";
    }

    private static String request(String requestFields) {
        return "{" + STARTED + ", 'request': {'method': 'POST', 'url': 'https://shop.example/p', " + requestFields
                + "}}";
    }

    private static String entry(String entryFields) {
        return "{" + STARTED + ", 'request': {'method': 'GET', 'url': 'https://shop.example/'}, " + entryFields + "}";
    }

    private static CollectingSink read(String document) {
        return CollectingSink.read(HarFormat.create(), document.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestRecord only(String document) {
        CollectingSink sink = read(document);
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.records).hasSize(1);
        return sink.records.get(0);
    }

    @Test
    void namesItself() {
        assertThat(HarFormat.create().name()).isEqualTo("har");
        assertThat(HarFormat.create().describe()).contains("HAR");
    }

    @Test
    void recordOfAMinimalEntry() {
        RequestRecord record = only(har(get("https://shop.example:8443/a/b?x=1&y=%20")));

        assertThat(record.startMicros()).isEqualTo(STARTED_MICROS);
        assertThat(record.method()).isEqualTo("GET");
        assertThat(record.host()).isEqualTo("shop.example:8443");
        assertThat(record.uri()).isEqualTo("/a/b?x=1&y=%20");
        assertThat(record.protocol()).isNull();
        assertThat(record.status()).isZero();
        assertThat(record.bytesSent()).isEqualTo(RequestRecord.UNKNOWN);
        assertThat(record.requestTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
        assertThat(record.sourceFile()).isEqualTo("test");
        assertThat(record.sourceLine()).isEqualTo(5);
    }

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of("https://user:pw@shop.example:8443/a?b#frag", "shop.example:8443", "/a?b"),
                Arguments.of("http://shop.example", "shop.example", "/"),
                Arguments.of("http://shop.example?q=1", "shop.example", "/?q=1"),
                Arguments.of("HTTP://[2001:db8::1]:8080/x", "[2001:db8::1]:8080", "/x"),
                Arguments.of("https://shop.example/a|b?q=[1]", "shop.example", "/a|b?q=[1]"),
                Arguments.of("/origin/form?x", null, "/origin/form?x"));
    }

    @ParameterizedTest
    @MethodSource("urls")
    void urlIsSplitIntoHostAndTarget(String url, String host, String uri) {
        RequestRecord record = only(har(get(url)));

        assertThat(record.host()).isEqualTo(host);
        assertThat(record.uri()).isEqualTo(uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop.example/x", "http:///x", "1http://shop.example/", "", "mailto:a@b"})
    void urlThatIsNotAbsoluteIsRejected(String url) {
        CollectingSink sink = read(har(get(url)));

        assertThat(sink.records).isEmpty();
        assertThat(sink.rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(5);
            assertThat(rejected.why().reason()).isEqualTo(Reason.BAD_REQUEST_LINE);
            assertThat(rejected.why().field()).isEqualTo("request.url");
        });
    }

    @Test
    void hostHeaderWinsOverAuthorityWhichWinsOverTheUrl() {
        String hostHeader =
                request("'headers': [{'name': ':authority', 'value': 'b'}, {'name': 'Host', 'value': 'a'}]");
        String authority =
                request("'headers': [{'name': ':authority', 'value': 'b'}, {'name': ':path', 'value': '/p'}]");

        assertThat(only(har(hostHeader)).host()).isEqualTo("a");
        assertThat(only(har(authority)).host()).isEqualTo("b");
        assertThat(only(har(authority)).headers()).isEmpty();
        assertThat(only(har(request("'headers': []"))).host()).isEqualTo("shop.example");
    }

    @Test
    void repeatedHeadersAreJoinedAndNamelessOnesLeftOut() {
        RequestRecord record = only(har(request("'headers': [{'name': 'Accept', 'value': 'a'},"
                + " {'name': 'accept', 'value': 'b'}, {'name': 'cookie', 'value': 'x=1'},"
                + " {'name': 'cookie', 'value': 'y=2'}, {'value': 'orphan'}, {'name': 'X-Null', 'value': null}]")));

        assertThat(record.headers())
                .containsExactly(Map.entry("accept", "a, b"), Map.entry("cookie", "x=1; y=2"), Map.entry("x-null", ""));
        assertThat(record.cookies()).containsExactly(Map.entry("x", "1"), Map.entry("y", "2"));
    }

    @Test
    void cookiesListWinsOverTheCookieHeader() {
        RequestRecord record = only(har(request("'headers': [{'name': 'Cookie', 'value': 'x=header'}],"
                + " 'cookies': [{'name': 'x', 'value': 'list', 'path': '/'}, {'name': 'z', 'value': 'q'}]")));

        assertThat(record.cookies()).containsExactly(Map.entry("x", "list"), Map.entry("z", "q"));
    }

    @Test
    void postDataTextIsTheBodyInUtf8() {
        RequestRecord record = only(har(
                request("'postData': {'mimeType': 'application/json', 'text': '{\\'name\\':\\'Zo\u00eb \u20ac\\'}'}")));

        assertThat(record.body()).isEqualTo("{\"name\":\"Zo\u00eb \u20ac\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void formParamsWithoutTextAreEncodedAsTheBrowserSentThem() {
        RequestRecord record = only(har(request("'postData': {'mimeType': 'application/x-www-form-urlencoded',"
                + " 'params': [{'name': 'a b', 'value': '1&2'}, {'name': 'c', 'value': '\u00e9'}, {'name': 'd'}]}")));

        assertThat(new String(record.body(), StandardCharsets.US_ASCII)).isEqualTo("a+b=1%262&c=%C3%A9&d=");
    }

    @Test
    void multipartParamsWithoutTextGiveNoBody() {
        RequestRecord record = only(har(request("'postData': {'mimeType': 'multipart/form-data; boundary=x',"
                + " 'params': [{'name': 'file', 'fileName': 'a.txt', 'value': 'hello'}]}")));

        assertThat(record.body()).isNull();
    }

    @Test
    void postDataMarkedBase64IsDecodedAndRejectedWhenItIsNot() {
        RequestRecord decoded = only(har(request("'postData': {'encoding': 'base64', 'text': 'AAEC/w=='}")));
        CollectingSink invalid = read(har(request("'postData': {'encoding': 'base64', 'text': '***'}")));

        assertThat(decoded.body()).containsExactly(0, 1, 2, 0xFF);
        assertThat(invalid.rejections)
                .singleElement()
                .satisfies(rejected -> assertThat(rejected.why().reason()).isEqualTo(Reason.FORMAT_MISMATCH));
    }

    @Test
    void responseAndTimingsGiveStatusBytesAndTheRequestsOwnTime() {
        RequestRecord record = only(har(entry("'time': 500.5, 'response': {'status': 201, 'bodySize': 10,"
                + " 'content': {'size': 99, 'text': 'ignored'}}, 'timings': {'blocked': 400, 'dns': 50,"
                + " 'connect': 20, 'send': 0.25, 'wait': 30.5, 'receive': 0.0004}")));

        assertThat(record.status()).isEqualTo(201);
        assertThat(record.bytesSent()).isEqualTo(10);
        assertThat(record.requestTimeMicros()).isEqualTo(30_750);
        assertThat(record.upstreamTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
    }

    @Test
    void bytesSentFallsBackToAPositiveContentSize() {
        assertThat(only(har(entry("'response': {'status': 200, 'bodySize': -1, 'content': {'size': 20}}")))
                        .bytesSent())
                .isEqualTo(20);
        assertThat(only(har(entry("'response': {'status': 200, 'bodySize': -1, 'content': {'size': 0}}")))
                        .bytesSent())
                .isEqualTo(RequestRecord.UNKNOWN);
        assertThat(only(har(entry("'response': {'status': 0, 'bodySize': 5}, 'timings': {'send': 1, 'wait': 1,"
                                + " 'receive': 1}")))
                        .bytesSent())
                .isEqualTo(RequestRecord.UNKNOWN);
    }

    @Test
    void requestTimeIsUnknownWhenAPhaseIsMissingOrNegative() {
        assertThat(only(har(entry("'response': {'status': 200}, 'timings': {'send': 1, 'receive': 1}")))
                        .requestTimeMicros())
                .isEqualTo(RequestRecord.UNKNOWN);
        assertThat(only(har(entry("'response': {'status': 200}, 'timings': {'send': 1, 'wait': -1, 'receive': 1}")))
                        .requestTimeMicros())
                .isEqualTo(RequestRecord.UNKNOWN);
    }

    @Test
    void numbersWrittenAsStringsAreRead() {
        RequestRecord record = only(har(entry("'response': {'status': '404', 'bodySize': '12'}")));

        assertThat(record.status()).isEqualTo(404);
        assertThat(record.bytesSent()).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "1000", "200.5", "-1"})
    void statusThatIsNoHttpStatusIsRejected(String status) {
        CollectingSink sink = read(har(entry("'response': {'status': " + status + "}")));

        assertThat(sink.rejections)
                .singleElement()
                .satisfies(rejected -> assertThat(rejected.why().reason()).isEqualTo(Reason.BAD_STATUS));
    }

    @Test
    void httpVersionIsTrimmedAndEmptyIsUnknown() {
        assertThat(only(har(request("'httpVersion': ' h2 '"))).protocol()).isEqualTo("h2");
        assertThat(only(har(request("'httpVersion': ''"))).protocol()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-03-30T00:00:54.250Z",
                "2023-03-29T17:00:54.25-07:00",
                "2023-03-30T00:00:54.250000+00:00",
                "2023-03-30T01:00:54.250+0100"
            })
    void startedDateTimeInEveryOffsetSpelling(String time) {
        String document = har(get("https://a/")).replace("2023-03-30T00:00:54.250Z", time);

        assertThat(only(document).startMicros()).isEqualTo(STARTED_MICROS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"2023-03-30T00:00:54.250", "yesterday", "2023-02-30T00:00:00Z", "+999999999-12-31T23:59:59Z"})
    void startedDateTimeThatNamesNoInstantIsRejected(String time) {
        CollectingSink sink = read(har(get("https://a/")).replace("2023-03-30T00:00:54.250Z", time));

        assertThat(sink.rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.why().reason()).isEqualTo(Reason.BAD_TIME);
            assertThat(rejected.line()).isEqualTo(5);
        });
    }

    static Stream<Arguments> missingFields() {
        return Stream.of(
                Arguments.of("{'request': {'method': 'GET', 'url': 'https://a/'}}", "startedDateTime"),
                Arguments.of("{" + STARTED + ", 'request': {'url': 'https://a/'}}", "request.method"),
                Arguments.of("{" + STARTED + ", 'request': {'method': 'GET'}}", "request.url"),
                Arguments.of("{" + STARTED + "}", "request.method"),
                Arguments.of("{" + STARTED + ", 'request': 'GET /'}", "request.method"),
                Arguments.of(
                        "{'startedDateTime': null, 'request': {'method': 'GET', 'url': 'https://a/'}}",
                        "startedDateTime"));
    }

    @ParameterizedTest
    @MethodSource("missingFields")
    void entryWithoutARequiredFieldIsRejectedWithItsLine(String entry, String field) {
        CollectingSink sink = read(har(get("https://a/"), entry, get("https://b/")));

        assertThat(sink.records).extracting(RequestRecord::host).containsExactly("a", "b");
        assertThat(sink.rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(6);
            assertThat(rejected.why().reason()).isEqualTo(Reason.MISSING_FIELD);
            assertThat(rejected.why().field()).isEqualTo(field);
        });
        assertThat(sink.lines()).containsExactly(5L, 6L, 7L);
    }

    @Test
    void entryThatIsNotAnObjectIsRejectedWithItsLine() {
        CollectingSink sink = read(har(get("https://a/"), "[1, 2]", "'x'", get("https://b/")));

        assertThat(sink.records).hasSize(2);
        assertThat(sink.rejections).extracting(Rejected::line).containsExactly(6L, 7L);
        assertThat(sink.rejections)
                .extracting(rejected -> rejected.why().reason())
                .containsOnly(Reason.FORMAT_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "hello",
                "<html><body>not json</body></html>",
                "42",
                "[1, 2]",
                "{}",
                "{\"log\": {}}",
                "{\"log\": []}",
                "{\"log\": {\"entries\": {}}}",
                "{\"log\": {\"entries\": 3}}",
                "{\"log\": {\"entries\": [",
                "{\"log\" {\"entries\": []}}",
                "{'log': {'entries': []}}"
            })
    void inputThatIsNotAHarIsOneRejectionAtLineOne(String document) {
        CollectingSink sink = read(document);

        assertThat(sink.records).isEmpty();
        assertThat(sink.rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(1);
            assertThat(rejected.why().reason()).isEqualTo(Reason.BAD_JSON);
        });
    }

    @Test
    void binaryInputIsOneRejectionAtLineOne() {
        byte[] garbage = {(byte) 0xFF, (byte) 0xFE, 0, 0, 0x7B, 0, 0, 0, (byte) 0xC3, 0x28};

        CollectingSink sink = CollectingSink.read(HarFormat.create(), garbage);

        assertThat(sink.records).isEmpty();
        assertThat(sink.rejections)
                .singleElement()
                .satisfies(rejected -> assertThat(rejected.why().reason()).isEqualTo(Reason.BAD_JSON));
    }

    @Test
    void emptyEntriesAreNoRecordsAndNoRejections() {
        CollectingSink sink = read(har());

        assertThat(sink.events).isEmpty();
    }

    @Test
    void documentCutInsideAnEntryKeepsTheEntriesBeforeAndRejectsThatEntry() {
        String document = har(get("https://a/"), get("https://b/"), get("https://c/"));
        String cut = document.substring(0, document.indexOf("https://c/"));

        CollectingSink sink = read(cut);

        assertThat(sink.records).extracting(RequestRecord::host).containsExactly("a", "b");
        assertThat(sink.rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(7);
            assertThat(rejected.why().reason()).isEqualTo(Reason.BAD_JSON);
            assertThat(rejected.why().detail()).contains("line 7");
        });
    }

    @Test
    void fieldsMayComeInAnyOrderAndUnknownOnesAreSkipped() {
        String document = ("{'creator': {'name': 'x'}, 'log': {'entries': [{'response': {'status': 200,"
                        + " 'content': {'text': '" + "A".repeat(100_000) + "', 'encoding': 'base64'}},"
                        + " '_custom': [[{}], null, true], 'request': {'url': 'https://a/', 'method': 'GET'},"
                        + " 'startedDateTime': '2023-03-30T00:00:54.250Z'}], 'version': '1.2', 'pages': []}, 'x': 1}")
                .replace('\'', '"');

        RequestRecord record = only(document);

        assertThat(record.status()).isEqualTo(200);
        assertThat(record.sourceLine()).isEqualTo(1);
    }

    @Test
    void byteOrderMarkAndUtf16AreRead() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = har(get("https://a/")).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);

        assertThat(CollectingSink.read(HarFormat.create(), withBom).records).hasSize(1);
        assertThat(CollectingSink.read(
                                HarFormat.create(), har(get("https://a/")).getBytes(StandardCharsets.UTF_16))
                        .records)
                .hasSize(1);
    }

    @Test
    void failureOfTheInputIsThrownNotRejected() {
        String document = har(get("https://a/"), get("https://b/"));
        InputStream failing = new SequenceInputStream(
                new ByteArrayInputStream(document.substring(0, 150).getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("disk gone");
                    }
                });
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> HarFormat.create().read(failing, "x", sink))
                .isInstanceOf(IOException.class)
                .hasMessage("disk gone");
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void theInputIsLeftOpenForItsOwner() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(har(get("https://a/")).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        HarFormat.create().read(in, "x", new CollectingSink());

        assertThat(closed[0]).isFalse();
    }
}
