package dev.stampede.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.IntervalRecorder;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.OutcomeCounts;
import dev.stampede.engine.measure.RunJsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultsTest {

    @TempDir
    Path dir;

    @Test
    void aCompleteRunReadsBackAsTheEngineHadIt() throws IOException {
        ResultFixture fixture = ResultFixture.write(dir);

        RunResults results = RunResults.read(dir);

        assertThat(results.complete()).isTrue();
        assertThat(results.notes()).isEmpty();
        assertThat(results.run().orElseThrow().runId()).isEqualTo("20260101-000000-fixture");
        assertThat(results.startEpochMillis()).isEqualTo(1_767_225_600_000L);
        assertThat(results.endSeconds()).isEqualTo(3.5);
        assertThat(results.sendingSeconds()).isEqualTo(3.5);
        assertThat(results.overall().latency()).isEqualTo(fixture.latencyAtEnd);
        assertThat(results.endpoints())
                .extracting(SeriesResults::name)
                .containsExactlyElementsOf(ResultFixture.ENDPOINTS);

        OutcomeCounts totals = results.overall().totals().orElseThrow();
        assertThat(totals.total()).isEqualTo(700);
        assertThat(totals.get(Outcome.TIMEOUT)).isEqualTo(1);
        assertThat(totals.get(Outcome.UNSENT_INFLIGHT_CAP)).isEqualTo(1);
        assertThat(results.overall().latency().getTotalCount()).isEqualTo(totals.attempted());
        assertThat(results.endpoint("GET /search?q=a b,c")
                        .orElseThrow()
                        .latency()
                        .getTotalCount())
                .as("a name with a space and a comma comes back from its escaped tag")
                .isEqualTo(232); // 233 requests, one of them unsent

        assertThat(results.intervals()).hasSize(4);
        assertThat(results.intervals().get(3).endSeconds()).isEqualTo(3.5);
        assertThat(results.intervals().get(0).targetRate()).isEqualTo(200.0);
        assertThat(results.slo()).hasSize(3);
        assertThat(results.events()).hasSize(3);
        assertThat(results.capacity()).isEmpty();
    }

    @Test
    void eachIntervalIsOnePointWithItsPercentiles() throws IOException {
        ResultFixture.write(dir);

        List<IntervalPoint> points = RunResults.read(dir).overall().points();

        assertThat(points).extracting(IntervalPoint::startSeconds).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(points).extracting(IntervalPoint::endSeconds).containsExactly(1.0, 2.0, 3.0, 3.5);
        assertThat(points).extracting(IntervalPoint::count).containsExactly(200L, 199L, 200L, 100L);
        IntervalPoint second = points.get(1);
        assertThat(second.maxNanos()).as("the timeout's 2 s").isBetween(1_999_000_000L, 2_002_000_000L);
        assertThat(second.p50Nanos()).isLessThan(second.p90Nanos()).isLessThan(second.p99Nanos());
        assertThat(second.p99Nanos()).isLessThanOrEqualTo(second.p999Nanos());
        assertThat(second.sendLagP99Nanos()).isBetween(100_000L, 121_000L);
        assertThat(second.serviceP99Nanos()).isPositive();
    }

    @Test
    void aKilledRunIsReportedUpToItsLastCompleteInterval() throws IOException {
        ResultFixture fixture = ResultFixture.write(dir);
        killAfterTwoIntervals();

        RunResults results = RunResults.read(dir);

        assertThat(results.complete()).isFalse();
        assertThat(results.run()).isEmpty();
        assertThat(results.intervals()).hasSize(2);
        assertThat(results.endSeconds()).isEqualTo(2.0);
        assertThat(results.overall().latency()).isEqualTo(fixture.latencyAfterTwo);
        assertThat(results.endpoint("POST /api/order").orElseThrow().latency()).isEqualTo(fixture.orderLatencyAfterTwo);
        assertThat(results.overall().totals())
                .contains(fixture.afterTwo.overall().totalCounts());
        assertThat(results.endpoint("POST /api/order").orElseThrow().totals())
                .contains(fixture.afterTwo.endpoint("POST /api/order").totalCounts());
        assertThat(results.overall().points()).hasSize(2);
        assertThat(results.slo()).isEmpty();
        assertThat(results.generator().use().ring().size()).as("unknown").isZero();
        assertThat(results.generator().sendLagP99Nanos()).isBetween(100_000L, 121_000L);
        assertThat(results.notes())
                .anySatisfy(note -> assertThat(note).startsWith("no run.json: the run did not end"))
                .anySatisfy(note -> assertThat(note).startsWith("intervals.jsonl: the last line was cut short"))
                .anySatisfy(note -> assertThat(note).startsWith("latency.hlog: the last line was cut short"))
                .anySatisfy(note ->
                        assertThat(note).isEqualTo("latency.hlog: 2 interval(s) after the last complete one left out"));
    }

    @Test
    void withoutIntervalsJsonlTheLogsLastIntervalIsLeftOutAndCountsAreUnknown() throws IOException {
        ResultFixture fixture = ResultFixture.write(dir);
        Files.delete(dir.resolve(RunJsonWriter.FILE_NAME));
        Files.delete(dir.resolve(IntervalLog.FILE_NAME));
        truncateLogAfter("Tag=service,2.000,"); // the third interval is in the log in part

        RunResults results = RunResults.read(dir);

        assertThat(results.overall().points()).hasSize(2);
        assertThat(results.overall().latency()).isEqualTo(fixture.latencyAfterTwo);
        assertThat(results.overall().totals()).isEmpty();
        assertThat(results.endpoints()).allSatisfy(e -> assertThat(e.totals()).isEmpty());
        assertThat(results.notes()).anySatisfy(note -> assertThat(note).contains("outcome counts are unknown"));
    }

    @Test
    void aCorruptLineIsSkippedAndSaidWhereTheRestStaysExact() throws IOException {
        ResultFixture.write(dir);
        Path hlog = dir.resolve(IntervalRecorder.HLOG_FILE_NAME);
        List<String> lines = Files.readAllLines(hlog, StandardCharsets.UTF_8);
        int untaggedSecond = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("1.000,")) {
                untaggedSecond = i;
            }
        }
        String line = lines.get(untaggedSecond);
        lines.set(untaggedSecond, line.substring(0, line.length() - 20) + "AAAAAAAAAAAAAAAAAAAA");
        Files.write(hlog, lines, StandardCharsets.UTF_8);

        RunResults results = RunResults.read(dir);

        assertThat(results.notes())
                .singleElement()
                .asString()
                .startsWith("latency.hlog line " + (untaggedSecond + 1) + ": its histogram could not be decoded");
        assertThat(results.overall().latency().getTotalCount()).isEqualTo(699 - 199);
        assertThat(results.endpoints().stream()
                        .mapToLong(e -> e.latency().getTotalCount())
                        .sum())
                .isEqualTo(699);
    }

    @Test
    void refusesAFormatVersionItDoesNotKnowAndADirectoryWithoutALog() throws IOException {
        ResultFixture.write(dir);
        Path runJson = dir.resolve(RunJsonWriter.FILE_NAME);
        Files.writeString(
                runJson,
                Files.readString(runJson, StandardCharsets.UTF_8)
                        .replace("\"formatVersion\": 1", "\"formatVersion\": 9"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RunResults.read(dir))
                .isInstanceOf(InvalidResultsException.class)
                .hasMessageContaining("has formatVersion 9; this version of stampede reads stampede-run version 1");

        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> RunResults.read(empty))
                .isInstanceOf(InvalidResultsException.class)
                .hasMessageContaining("has no latency.hlog");
    }

    @Test
    void aCapacitySearchsStepTableIsReadBack() throws IOException {
        ResultFixture.write(dir);
        try (var in = RunResultsTest.class.getResourceAsStream("capacity.json")) {
            Files.write(dir.resolve("capacity.json"), in.readAllBytes()); // the traffic controller's golden file
        }

        CapacityTable capacity = RunResults.read(dir).capacity().orElseThrow();

        assertThat(capacity.outcome()).isEqualTo("kneeFound");
        assertThat(capacity.maxSustainableRate()).isEqualTo(2500);
        assertThat(capacity.unit()).isEqualTo("req/s");
        assertThat(capacity.steps()).hasSize(6);
        CapacityTable.Step first = capacity.steps().get(0);
        assertThat(first.phase()).isEqualTo("ramp");
        assertThat(first.targetRate()).isEqualTo(1000);
        assertThat(first.requests()).isEqualTo(3000);
        assertThat(first.p99Nanos()).isEqualTo(20_004_863);
        assertThat(first.errorRatio()).isEqualTo(0.001);
        assertThat(capacity.steps()).anySatisfy(step -> assertThat(step.good()).isFalse());
    }

    @Test
    void histogramsHandedOutAreCopies() throws IOException {
        ResultFixture.write(dir);
        RunResults results = RunResults.read(dir);

        Histogram latency = results.overall().latency();
        latency.recordValue(1);

        assertThat(results.overall().latency().getTotalCount()).isEqualTo(latency.getTotalCount() - 1);
    }

    /** As a kill -9 during the third interval leaves it: no run.json, torn last lines, a log ahead of the jsonl. */
    private void killAfterTwoIntervals() throws IOException {
        Files.delete(dir.resolve(RunJsonWriter.FILE_NAME));
        Path jsonl = dir.resolve(IntervalLog.FILE_NAME);
        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        Files.writeString(
                jsonl,
                lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).substring(0, 40),
                StandardCharsets.UTF_8);
        truncateLogAfter("Tag=service,3.000,"); // intervals 3 and part of 4 were written before the kill
    }

    /** Cuts the log in the middle of the first line starting with {@code prefix}. */
    private void truncateLogAfter(String prefix) throws IOException {
        Path hlog = dir.resolve(IntervalRecorder.HLOG_FILE_NAME);
        String text = Files.readString(hlog, StandardCharsets.UTF_8);
        int at = text.indexOf("\n" + prefix);
        assertThat(at).as(prefix).isPositive();
        Files.writeString(hlog, text.substring(0, at + 1 + prefix.length() + 30), StandardCharsets.UTF_8);
        Files.writeString(hlog, "", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
