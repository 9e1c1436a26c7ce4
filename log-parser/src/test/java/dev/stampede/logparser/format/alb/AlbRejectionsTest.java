package dev.stampede.logparser.format.alb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import org.junit.jupiter.api.Test;

/** What an ALB line that cannot become a record says: the documented field's name, and its column. */
class AlbRejectionsTest {

    private static final String GOOD = "https 2024-03-04T09:15:02.482913Z app/trade-alb/3f6a2b9c1d0e4f57"
            + " 203.0.113.24:51234 10.0.12.7:8080 0.001 0.043 0.000 200 200 512 2048"
            + " \"GET https://api.example-broker.com:443/v1/quotes HTTP/1.1\" \"curl/8.5.0\" ECDHE-RSA-AES128-GCM-SHA256"
            + " TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/quotes/6d0ecf831eec9f09"
            + " \"Root=1-65e590a6-0a1b2c3d4e5f60718293a4b5\" \"api.example-broker.com\" \"-\" 1"
            + " 2024-03-04T09:15:02.438000Z \"forward\" \"-\" \"-\" \"10.0.12.7:8080\" \"200\" \"-\" \"-\"";

    @Test
    void theGoodLineParses() {
        assertThat(AlbLogFormat.create().newParser().parse(GOOD, new RequestRecord()))
                .isNull();
    }

    @Test
    void aLineOfAnotherFormatIsAMismatchAtTheType() {
        String nginx = "203.0.113.24 - - [04/Mar/2024:10:15:02 +0100] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl\"";
        assertAt(reject(nginx), Reason.FORMAT_MISMATCH, "type", 1);
        assertThat(reject(nginx).detail()).startsWith("'203.0.113.24' is not an ALB request type");
        assertThat(reject("   ").reason()).isEqualTo(Reason.EMPTY);
    }

    @Test
    void aCutLineIsTruncatedNamingTheFirstMissingField() {
        String cut = GOOD.substring(0, GOOD.indexOf(" 200 200"));
        assertAt(reject(cut), Reason.TRUNCATED, "elb_status_code", cut.length() + 1);
        assertThat(reject(cut).detail())
                .isEqualTo("the line ends after 8 fields; an ALB entry has at least 13 (through \"request\")");
        String openQuote = GOOD.substring(0, GOOD.indexOf(" HTTP/1.1\""));
        assertAt(reject(openQuote), Reason.TRUNCATED, null, openQuote.indexOf("\"GET") + 1);
    }

    @Test
    void aFieldThatDoesNotParseIsNamedWithItsColumn() {
        assertField(
                GOOD.replace("2024-03-04T09:15:02.482913Z", "2024-03-04T09:15:62Z"),
                "time",
                Reason.BAD_TIME,
                "2024-03-04T09:15:62Z");
        assertField(GOOD.replace(" 0.043 ", " 0.0x3 "), "target_processing_time", Reason.BAD_NUMBER, "0.0x3");
        assertField(GOOD.replace(" 200 200 ", " 2x0 200 "), "elb_status_code", Reason.BAD_STATUS, "2x0");
        assertField(GOOD.replace(" 200 200 ", " 1e2 200 "), "elb_status_code", Reason.BAD_STATUS, "1e2");
        assertField(GOOD.replace(" 512 2048 ", " 512 20.48 "), "sent_bytes", Reason.BAD_NUMBER, "20.48");
        assertField(
                GOOD.replace("2024-03-04T09:15:02.438000Z", "yesterday"),
                "request_creation_time",
                Reason.BAD_TIME,
                "yesterday");
        String unquoted = GOOD.replace("\"GET https://api.example-broker.com:443/v1/quotes HTTP/1.1\"", "GET");
        assertAt(reject(unquoted), Reason.FORMAT_MISMATCH, "request", unquoted.indexOf(" GET ") + 2);
    }

    @Test
    void aRequestLineWithoutTargetIsABadRequestLine() {
        String line = GOOD.replace("GET https://api.example-broker.com:443/v1/quotes HTTP/1.1", "GET");
        Rejection why = reject(line);
        assertThat(why.reason()).isEqualTo(Reason.BAD_REQUEST_LINE);
        assertThat(why.field()).isEqualTo("request");
        assertThat(why.column()).isEqualTo(line.indexOf("\"GET\"") + 2);
    }

    private static void assertField(String line, String field, Reason reason, String value) {
        Rejection why = reject(line);
        int column = line.indexOf(" " + value + " ") + 2;
        assertAt(why, reason, field, column);
        assertThat(why.detail()).startsWith("'" + value + "' is not");
        assertThat(why.describe()).startsWith(reason.code() + " in " + field + " at column " + column + ": '" + value);
    }

    private static void assertAt(Rejection why, Reason reason, String field, int column) {
        assertThat(why).isNotNull();
        assertThat(why.reason()).as(why.describe()).isEqualTo(reason);
        assertThat(why.field()).as(why.describe()).isEqualTo(field);
        assertThat(why.column()).as(why.describe()).isEqualTo(column);
    }

    private static Rejection reject(String line) {
        Rejection why = AlbLogFormat.create().newParser().parse(line, new RequestRecord());
        assertThat(why).as(line).isNotNull();
        return why;
    }
}
