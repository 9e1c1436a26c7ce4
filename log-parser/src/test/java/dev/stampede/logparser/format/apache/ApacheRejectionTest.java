package dev.stampede.logparser.format.apache;

import static dev.stampede.logparser.format.apache.Parsing.parsed;
import static dev.stampede.logparser.format.apache.Parsing.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lines that do not fit: the reason, the directive and the column; and the raw-quote leniency. */
class ApacheRejectionTest {

    private static final String COMBINED = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"";
    private static final String HEAD = "10.0.0.1 - - [17/May/2015:10:05:03 +0000] ";
    private static final String LINE = HEAD + "\"GET /a HTTP/1.1\" 200 5 \"http://ref/\" \"Mozilla/5.0\"";

    @Test
    void emptyAndBlankLines() {
        LineParser parser = ApacheLogFormat.preset("combined").newParser();
        for (String blank : new String[] {"", "   ", "\r", " \t\r\n"}) {
            Rejection why = parser.parse(blank, new RequestRecord());
            assertThat(why).isNotNull();
            assertThat(why.reason()).isEqualTo(Reason.EMPTY);
        }
    }

    @Test
    void trailingWhitespaceAndCarriageReturnAreIgnored() {
        assertThat(parsed(COMBINED, LINE + "\r").headers()).containsEntry("user-agent", "Mozilla/5.0");
        assertThat(parsed(COMBINED, LINE + "  ").status()).isEqualTo(200);
        assertThat(parsed("%h %b", "10.0.0.1 512 \r").bytesSent()).isEqualTo(512);
    }

    @Test
    void aLineEndingInsideAQuotedFieldIsTruncated() {
        Rejection request = rejected(COMBINED, HEAD + "\"GET /a HTT");
        assertThat(request.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(request.field()).isEqualTo("%r");
        assertThat(request.column()).isEqualTo(HEAD.length() + 2);

        String agentCut = HEAD + "\"GET /a HTTP/1.1\" 200 5 \"-\" \"Mozilla/5.0 (compatible; Googlebot/2.1";
        Rejection agent = rejected(COMBINED, agentCut);
        assertThat(agent.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(agent.field()).isEqualTo("%{User-Agent}i");
        assertThat(agent.column()).isEqualTo(agentCut.indexOf("Mozilla") + 1);
    }

    @Test
    void aLineEndingBeforeTheLastFieldIsTruncated() {
        Rejection noAgent = rejected(COMBINED, HEAD + "\"GET /a HTTP/1.1\" 200 5 \"-\"");
        assertThat(noAgent.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(noAgent.field()).isEqualTo("%{Referer}i");

        String noBytes = HEAD + "\"GET /a HTTP/1.1\" 200";
        Rejection bytes = rejected(COMBINED, noBytes);
        assertThat(bytes.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(bytes.field()).isEqualTo("%>s");
        assertThat(bytes.column()).isEqualTo(noBytes.length() - 2);

        Rejection afterSpace = rejected(COMBINED, HEAD + "\"GET /a HTTP/1.1\" 200 5 \"-\" ");
        assertThat(afterSpace.reason()).isEqualTo(Reason.TRUNCATED);
    }

    @Test
    void aMissingLiteralIsAFormatMismatchAtItsColumn() {
        Rejection why = rejected(COMBINED, HEAD + "GET /a HTTP/1.1 200 5 \"-\" \"-\"");
        assertThat(why.reason()).isEqualTo(Reason.FORMAT_MISMATCH);
        assertThat(why.field()).isEqualTo("%t");
        assertThat(why.column()).isEqualTo(HEAD.length());
        assertThat(why.describe())
                .isEqualTo("format-mismatch in %t at column " + HEAD.length() + ": expected ' \"'" + " after %t");
    }

    @Test
    void textAfterTheEndOfTheFormatIsAMismatch() {
        Rejection why = rejected(COMBINED, LINE + " 1234");
        assertThat(why.reason()).isEqualTo(Reason.FORMAT_MISMATCH);
        assertThat(why.field()).isEqualTo("%{User-Agent}i");

        String timeLast = "10.0.0.1 [17/May/2015:10:05:03 +0000]x";
        Rejection afterTime = rejected("%h %t", timeLast);
        assertThat(afterTime.reason()).isEqualTo(Reason.FORMAT_MISMATCH);
        assertThat(afterTime.field()).isEqualTo("%t");
        assertThat(afterTime.column()).isEqualTo(timeLast.length());
    }

    @Test
    void badStatus() {
        String line = HEAD + "\"GET /a HTTP/1.1\" 2x0 5 \"-\" \"-\"";
        Rejection why = rejected(COMBINED, line);
        assertThat(why.reason()).isEqualTo(Reason.BAD_STATUS);
        assertThat(why.field()).isEqualTo("%>s");
        assertThat(why.column()).isEqualTo(line.indexOf("2x0") + 1);
        assertThat(rejected(COMBINED, LINE.replace(" 200 ", " 2000 ")).reason()).isEqualTo(Reason.BAD_STATUS);
        assertThat(rejected(COMBINED, LINE.replace(" 200 ", " 020 ")).reason()).isEqualTo(Reason.BAD_STATUS);
        assertThat(rejected(COMBINED, LINE.replace(" 200 ", " - ")).reason()).isEqualTo(Reason.BAD_STATUS);
    }

    @Test
    void badNumbers() {
        String line = HEAD + "\"GET /a HTTP/1.1\" 200 12k \"-\" \"-\"";
        Rejection bytes = rejected(COMBINED, line);
        assertThat(bytes.reason()).isEqualTo(Reason.BAD_NUMBER);
        assertThat(bytes.field()).isEqualTo("%b");
        assertThat(bytes.column()).isEqualTo(line.indexOf("12k") + 1);
        Rejection duration = rejected("%h %D", "10.0.0.1 1.5");
        assertThat(duration.reason()).isEqualTo(Reason.BAD_NUMBER);
        assertThat(duration.field()).isEqualTo("%D");
        assertThat(duration.column()).isEqualTo(10);
        assertThat(rejected("%h %D", "10.0.0.1 1234567890123456789").reason()).isEqualTo(Reason.BAD_NUMBER);
    }

    @Test
    void badRequestLines() {
        String noRequest = HEAD + "\"-\" 408 - \"-\" \"-\"";
        Rejection dash = rejected(COMBINED, noRequest);
        assertThat(dash.reason()).isEqualTo(Reason.BAD_REQUEST_LINE);
        assertThat(dash.field()).isEqualTo("%r");
        assertThat(dash.column()).isEqualTo(HEAD.length() + 2);

        // TLS spoken to a plain-HTTP port: httpd logs the handshake bytes escaped.
        Rejection tls = rejected(COMBINED, HEAD + "\"\\x16\\x03\\x01\\x00\\xa5\\x01\" 400 226 \"-\" \"-\"");
        assertThat(tls.reason()).isEqualTo(Reason.BAD_REQUEST_LINE);
        assertThat(tls.field()).isEqualTo("%r");

        String badMethod = HEAD + "\"G(T /a HTTP/1.1\" 400 226 \"-\" \"-\"";
        Rejection method = rejected(COMBINED, badMethod);
        assertThat(method.reason()).isEqualTo(Reason.BAD_REQUEST_LINE);
        assertThat(method.column()).isEqualTo(badMethod.indexOf("(T") + 1);
    }

    @Test
    void rawQuotesInTheUserAgentFallBackToTheLastQuote() {
        RequestRecord record =
                parsed(COMBINED, HEAD + "\"GET /a HTTP/1.1\" 200 5 \"-\" \"Mozilla/4.0 \"compatible\" \"x\" MSIE\"");
        assertThat(record.headers()).containsExactly(entry("user-agent", "Mozilla/4.0 \"compatible\" \"x\" MSIE"));
    }

    @Test
    void rawQuotesInTheRefererFallBackToTheLastQuoteFollowedBySpaceQuote() {
        RequestRecord record = parsed(COMBINED, HEAD + "\"GET /a HTTP/1.1\" 200 5 \"http://x/?q=\"a\"\" \"curl\"");
        assertThat(record.headers())
                .containsExactly(entry("referer", "http://x/?q=\"a\""), entry("user-agent", "curl"));
    }

    @Test
    void rawQuotesInTheRequestLineFindTheQuoteAfterWhichTheLineFits() {
        // The last quote followed by '" ' is the referer's; the rest of the line does not fit after it.
        RequestRecord record = parsed(COMBINED, HEAD + "\"GET /a\"b HTTP/1.0\" 200 5 \"http://ref/\" \"curl\"");
        assertThat(record.uri()).isEqualTo("/a\"b");
        assertThat(record.protocol()).isEqualTo("HTTP/1.0");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.headers()).containsExactly(entry("referer", "http://ref/"), entry("user-agent", "curl"));
    }

    @Test
    void aBackslashEndingARawValueIsNotAnEscape() {
        // Old httpd did not escape backslashes: \" is then a backslash and the closing quote.
        RequestRecord record = parsed(COMBINED, HEAD + "\"GET /a HTTP/1.1\" 200 5 \"C:\\dir\\\" \"curl\\\"");
        assertThat(record.headers()).containsEntry("user-agent", "curl\\");
        assertThat(record.headers()).containsEntry("referer", "C:\\dir\\");
    }

    @Test
    @Timeout(10)
    void manyQuotesEndInARejectionNotInALongSearch() {
        String quotes = "\" \"".repeat(2_000);
        Rejection why = rejected(COMBINED, HEAD + "\"GET /a\"x" + quotes + "y 200 5 \"-\" \"curl\" z");
        assertThat(why.reason()).isEqualTo(Reason.FORMAT_MISMATCH);
    }
}
