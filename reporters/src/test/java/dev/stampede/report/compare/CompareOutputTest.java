package dev.stampede.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** compare.json (golden), compare.html and the table, for one comparison with a bit of everything. */
@Timeout(60)
class CompareOutputTest {

    private static final String QUOTE = "GET /api/quote/{code}";

    @TempDir
    Path dir;

    private Comparison comparison;

    /**
     * Baseline: quote and order, 30 intervals of 400 requests each, 0.1% errors. Candidate: quote and news
     * (order gone), the slow tail twice as slow, 3% errors. An endpoint's p99 windows take two intervals
     * (15 per run), its p99.9 windows 13 (two per run: inconclusive there).
     */
    @BeforeEach
    void compareTwoRuns() {
        Path baseline = SyntheticRun.of()
                .seed(11)
                .intervals(30)
                .perInterval(400)
                .errors(0.001)
                .endpoints(List.of(QUOTE, "POST /api/order"))
                .writeTo(dir.resolve("baseline"));
        Path candidate = SyntheticRun.of()
                .seed(12)
                .intervals(30)
                .perInterval(400)
                .errors(0.03)
                .latency(SyntheticRun.typical(2.0))
                .endpoints(List.of(QUOTE, "GET /api/news"))
                .writeTo(dir.resolve("candidate"));
        comparison = new RunComparer(CompareRules.defaults())
                .compare(ResultDirectoryReader.read(baseline), ResultDirectoryReader.read(candidate));
    }

    /**
     * After a deliberate format change, regenerate with {@code
     * -Dstampede.regenerateGolden=reporters/src/test/resources/dev/stampede/report/compare/compare-golden.json}
     * (an absolute path) and review the diff.
     */
    @Test
    void compareJsonMatchesTheGoldenFile() throws IOException {
        String json = CompareJsonWriter.toJson(comparison).replace(dir.toString(), "/results");
        String regenerate = System.getProperty("stampede.regenerateGolden");
        if (regenerate != null) {
            Files.writeString(Path.of(regenerate), json, StandardCharsets.UTF_8);
        }
        assertThat(json).isEqualTo(golden("compare-golden.json"));
    }

    @Test
    void compareJsonSaysWhatTheVerdictRests() throws IOException {
        Path file = dir.resolve("compare.json");
        CompareJsonWriter.write(comparison, file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());

        assertThat(json.path("format").asText()).isEqualTo("stampede-compare");
        assertThat(json.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.path("verdict").asText()).isEqualTo("regression");
        assertThat(json.path("anyInconclusive").asBoolean()).isTrue();
        JsonNode p99 = json.path("overall").path("latency").path("p99");
        assertThat(p99.path("verdict").asText()).isEqualTo("regression");
        assertThat(p99.path("baselineWindows").asInt()).isEqualTo(30); // 800 requests an interval
        assertThat(json.path("endpoints")
                        .get(0)
                        .path("latency")
                        .path("p99")
                        .path("baselineWindows")
                        .asInt())
                .isEqualTo(15); // 400 an interval: two intervals a window
        assertThat(p99.path("pAdjusted").asDouble()).isLessThan(0.01);
        assertThat(json.path("overall").path("errors").path("verdict").asText()).isEqualTo("regression");
        assertThat(json.path("endpoints")
                        .get(0)
                        .path("latency")
                        .path("p99.9")
                        .path("verdict")
                        .asText())
                .isEqualTo("inconclusive");
        assertThat(json.path("onlyInBaseline").get(0).asText()).isEqualTo("POST /api/order");
        assertThat(json.path("onlyInCandidate").get(0).asText()).isEqualTo("GET /api/news");
        assertThat(json.path("rules").path("windowSamples").path("p99").asInt()).isEqualTo(500);
        assertThat(Files.exists(dir.resolve("compare.json.tmp"))).isFalse();
    }

    @Test
    void htmlIsOneSelfContainedSectionWithBars() {
        String page = CompareHtml.page(comparison);
        String section = CompareHtml.section(comparison);

        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains(CompareHtml.BEGIN_MARK + "\n" + section + CompareHtml.END_MARK);
        assertThat(section)
                .startsWith("<section class=\"stampede-compare\">")
                .doesNotContain("<script", "http://", "https://", "src=")
                .contains("REGRESSION: p99 of (all endpoints)")
                .contains("<th colspan=\"5\">GET /api/quote/{code}</th>")
                .contains("only in the baseline (not judged): POST /api/order");
        // the overall p99 roughly doubled: a red bar to the right, clipped at full half width
        assertThat(section).containsPattern("<i class=\"regression\" style=\"left:50%;width:(4\\d|50)\\.\\d%\"></i>");
        // every rule in the style block is scoped to the section
        String style = section.substring(section.indexOf("<style>") + 7, section.indexOf("</style>"));
        assertThat(style.lines().filter(line -> !line.isBlank()))
                .allMatch(line -> line.startsWith(".stampede-compare"));
    }

    @Test
    void htmlEscapesNames() {
        assertThat(CompareHtml.escape("GET /a?<b>&\"c\"'")).isEqualTo("GET /a?&lt;b&gt;&amp;&quot;c&quot;&#39;");
    }

    @Test
    void tableShowsEachRowAndTheVerdictLine() {
        StringWriter text = new StringWriter();
        CompareTable.print(comparison, new PrintWriter(text));
        String table = text.toString();

        assertThat(table)
                .contains("baseline   " + dir.resolve("baseline") + "  run synthetic-11, 30 intervals")
                .containsPattern("\\(all endpoints\\) +REGRESSION")
                .containsPattern(
                        "p99 +\\d+\\.\\d ms +\\d+\\.\\d ms +\\+\\d+\\.\\d% \\(\\+\\d+\\.\\d ms\\) +REGRESSION: .*consistent across the run")
                .containsPattern("p50 .* no change\\n")
                .containsPattern("errors +0\\.\\d\\d% +\\d\\.\\d\\d% +\\+\\d\\.\\d\\d pp +REGRESSION")
                .containsPattern("p99\\.9 .* inconclusive: .* but only 2 and 2 windows of 5000 requests")
                .contains("only in the baseline (not judged): POST /api/order")
                .contains("only in the candidate (not judged): GET /api/news")
                .contains("verdict: REGRESSION: p99 of (all endpoints)");
        assertThat(table.lines().reduce((a, b) -> b).orElseThrow())
                .endsWith("(some changes were inconclusive: see above)");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = CompareOutputTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
