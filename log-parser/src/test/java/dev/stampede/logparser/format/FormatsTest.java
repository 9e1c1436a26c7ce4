package dev.stampede.logparser.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.logparser.Datasets;
import dev.stampede.logparser.DocumentFormat;
import dev.stampede.logparser.LineFormat;
import dev.stampede.logparser.RequestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void everyFamilyAndPresetResolves() {
        assertThat(Formats.resolve("combined").name()).isEqualTo("nginx");
        assertThat(Formats.resolve("stampede").describe()).contains("$upstream_cookie_SESSION");
        assertThat(Formats.resolve("nginx:'$remote_addr [$time_local] \"$request\"'")
                        .describe())
                .isEqualTo("nginx:'$remote_addr [$time_local] \"$request\"'");
        assertThat(Formats.resolve("common").name()).isEqualTo("apache");
        assertThat(Formats.resolve("apache:vhost_combined").name()).isEqualTo("apache");
        assertThat(Formats.resolve("apache:\"%h %t \\\"%r\\\" %>s\"").name()).isEqualTo("apache");
        assertThat(Formats.resolve("json:time=ts,method=m,uri=u,status=s")).isInstanceOf(LineFormat.class);
        assertThat(Formats.resolve("json:wrap=log,inner=combined")).isInstanceOf(LineFormat.class);
        assertThat(Formats.resolve("alb")).isInstanceOf(LineFormat.class);
        assertThat(Formats.resolve("w3c")).isInstanceOf(DocumentFormat.class);
        assertThat(Formats.resolve("gor")).isInstanceOf(DocumentFormat.class);
        assertThat(Formats.resolve("har")).isInstanceOf(DocumentFormat.class);
    }

    @Test
    void aWrappedLineIsParsedByTheInnerFormat() {
        LineFormat docker = (LineFormat) Formats.resolve("json:wrap=log,inner=combined");
        RequestRecord record = new RequestRecord();
        String line =
                "{\"log\":\"10.0.0.1 - - [21/Nov/2026:09:30:00 +0000] \\\"GET /api/quote/600519 HTTP/1.1\\\" 200 10"
                        + " \\\"-\\\" \\\"ua\\\"\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-21T09:30:00.123Z\"}";

        assertThat(docker.newParser().parse(line, record)).isNull();
        assertThat(record.uri()).isEqualTo("/api/quote/600519");
    }

    @Test
    void badSpecsSayWhatIsAccepted() {
        assertThatThrownBy(() -> Formats.resolve("klingon"))
                .hasMessageContaining("unknown format 'klingon'")
                .hasMessageContaining("json:<definition|preset>");
        assertThatThrownBy(() -> Formats.resolve("gor:extra")).hasMessageContaining("takes no definition");
        assertThatThrownBy(() -> Formats.resolve("nginx:fancy")).hasMessageContaining("no nginx preset 'fancy'");
        assertThatThrownBy(() -> Formats.resolve("json:wrap=log,inner=har")).hasMessageContaining("inner line format");
    }

    @Test
    void detectionPicksTheRightFormatForEachDataset() throws IOException {
        assertThat(best("elastic-nginx-combined/nginx_logs.first29479")).isEqualTo("combined");
        assertThat(best("elastic-apache-combined/apache_logs")).isEqualTo("combined");
        assertThat(best("goreplay-datadog-ecommerce/requests_0.original.gor")).isEqualTo("gor");
        assertThat(best("har-mitmproxy-browser-exports/chrome.har")).isEqualTo("har");
        assertThat(FormatDetector.suggest(List.of(
                                "#Software: Microsoft Internet Information Services 10.0",
                                "#Fields: date time cs-method cs-uri-stem sc-status"))
                        .get(0)
                        .spec())
                .isEqualTo("w3c");
        assertThat(FormatDetector.suggest(List.of("{\"ts\":1,\"path\":\"/\"}"))
                        .get(0)
                        .spec())
                .isEqualTo("json:<mapping>");
        assertThat(FormatDetector.suggest(List.of("1.2.3.4 - - [21/Nov/2026:09:30:00 +0000] \"GET / HTTP/1.1\" 200 5"))
                        .get(0)
                        .spec())
                .isEqualTo("common");
    }

    private static String best(String dataset) throws IOException {
        List<String> lines = Files.readAllLines(Datasets.file(dataset), StandardCharsets.ISO_8859_1);
        return FormatDetector.suggest(lines.subList(0, Math.min(100, lines.size())))
                .get(0)
                .spec();
    }
}
