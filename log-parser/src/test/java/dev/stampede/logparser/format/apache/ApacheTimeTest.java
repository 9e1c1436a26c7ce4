package dev.stampede.logparser.format.apache;

import static dev.stampede.logparser.format.apache.Parsing.micros;
import static dev.stampede.logparser.format.apache.Parsing.parsed;
import static dev.stampede.logparser.format.apache.Parsing.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import org.junit.jupiter.api.Test;

/** {@code %t} in all its forms, and how the start time is chosen. */
class ApacheTimeTest {

    @Test
    void plainTIsTheBracketedClfTime() {
        assertThat(parsed("%h %t %>s", "10.0.0.1 [10/Oct/2000:13:55:36 -0700] 200")
                        .startMicros())
                .isEqualTo(micros("2000-10-10T20:55:36Z"));
        assertThat(parsed("%h %{begin}t %>s", "10.0.0.1 [10/Oct/2000:13:55:36 +0530] 200")
                        .startMicros())
                .isEqualTo(micros("2000-10-10T08:25:36Z"));
    }

    @Test
    void strftimeFormatAsTheClfTime() {
        RequestRecord record = parsed(
                "%h [%{%d/%b/%Y:%H:%M:%S %z}t] \"%r\" %>s",
                "10.0.0.1 [10/Oct/2000:13:55:36 -0700]" + " \"GET / HTTP/1.1\" 200");
        assertThat(record.startMicros()).isEqualTo(micros("2000-10-10T20:55:36Z"));
    }

    @Test
    void strftimeWithFractionAndZoneInSeparateFields() {
        // The example of httpd's manual: several %{...}t tokens make one time.
        RequestRecord record = parsed(
                "%h [%{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t] %>s", "10.0.0.1 [10/Oct/2000 13:55:36.042 +0100] 200");
        assertThat(record.startMicros()).isEqualTo(micros("2000-10-10T12:55:36.042Z"));
        RequestRecord micro = parsed("%h %{sec}t.%{usec_frac}t %>s", "10.0.0.1 971186136.000042 200");
        assertThat(micro.startMicros()).isEqualTo(micros("2000-10-10T13:55:36.000042Z"));
    }

    @Test
    void isoLikeTimeWithoutZoneIsUtc() {
        assertThat(parsed("%{%Y-%m-%dT%H:%M:%S}t %h %>s", "2024-02-29T23:59:60 10.0.0.1 200")
                        .startMicros())
                .isEqualTo(micros("2024-03-01T00:00:00Z"));
        assertThat(parsed("%{%F %T %Z}t %>s", "2024-02-29 08:00:00 UTC 200").startMicros())
                .isEqualTo(micros("2024-02-29T08:00:00Z"));
    }

    @Test
    void compositeAndNamedConversions() {
        assertThat(parsed("%{%c}t|%>s", "Tue Oct  3 14:05:09 2017|200").startMicros())
                .isEqualTo(micros("2017-10-03T14:05:09Z"));
        assertThat(parsed("%{%A, %d %B %Y %r}t|%>s", "Tuesday, 03 October 2017 02:05:09 PM|200")
                        .startMicros())
                .isEqualTo(micros("2017-10-03T14:05:09Z"));
        assertThat(parsed("%{%D %R}t|%>s", "10/03/17 14:05|200").startMicros())
                .isEqualTo(micros("2017-10-03T14:05:00Z"));
        assertThat(parsed("%{%Y%m%d%H%M%S}t %>s", "20171003140509 200").startMicros())
                .isEqualTo(micros("2017-10-03T14:05:09Z"));
        assertThat(parsed("%{%Y.%j}t %>s", "2016.366 200").startMicros()).isEqualTo(micros("2016-12-31T00:00:00Z"));
        assertThat(parsed("%{%s}t %>s", "1507039509 200").startMicros()).isEqualTo(micros("2017-10-03T14:05:09Z"));
        assertThat(parsed("%{%d/%b/%Y:%T %z}t %>s", "03/Oct/2017:14:05:09 +05:30 200")
                        .startMicros())
                .isEqualTo(micros("2017-10-03T08:35:09Z"));
    }

    @Test
    void epochForms() {
        assertThat(parsed("%{sec}t %>s", "1507039509 200").startMicros()).isEqualTo(micros("2017-10-03T14:05:09Z"));
        assertThat(parsed("%{msec}t %>s", "1507039509123 200").startMicros())
                .isEqualTo(micros("2017-10-03T14:05:09.123Z"));
        assertThat(parsed("%{usec}t %>s", "1507039509123456 200").startMicros())
                .isEqualTo(micros("2017-10-03T14:05:09.123456Z"));
        assertThat(parsed("%{begin:msec}t %>s", "1507039509123 200").startMicros())
                .isEqualTo(micros("2017-10-03T14:05:09.123Z"));
    }

    @Test
    void anEndTimeMinusTheDurationIsTheStart() {
        RequestRecord record = parsed("%h %{end:msec}t %D %>s", "10.0.0.1 1507039509123 2500 200");
        assertThat(record.requestTimeMicros()).isEqualTo(2500);
        assertThat(record.startMicros()).isEqualTo(micros("2017-10-03T14:05:09.1205Z"));
        RequestRecord seconds = parsed("%h %{end}t %T %>s", "10.0.0.1 [03/Oct/2017:14:05:09 +0000] 2 200");
        assertThat(seconds.startMicros()).isEqualTo(micros("2017-10-03T14:05:07Z"));
    }

    @Test
    void anEndTimeWithoutDurationIsTheBestStartThereIs() {
        assertThat(parsed("%h %{end:usec}t %>s", "10.0.0.1 1507039509123456 200")
                        .startMicros())
                .isEqualTo(micros("2017-10-03T14:05:09.123456Z"));
    }

    @Test
    void aBeginTimeWinsOverAnEndTime() {
        RequestRecord record = parsed("%t %{end:msec}t %D", "[03/Oct/2017:14:05:09 +0000] 1507039512000 2500");
        assertThat(record.startMicros()).isEqualTo(micros("2017-10-03T14:05:09Z"));
    }

    @Test
    void noTimeOrNoWholeDateLeavesTheStartUnknown() {
        assertThat(parsed("%h %>s", "10.0.0.1 200").startMicros()).isEqualTo(RequestRecord.UNKNOWN);
        assertThat(parsed("%{%H:%M:%S}t %>s", "14:05:09 200").startMicros()).isEqualTo(RequestRecord.UNKNOWN);
    }

    @Test
    void badTimesAreRejectedWithTheirFieldAndColumn() {
        Rejection notClf = rejected("%h %t %>s", "10.0.0.1 [10/Okt/2000:13:55:36 -0700] 200");
        assertThat(notClf.reason()).isEqualTo(Reason.BAD_TIME);
        assertThat(notClf.field()).isEqualTo("%t");
        assertThat(notClf.column()).isEqualTo(10);

        Rejection noBracket = rejected("%h %t %>s", "10.0.0.1 10/Oct/2000:13:55:36 -0700 200");
        assertThat(noBracket.reason()).isEqualTo(Reason.BAD_TIME);
        assertThat(noBracket.column()).isEqualTo(10);

        Rejection february30 = rejected("%h [%{%d/%m/%Y}t] %>s", "10.0.0.1 [30/02/2023] 200");
        assertThat(february30.reason()).isEqualTo(Reason.BAD_TIME);
        assertThat(february30.field()).isEqualTo("%{%d/%m/%Y}t");
        assertThat(february30.column()).isEqualTo(11);

        Rejection letters = rejected("%h [%{%d/%m/%Y}t] %>s", "10.0.0.1 [3O/02/2023] 200");
        assertThat(letters.reason()).isEqualTo(Reason.BAD_TIME);

        Rejection hour = rejected("%{%H:%M}t %{%F}t", "25:00 2023-01-01");
        assertThat(hour.reason()).isEqualTo(Reason.BAD_TIME);
        assertThat(hour.field()).isEqualTo("%{%H:%M}t");
        assertThat(hour.column()).isEqualTo(1);

        Rejection shortFraction = rejected("%{sec}t.%{usec_frac}t %>s", "1507039509.12 200");
        assertThat(shortFraction.reason()).isEqualTo(Reason.BAD_TIME);
        assertThat(shortFraction.field()).isEqualTo("%{usec_frac}t");
        assertThat(shortFraction.column()).isEqualTo(12);
    }

    @Test
    void aLineEndingInsideTheTimeIsTruncated() {
        Rejection why = rejected("%h %t \"%r\"", "10.0.0.1 [10/Oct/2000:13:5");
        assertThat(why.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(why.field()).isEqualTo("%t");
        assertThat(why.column()).isEqualTo(10);
    }

    @Test
    void aStatusConditionalTimeMayBeADash() {
        assertThat(parsed("%h %500{msec}t %>s", "10.0.0.1 - 200").startMicros()).isEqualTo(RequestRecord.UNKNOWN);
        assertThat(parsed("%h %500{msec}t %>s", "10.0.0.1 1507039509123 500").startMicros())
                .isEqualTo(micros("2017-10-03T14:05:09.123Z"));
    }
}
