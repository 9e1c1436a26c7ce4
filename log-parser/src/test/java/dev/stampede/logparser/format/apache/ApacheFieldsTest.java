package dev.stampede.logparser.format.apache;

import static dev.stampede.logparser.format.apache.Parsing.micros;
import static dev.stampede.logparser.format.apache.Parsing.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.stampede.logparser.RequestRecord;
import org.junit.jupiter.api.Test;

/** What each directive puts into the record. */
class ApacheFieldsTest {

    private static final String COMBINED = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"";

    @Test
    void durations() {
        assertThat(parsed("%h %D", "10.0.0.1 1234567").requestTimeMicros()).isEqualTo(1_234_567);
        assertThat(parsed("%h %T", "10.0.0.1 3").requestTimeMicros()).isEqualTo(3_000_000);
        assertThat(parsed("%h %{s}T", "10.0.0.1 3").requestTimeMicros()).isEqualTo(3_000_000);
        assertThat(parsed("%h %{ms}T", "10.0.0.1 1234").requestTimeMicros()).isEqualTo(1_234_000);
        assertThat(parsed("%h %{US}T", "10.0.0.1 1234").requestTimeMicros()).isEqualTo(1_234);
        assertThat(parsed("%h", "10.0.0.1").requestTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
    }

    @Test
    void theFinestDurationWinsWhereverItIs() {
        assertThat(parsed("%h %D %T", "10.0.0.1 1234567 1").requestTimeMicros()).isEqualTo(1_234_567);
        assertThat(parsed("%h %T %{ms}T %D", "10.0.0.1 1 1234 1234567").requestTimeMicros())
                .isEqualTo(1_234_567);
        assertThat(parsed("%h %{ms}T %T", "10.0.0.1 1234 1").requestTimeMicros())
                .isEqualTo(1_234_000);
    }

    @Test
    void numbersMayFollowEachOtherDirectly() {
        RequestRecord record = parsed("%h %>s%D|%b", "10.0.0.1 2041234|512");
        assertThat(record.status()).isEqualTo(204);
        assertThat(record.requestTimeMicros()).isEqualTo(1234);
        assertThat(record.bytesSent()).isEqualTo(512);
    }

    @Test
    void escapesInTheRequestLine() {
        RequestRecord quote = parsed(
                COMBINED,
                "10.0.0.1 - - [17/May/2015:10:05:03 +0000]"
                        + " \"GET /search?q=\\\"x\\\" HTTP/1.1\" 200 5 \"-\" \"curl\"");
        assertThat(quote.uri()).isEqualTo("/search?q=\"x\"");
        assertThat(quote.protocol()).isEqualTo("HTTP/1.1");
        RequestRecord hex = parsed(
                COMBINED,
                "10.0.0.1 - - [17/May/2015:10:05:03 +0000]"
                        + " \"GET /a\\x22b\\x01\\\\c HTTP/1.1\" 200 5 \"-\" \"curl\"");
        assertThat(hex.uri()).isEqualTo("/a\"b\u0001\\c");
    }

    @Test
    void escapesInHeaders() {
        RequestRecord record = parsed(
                COMBINED,
                "10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 5"
                        + " \"http://x/\\xe4\\xe5\" \"Mozilla \\\"quoted\\\" \\x22hex\\x22 back\\\\slash\"");
        assertThat(record.headers())
                .containsExactly(
                        entry("referer", "http://x/\u00e4\u00e5"),
                        entry("user-agent", "Mozilla \"quoted\" \"hex\" back\\slash"));
    }

    @Test
    void anEscapedQuoteFollowedByTheNextLiteralDoesNotEndTheValue() {
        // Were \" taken as the closing quote, '" ' would follow it and the line would split as
        // note='a\', client='b" 10.0.0.1'.
        RequestRecord record = parsed("\"%{X-Note}i\" %h", "\"a\\\" b\" 10.0.0.1");
        assertThat(record.headers()).containsExactly(entry("x-note", "a\" b"));
        assertThat(record.clientAddress()).isEqualTo("10.0.0.1");
    }

    @Test
    void aDashHeaderIsNotSentButAnEmptyOneIs() {
        RequestRecord record = parsed("%h \"%{Referer}i\" \"%{User-Agent}i\"", "10.0.0.1 \"-\" \"\"");
        assertThat(record.headers()).containsExactly(entry("user-agent", ""));
    }

    @Test
    void cookies() {
        RequestRecord record = parsed("%h %{SESSIONID}C %{theme}C %{Missing}C", "10.0.0.1 abc123 dark\\x20mode -");
        assertThat(record.cookies()).containsExactly(entry("SESSIONID", "abc123"), entry("theme", "dark mode"));
        assertThat(record.headers()).isEmpty();
    }

    @Test
    void vhostCombined() {
        RequestRecord record = new RequestRecord();
        assertThat(ApacheLogFormat.preset("vhost_combined")
                        .newParser()
                        .parse(
                                "www.example.com:443 10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\""
                                        + " 200 1432 \"-\" \"curl/8.0\"",
                                record))
                .isNull();
        assertThat(record.host()).isEqualTo("www.example.com");
        assertThat(record.clientAddress()).isEqualTo("10.0.0.1");
        assertThat(record.bytesSent()).isEqualTo(1432);
        assertThat(record.startMicros()).isEqualTo(micros("2015-05-17T10:05:03Z"));
        assertThat(record.headers()).containsExactly(entry("user-agent", "curl/8.0"));
    }

    @Test
    void theHostHeaderWinsOverServerNames() {
        assertThat(parsed("%v %V %>s", "canonical.example server.example 200").host())
                .isEqualTo("server.example");
        assertThat(parsed("%V %>s %v", "server.example 200 canonical.example").host())
                .isEqualTo("server.example");
        RequestRecord record = parsed("%v \"%{Host}i\" %>s", "canonical.example \"api.example:8443\" 200");
        assertThat(record.host()).isEqualTo("api.example:8443");
        assertThat(record.headers()).containsExactly(entry("host", "api.example:8443"));
    }

    @Test
    void theRequestInPartsWithoutR() {
        RequestRecord record =
                parsed("%h \"%m %U%q %H\" %>s", "10.0.0.1 \"POST /api/orders?side=buy&qty=3 HTTP/2.0\" 201");
        assertThat(record.method()).isEqualTo("POST");
        assertThat(record.uri()).isEqualTo("/api/orders?side=buy&qty=3");
        assertThat(record.path()).isEqualTo("/api/orders");
        assertThat(record.query()).isEqualTo("side=buy&qty=3");
        assertThat(record.protocol()).isEqualTo("HTTP/2.0");

        RequestRecord noQuery = parsed("%h \"%m %U%q %H\" %>s", "10.0.0.1 \"GET /health HTTP/1.1\" 200");
        assertThat(noQuery.uri()).isEqualTo("/health");
        assertThat(noQuery.query()).isNull();

        RequestRecord quotedTogether = parsed("%m \"%U%q\"", "GET \"/x?y=1\"");
        assertThat(quotedTogether.uri()).isEqualTo("/x?y=1");
        assertThat(quotedTogether.protocol()).isNull();
    }

    @Test
    void theRequestLineWinsOverItsParts() {
        RequestRecord record = parsed("%m %U \"%r\"", "GET /rewritten \"GET /original?a=1 HTTP/1.1\"");
        assertThat(record.uri()).isEqualTo("/original?a=1");
    }

    @Test
    void theClientIsTheFirstAddressOfAList() {
        assertThat(parsed("%h %>s", "203.0.113.7,10.0.0.2 200").clientAddress()).isEqualTo("203.0.113.7");
        assertThat(parsed("\"%h\" %>s", "\"203.0.113.7, 10.0.0.2, 10.0.0.3\" 200")
                        .clientAddress())
                .isEqualTo("203.0.113.7");
        assertThat(parsed("%h %>s", "2001:db8::1 200").clientAddress()).isEqualTo("2001:db8::1");
        assertThat(parsed("%h %>s", "- 200").clientAddress()).isNull();
    }

    @Test
    void clientRanks() {
        assertThat(parsed("%{c}a %h %>s", "10.0.0.9 203.0.113.7 200").clientAddress())
                .isEqualTo("203.0.113.7");
        assertThat(parsed("%h %a %>s", "proxy.example 203.0.113.7 200").clientAddress())
                .isEqualTo("203.0.113.7");
        RequestRecord forwarded = parsed("%h \"%{X-Forwarded-For}i\" %>s", "10.0.0.9 \"198.51.100.4, 10.0.0.2\" 200");
        assertThat(forwarded.clientAddress()).isEqualTo("198.51.100.4");
        assertThat(forwarded.headers()).containsExactly(entry("x-forwarded-for", "198.51.100.4, 10.0.0.2"));
        assertThat(parsed("%h \"%{X-Forwarded-For}i\" %>s", "10.0.0.9 \"-\" 200")
                        .clientAddress())
                .isEqualTo("10.0.0.9");
    }

    @Test
    void statusSelectors() {
        assertThat(parsed("%h %s %>s", "10.0.0.1 302 200").status()).isEqualTo(200);
        assertThat(parsed("%h %>s %<s", "10.0.0.1 200 302").status()).isEqualTo(200);
        assertThat(parsed("%h %<s", "10.0.0.1 302").status()).isEqualTo(302);
    }

    @Test
    void bytes() {
        assertThat(parsed("%h %b", "10.0.0.1 -").bytesSent()).isZero();
        assertThat(parsed("%h %B", "10.0.0.1 0").bytesSent()).isZero();
        assertThat(parsed("%h %O", "10.0.0.1 1432").bytesSent()).isEqualTo(1432);
        assertThat(parsed("%h %O %b", "10.0.0.1 1432 1200").bytesSent()).isEqualTo(1200);
        assertThat(parsed("%h %b %O", "10.0.0.1 - 232").bytesSent()).isZero();
        assertThat(parsed("%h %I %O", "10.0.0.1 300 1432").bytesSent()).isEqualTo(1432);
        assertThat(parsed("%h %>s", "10.0.0.1 200").bytesSent()).isEqualTo(RequestRecord.UNKNOWN);
    }

    @Test
    void statusConditionalFieldsAreDashWhenTheConditionFails() {
        String format = "%h %>s \"%400,501{User-agent}i\" \"%!200,304{Referer}i\"";
        RequestRecord ok = parsed(format, "10.0.0.1 200 \"-\" \"-\"");
        assertThat(ok.headers()).isEmpty();
        RequestRecord bad = parsed(format, "10.0.0.1 400 \"curl/8.0\" \"http://x/\"");
        assertThat(bad.headers()).containsExactly(entry("user-agent", "curl/8.0"), entry("referer", "http://x/"));
        assertThat(parsed("%h %>s %500D", "10.0.0.1 200 -").requestTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
    }

    @Test
    void skippedDirectivesKeepTheLineShape() {
        RequestRecord record = parsed(
                "%A %p %{remote}p %P %{tid}P %k %l %u %X %{UNIQUE_ID}e %{ratio}n %{Content-Type}o %f %R %L %I %S"
                        + " %{SSL_PROTOCOL}x %>s",
                "10.0.0.2 443 51234 1234 140 3 - frank + ZXhhbXBsZQ 77 text/html /var/www/index.html"
                        + " php-script ZXhh 312 2000 TLSv1.3 200");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.headers()).isEmpty();
        assertThat(record.cookies()).isEmpty();
        assertThat(record.clientAddress()).isNull();
        assertThat(record.bytesSent()).isEqualTo(RequestRecord.UNKNOWN);
    }

    @Test
    void aCompleteRecord() {
        RequestRecord record = parsed(
                "%v:%p %h %l %u [%{%d/%b/%Y:%H:%M:%S}t.%{usec_frac}t %{%z}t] \"%r\" %>s %b %D \"%{Referer}i\""
                        + " \"%{User-Agent}i\" %{SESSION}C %X",
                "shop.example:443 198.51.100.4 - alice [03/Oct/2017:14:05:09.123456 +0200] \"PUT /cart/7 HTTP/1.1\""
                        + " 204 - 812 \"https://shop.example/cart\" \"Mozilla/5.0\" s3ss10n +");
        assertThat(record.startMicros()).isEqualTo(micros("2017-10-03T12:05:09.123456Z"));
        assertThat(record.method()).isEqualTo("PUT");
        assertThat(record.uri()).isEqualTo("/cart/7");
        assertThat(record.protocol()).isEqualTo("HTTP/1.1");
        assertThat(record.host()).isEqualTo("shop.example");
        assertThat(record.status()).isEqualTo(204);
        assertThat(record.bytesSent()).isZero();
        assertThat(record.requestTimeMicros()).isEqualTo(812);
        assertThat(record.clientAddress()).isEqualTo("198.51.100.4");
        assertThat(record.headers())
                .containsExactly(entry("referer", "https://shop.example/cart"), entry("user-agent", "Mozilla/5.0"));
        assertThat(record.cookies()).containsExactly(entry("SESSION", "s3ss10n"));
        assertThat(record.upstreamTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
        assertThat(record.sourceFile()).isNull();
    }
}
