package dev.stampede.logparser.format.w3c;

import static dev.stampede.logparser.format.RecordText.micros;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.DocumentFormat;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.RecordText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden records of IIS-style documents. Start times are computed here with java.time: the logged date
 * and time (UTC, the end) less time-taken.
 */
class W3cLogFormatTest {

    @Test
    void readsAnIisLogWhoseFieldsChangeMidFile() throws IOException {
        List<String> outcomes;
        try (InputStream in = getClass().getResourceAsStream("iis-restart.log")) {
            outcomes = read(in, "iis-restart.log");
        }
        assertThat(outcomes)
                .containsExactly(
                        RecordText.of(new RequestRecord()
                                .startMicros(micros("2024-03-04T09:00:01Z") - 46_000)
                                .method("GET")
                                .uri("/portal/default.aspx")
                                .status(200)
                                .requestTimeMicros(46_000)
                                .clientAddress("203.0.113.9")
                                .header("user-agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)")
                                .source("iis-restart.log", 5)),
                        RecordText.of(new RequestRecord()
                                .startMicros(micros("2024-03-04T09:00:02Z") - 120_000)
                                .method("POST")
                                .uri("/api/orders?id=7&side=buy")
                                .status(201)
                                .requestTimeMicros(120_000)
                                .clientAddress("203.0.113.10")
                                .header("user-agent", "okhttp/4.12.0")
                                .header("referer", "https://portal.example.com/trade")
                                .source("iis-restart.log", 6)),
                        "7: format-mismatch: the line has 13 fields, the #Fields directive at line 4 declares 15",
                        RecordText.of(new RequestRecord()
                                .startMicros(micros("2024-03-04T09:00:04Z"))
                                .method("GET")
                                .uri("/favicon.ico")
                                .status(404)
                                .requestTimeMicros(0)
                                .clientAddress("203.0.113.9")
                                .header("user-agent", "Mozilla/5.0")
                                .source("iis-restart.log", 8)),
                        // The new #Fields at line 12: host, version, bytes, cookies, and the client behind a proxy.
                        RecordText.of(new RequestRecord()
                                .startMicros(micros("2024-03-04T10:00:00Z") - 15_000)
                                .method("GET")
                                .uri("/quotes?sym=AAPL+MSFT")
                                .protocol("HTTP/2")
                                .host("portal.example.com")
                                .status(200)
                                .bytesSent(5120)
                                .requestTimeMicros(15_000)
                                .clientAddress("198.51.100.4")
                                .header("user-agent", "Mozilla/5.0")
                                .header("x-forwarded-for", "198.51.100.4, 10.0.0.1")
                                .cookie("ASP.NET_SessionId", "abc123")
                                .cookie("theme", "dark")
                                .source("iis-restart.log", 13)),
                        RecordText.of(new RequestRecord()
                                .startMicros(micros("2024-03-04T10:00:01Z"))
                                .method("GET")
                                .uri("/quotes")
                                .protocol("HTTP/1.1")
                                .host("portal.example.com")
                                .status(304)
                                .bytesSent(210)
                                .requestTimeMicros(0)
                                .clientAddress("10.0.0.1")
                                .source("iis-restart.log", 14)));
    }

    @Test
    void aDataLineBeforeAnyFieldsDirectiveIsRejected() throws IOException {
        List<String> outcomes = read("""
                2024-03-04 09:00:01 GET / 200
                #Fields: date time cs-method cs-uri-stem sc-status
                2024-03-04 09:00:02 GET / 200
                """);
        assertThat(outcomes.get(0)).isEqualTo("1: format-mismatch: no #Fields directive yet");
        assertThat(outcomes.get(1)).contains("method=GET uri=/ ").contains("source=doc:3");
        assertThat(outcomes).hasSize(2);
    }

    @Test
    void withoutADateFieldTheDayOfTheDateDirectiveIsUsed() throws IOException {
        List<String> outcomes = read("""
                #Date: 2024-03-04 00:00:00
                #Fields: time cs-method cs-uri time-taken
                09:15:02.250 GET /a?b=c 250
                """);
        assertThat(outcomes)
                .containsExactly(RecordText.of(new RequestRecord()
                        .startMicros(micros("2024-03-04T09:15:02Z"))
                        .method("GET")
                        .uri("/a?b=c")
                        .requestTimeMicros(250_000)
                        .source("doc", 3)));
        // Without #Date either, the layout lacks what a request needs.
        assertThat(read("#Fields: time cs-method cs-uri\n09:15:02 GET /\n"))
                .containsExactly("2: missing-field in date: the #Fields directive at line 1 has no date");
    }

    @Test
    void aLayoutWithoutMethodOrTargetCannotMakeRequests() throws IOException {
        assertThat(read("#Fields: date time cs-uri-stem\n2024-03-04 09:00:00 /\n"))
                .containsExactly("2: missing-field in cs-method: the #Fields directive at line 1 has no cs-method");
        assertThat(read("#Fields: date time cs-method\n2024-03-04 09:00:00 GET\n"))
                .containsExactly("2: missing-field in cs-uri-stem: the #Fields directive at line 1 has no cs-uri-stem");
    }

    @Test
    void aBadValueIsNamedByItsFieldAndColumn() throws IOException {
        String fields = "#Fields: date time cs-method cs-uri-stem sc-status time-taken\n";
        assertThat(read(fields + "2024-02-30 09:00:00 GET / 200 5\n"))
                .containsExactly("2: bad-time in date at column 1: '2024-02-30' is not a date (yyyy-MM-dd)");
        assertThat(read(fields + "2024-03-04 9:00:00 GET / 200 5\n"))
                .containsExactly("2: bad-time in time at column 12: '9:00:00' is not a time (HH:mm:ss)");
        assertThat(read(fields + "2024-03-04 09:00:00 GET / 200 fast\n"))
                .containsExactly("2: bad-number in time-taken at column 31: 'fast' is not a number of milliseconds");
        assertThat(read(fields + "2024-03-04 09:00:00 GET / OK 5\n"))
                .containsExactly("2: bad-status in sc-status at column 27: 'OK' is not a 3-digit status");
        assertThat(read(fields + "2024-03-04 09:00:00 G(T / 200 5\n"))
                .containsExactly("2: bad-request-line in cs-method at column 21: 'G(T' is not an HTTP method");
        assertThat(read(fields + "2024-03-04 09:00:00 GET / 200 5 extra more\n"))
                .containsExactly("2: format-mismatch at column 33: the line has 8 fields, the #Fields directive"
                        + " at line 1 declares 6");
    }

    @Test
    void directivesAreNotEntriesAndBlankLinesAreEmpty() throws IOException {
        List<String> outcomes = read("\u00EF\u00BB\u00BF#Software: IIS\n#Remark: hello\n"
                + "#Fields: date\ttime cs-method cs-uri-stem\n\n2024-03-04\t09:00:00  GET /\n#End-Date: 2024-03-05\n");
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0)).isEqualTo("4: empty: empty line");
        assertThat(outcomes.get(1)).startsWith("start=" + micros("2024-03-04T09:00:00Z") + " method=GET uri=/ ");
    }

    @Test
    void describesItself() {
        assertThat(W3cLogFormat.create().name()).isEqualTo("w3c");
        assertThat(W3cLogFormat.create().describe()).startsWith("W3C extended log format (IIS)");
    }

    static List<String> read(String document) throws IOException {
        return read(new ByteArrayInputStream(document.getBytes(StandardCharsets.ISO_8859_1)), "doc");
    }

    /** Each entry as its record's text, or {@code line: rejection}. */
    static List<String> read(InputStream in, String source) throws IOException {
        List<String> outcomes = new ArrayList<>();
        W3cLogFormat.create().read(in, source, new DocumentFormat.EntrySink() {
            @Override
            public void parsed(RequestRecord record) {
                outcomes.add(RecordText.of(record));
            }

            @Override
            public void rejected(long line, String text, Rejection why) {
                outcomes.add(line + ": " + why.describe());
            }
        });
        return outcomes;
    }
}
