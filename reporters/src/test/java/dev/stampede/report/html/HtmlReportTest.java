package dev.stampede.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void isOneSelfContainedFileWithChartJsInlined() throws IOException {
        SyntheticResultDir.write(dir, 10);
        Path report = HtmlReport.write(dir);

        assertThat(report).isEqualTo(dir.resolve("report.html"));
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Chart.js v" + ChartLibrary.version());
        assertThat(ChartLibrary.version()).matches("\\d+\\.\\d+\\.\\d+");
        // Nothing is fetched: no external script, style, image or source map.
        assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=").doesNotContainPattern("(?i)<link[^>]+href=");
        assertThat(html).doesNotContain("sourceMappingURL");
        assertThat(count(html, "<script")).isEqualTo(count(html, "</script>")).isEqualTo(4);
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void embedsTheDataAsJsonThatNoEndpointNameCanBreakOutOf() throws IOException {
        SyntheticResultDir.write(dir, 10);
        String html = Files.readString(HtmlReport.write(dir), StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("q=<script>");
        JsonNode data = new ObjectMapper().readTree(embeddedJson(html));
        assertThat(data.path("format").asText()).isEqualTo(ReportJson.FORMAT);
        assertThat(data.path("formatVersion").asInt()).isEqualTo(ReportJson.FORMAT_VERSION);
        assertThat(data.path("endpoints")).hasSize(4);
        assertThat(data.path("endpoints").findValuesAsText("name")).contains("GET /api/search?q=<script>&x=1");
        assertThat(data.path("series").path("t")).hasSize(10);
        assertThat(data.path("capacity").path("steps")).hasSize(6);
        assertThat(data.path("overall").path("spectrum").size()).isGreaterThan(20);
    }

    @Test
    void numbersAreRoundedAndUnknownOnesAreNull() throws IOException {
        assertThat(json(1234.5678)).isEqualTo("1235");
        assertThat(json(0.000123456)).isEqualTo("0.0001235");
        assertThat(json(123456789.0)).isEqualTo("123500000");
        assertThat(json(42)).isEqualTo("42");
        assertThat(json(Double.NaN)).isEqualTo("null");
    }

    private static String json(double value) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator json =
                new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
            ReportJson.value(json, value);
        }
        return out.toString();
    }

    static String embeddedJson(String html) {
        Matcher m = Pattern.compile(
                        "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
