package dev.stampede.logparser.format.apache;

import static dev.stampede.logparser.format.apache.Parsing.micros;
import static dev.stampede.logparser.format.apache.Parsing.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.logparser.RequestRecord;
import org.junit.jupiter.api.Test;

class ApacheLogFormatTest {

    private static final String COMBINED_LINE = "83.149.9.216 - - [17/May/2015:10:05:03 +0000]"
            + " \"GET /presentations/logstash-monitorama-2013/images/kibana-search.png HTTP/1.1\" 200 203023"
            + " \"http://semicomplete.com/presentations/logstash-monitorama-2013/\""
            + " \"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1)\"";

    @Test
    void presetsAreHttpdsStockFormats() {
        assertThat(ApacheLogFormat.preset("common").logFormat()).isEqualTo("%h %l %u %t \"%r\" %>s %b");
        assertThat(ApacheLogFormat.preset("combined").logFormat())
                .isEqualTo("%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"");
        assertThat(ApacheLogFormat.preset("vhost_combined").logFormat())
                .isEqualTo("%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"");
        assertThat(ApacheLogFormat.presets()).containsOnlyKeys("common", "combined", "combinedio", "vhost_combined");
    }

    @Test
    void anUnknownPresetListsTheKnownOnes() {
        assertThatThrownBy(() -> ApacheLogFormat.preset("combined2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown Apache LogFormat preset 'combined2';"
                        + " known presets: common, combined, combinedio, vhost_combined");
    }

    @Test
    void commonPresetParsesACommonLine() {
        RequestRecord record = new RequestRecord();
        assertThat(ApacheLogFormat.preset("common")
                        .newParser()
                        .parse(
                                "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
                                record))
                .isNull();
        assertThat(record.startMicros()).isEqualTo(micros("2000-10-10T20:55:36Z"));
        assertThat(record.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(record.method()).isEqualTo("GET");
        assertThat(record.uri()).isEqualTo("/apache_pb.gif");
        assertThat(record.protocol()).isEqualTo("HTTP/1.0");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.bytesSent()).isEqualTo(2326);
        assertThat(record.headers()).isEmpty();
    }

    @Test
    void combinedPresetKeepsRefererAndUserAgent() {
        RequestRecord record = new RequestRecord();
        assertThat(ApacheLogFormat.preset("combined").newParser().parse(COMBINED_LINE, record))
                .isNull();
        assertThat(record.headers())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry(
                                "referer", "http://semicomplete.com/presentations/logstash-monitorama-2013/"),
                        org.assertj.core.api.Assertions.entry(
                                "user-agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1)"));
    }

    @Test
    void nameAndDescription() {
        ApacheLogFormat format = ApacheLogFormat.compile("%h %t \"%r\" %>s");
        assertThat(format.name()).isEqualTo("apache");
        assertThat(format.describe()).isEqualTo("apache:'%h %t \"%r\" %>s'");
        assertThat(format).hasToString(format.describe());
    }

    @Test
    void quotesMayStayEscapedAsInHttpdConf() {
        RequestRecord record =
                parsed("%h %l %u %t \\\"%r\\\" %>s %b \\\"%{Referer}i\\\" \\\"%{User-Agent}i\\\"", COMBINED_LINE);
        assertThat(record.uri()).isEqualTo("/presentations/logstash-monitorama-2013/images/kibana-search.png");
        assertThat(record.headers()).containsKeys("referer", "user-agent");
    }

    @Test
    void percentPercentIsALiteralPercent() {
        RequestRecord record = parsed("%h 100%% %>s", "10.0.0.1 100% 204");
        assertThat(record.status()).isEqualTo(204);
    }

    @Test
    void aTrailingSpaceOrNewlineInThePastedFormatIsIgnored() {
        assertThat(parsed("%h %>s \n", "10.0.0.1 204").status()).isEqualTo(204);
    }

    @Test
    void anUnknownDirectiveIsNamedWithItsColumnAndACaret() {
        assertThatThrownBy(() -> ApacheLogFormat.compile("%h %l %u %Z %t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown directive %Z (mod_log_config has no %Z) (column 10 of the LogFormat)\n"
                        + "  %h %l %u %Z %t\n"
                        + "           ^");
        assertThatThrownBy(() -> ApacheLogFormat.compile("%h %>{x}Q"))
                .hasMessageStartingWith("unknown directive %>{x}Q (mod_log_config has no %Q) (column 4 ");
    }

    @Test
    void malformedDirectivesAreRefusedWithTheirColumn() {
        assertThatThrownBy(() -> ApacheLogFormat.compile("%h %{User-Agent"))
                .hasMessageStartingWith("'{' without a closing '}' (column 5 ");
        assertThatThrownBy(() -> ApacheLogFormat.compile("%h %")).hasMessageStartingWith("the LogFormat ends inside");
        assertThatThrownBy(() -> ApacheLogFormat.compile("%h \"%i\""))
                .hasMessageStartingWith("%i needs a name: %{Name}i (column 5 ");
        assertThatThrownBy(() -> ApacheLogFormat.compile("%h %{}C")).hasMessageStartingWith("%{}C needs a name");
        assertThatThrownBy(() -> ApacheLogFormat.compile("%h %{minutes}T"))
                .hasMessageStartingWith("%{minutes}T has the unit 'minutes': %{UNIT}T takes s, ms or us (column 4 ");
        assertThatThrownBy(() -> ApacheLogFormat.compile("%h [%{%d/%b/%Y %+}t]"))
                .hasMessageStartingWith(
                        "the time format has %+, a strftime conversion Stampede cannot read back" + " (column 5 ");
        assertThatThrownBy(() -> ApacheLogFormat.compile("  ")).hasMessage("the LogFormat is empty");
        assertThatThrownBy(() -> ApacheLogFormat.compile("just text"))
                .hasMessage("the LogFormat 'just text' has no directive");
    }

    @Test
    void fieldsThatCannotBeToldApartAreRefused() {
        assertThatThrownBy(() -> ApacheLogFormat.compile("%h%u %>s"))
                .hasMessage("%h is directly followed by %u: nothing tells where one ends and the other begins;"
                        + " put a separator between them (column 3 of the LogFormat)\n"
                        + "  %h%u %>s\n"
                        + "    ^");
    }

    @Test
    void everyDirectiveOfModLogConfigCompiles() {
        ApacheLogFormat format = ApacheLogFormat.compile("%a %{c}a %A %B %b %{Foobar}C %D %{Foobar}e %f %h %{c}h %H"
                + " %{Foobar}i %k %l %L %m %{Foobar}n %{Foobar}o %p %{canonical}p %{local}p %{remote}p %P %{pid}P"
                + " %{tid}P %{hextid}P %q %r %R %s %<s %>s %t %{%d/%b/%Y}t %T %{ms}T %u %U %v %V %X %I %O %S"
                + " %{Foo}^ti %{Foo}^to %^FB %{SSL_PROTOCOL}x %{errcode}c %400,501{User-agent}i %!200,304{Referer}i");
        assertThat(format.describe()).startsWith("apache:'%a %{c}a");
    }
}
