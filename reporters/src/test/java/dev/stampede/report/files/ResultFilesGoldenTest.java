package dev.stampede.report.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.report.model.ResultFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report files of the fixed synthetic result directory ({@link ResultFixture}) against golden files.
 *
 * <p>After a deliberate format change, regenerate them with {@code
 * -Dstampede.regenerateGolden=/absolute/path/to/reporters/src/test/resources/dev/stampede/report/files}
 * (the three files are written there) and review the diff.
 */
class ResultFilesGoldenTest {

    private static final List<String> GOLDEN = List.of("summary.json", "junit.xml", "POST_api_order.hgrm");

    @TempDir
    Path dir;

    @Test
    void theReportFilesMatchTheGoldenFiles() throws IOException {
        ResultFixture.write(dir);

        ResultFiles.Written written = ResultFiles.writeAll(dir);

        assertThat(written.files())
                .extracting(file -> file.getFileName().toString())
                .containsExactly(
                        "summary.json",
                        "junit.xml",
                        "latency.hgrm",
                        "GET_api_quote_code.hgrm",
                        "POST_api_order.hgrm",
                        "GET_search_q_a_b_c.hgrm",
                        "report.html");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
        String regenerate = System.getProperty("stampede.regenerateGolden");
        for (String name : GOLDEN) {
            String text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
            if (regenerate != null) {
                Files.writeString(Path.of(regenerate, name), text, StandardCharsets.UTF_8);
            }
            assertThat(text).as(name).isEqualTo(golden(name));
        }
    }

    @Test
    void theSameResultsGiveTheSameBytesWhereverTheyAre() throws IOException {
        Path one = Files.createDirectory(dir.resolve("one"));
        Path two = Files.createDirectory(dir.resolve("two"));
        ResultFixture.write(one);
        ResultFixture.write(two);

        ResultFiles.writeAll(one);
        ResultFiles.writeAll(two);
        ResultFiles.writeAll(two); // again, over its own files

        for (String name : List.of("summary.json", "junit.xml", "latency.hgrm", "GET_search_q_a_b_c.hgrm")) {
            assertThat(Files.readAllBytes(two.resolve(name))).as(name).isEqualTo(Files.readAllBytes(one.resolve(name)));
        }
    }

    @Test
    void aKilledRunSaysSoInEveryFile() throws IOException {
        ResultFixture fixture = ResultFixture.write(dir);
        Files.delete(dir.resolve(RunJsonWriter.FILE_NAME));
        Path jsonl = dir.resolve(IntervalLog.FILE_NAME);
        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        Files.writeString(jsonl, lines.get(0) + "\n" + lines.get(1) + "\n", StandardCharsets.UTF_8);

        ResultFiles.writeAll(dir);

        JsonNode summary =
                new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("complete").asBoolean()).isFalse();
        assertThat(summary.get("run").isNull()).isTrue();
        assertThat(summary.get("notes").get(0).asText()).startsWith("no run.json: the run did not end");
        assertThat(summary.get("measurement").get("intervals").asInt()).isEqualTo(2);
        JsonNode requests = summary.get("overall").get("requests");
        assertThat(requests.get("scheduled").asLong())
                .isEqualTo(fixture.afterTwo.overall().totalCounts().total())
                .isEqualTo(400);
        assertThat(summary.get("overall").get("latencyNanos").get("count").asLong())
                .isEqualTo(fixture.latencyAfterTwo.getTotalCount());
        assertThat(summary.get("overall").get("rates").get("attemptedPerSec").asDouble())
                .isEqualTo(399 / 2.0);
        assertThat(summary.get("generator").get("judgedOn").asText()).startsWith("send lag of the complete intervals");
        assertThat(summary.get("generator").get("ring").isNull()).isTrue();
        assertThat(summary.get("slo")).isEmpty();

        String junit = Files.readString(dir.resolve("junit.xml"), StandardCharsets.UTF_8);
        assertThat(junit)
                .contains("tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\"")
                .contains("<skipped message=\"unknown: the run did not end (no run.json)")
                .contains("<failure type=\"run check failed\" message=\"the run did not end (no run.json): requests in"
                        + " flight when it was stopped have no outcome; 400 scheduled = 399 attempted + 1 unsent (ok 378,"
                        + " http_5xx 20, timeout 1, unsent_inflight_cap 1) in the 2 complete intervals reported\"");
        assertThat(Files.readString(dir.resolve("latency.hgrm"), StandardCharsets.UTF_8))
                .isEqualTo(HgrmFiles.distribution(fixture.latencyAfterTwo));
    }

    @Test
    void countsThatDoNotAddUpFailTheCheck() throws IOException {
        ResultFixture.write(dir);
        Path jsonl = dir.resolve(IntervalLog.FILE_NAME);
        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        Files.writeString(
                jsonl, lines.get(0) + "\n" + lines.get(2) + "\n" + lines.get(3) + "\n", StandardCharsets.UTF_8);

        Check check = RunChecks.accounting(dev.stampede.report.model.RunResults.read(dir));

        assertThat(check.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check.message())
                .isEqualTo("the counts do not add up: 700 scheduled = 699 attempted + 1 unsent (ok 663, http_5xx 35,"
                        + " timeout 1, unsent_inflight_cap 1) in run.json, but intervals.jsonl adds up to 500 scheduled"
                        + " = 500 attempted + 0 unsent (ok 475, http_5xx 25)");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ResultFilesGoldenTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name + " (regenerate: see the class comment)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
