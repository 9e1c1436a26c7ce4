package dev.stampede.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ResultDirectoryReaderTest {

    private static final String QUOTE = "GET /api/quote/{code}";

    @TempDir
    Path dir;

    @Test
    void readsLatencyCountsAndRatesOfACompleteRun() {
        Path run = SyntheticRun.of().seed(3).intervals(20).errors(0.05).writeTo(dir.resolve("run"));

        ResultRun read = ResultDirectoryReader.read(run);

        assertThat(read.complete()).isTrue();
        assertThat(read.runId()).isEqualTo("synthetic-3");
        assertThat(read.start()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(read.intervals()).isEqualTo(20);
        assertThat(read.notes()).isEmpty();
        assertThat(read.endpoints().keySet()).containsExactly(QUOTE, "POST /api/order");
        EndpointResult quote = read.endpoints().get(QUOTE);
        assertThat(quote.latency().count()).isEqualTo(20_000);
        assertThat(quote.latency().intervals()).isEqualTo(20);
        assertThat(quote.counts().attempted()).isEqualTo(20_000);
        assertThat(quote.counts().errorRate()).isBetween(0.04, 0.06);
        assertThat(quote.achievedRatePerSec()).isEqualTo(1_000.0);
        assertThat(read.overall().latency().count()).isEqualTo(40_000);
        assertThat(read.overall().achievedRatePerSec()).isEqualTo(2_000.0);
        // p50 of uniform 3-7 ms; p99 in the 30-50 ms tail (3 significant digits)
        assertThat(read.overall().latency().value(LatencyMetric.P50)).isBetween(4_800_000L, 5_200_000L);
        assertThat(read.overall().latency().value(LatencyMetric.P99)).isBetween(30_000_000L, 50_100_000L);
        // 1,000 requests an interval: p50/p90/p99 windows are single intervals, p99.9 windows take five
        assertThat(quote.latency().windows(LatencyMetric.P99)).hasSize(20);
        assertThat(quote.latency().windows(LatencyMetric.P99_9)).hasSize(4);
        assertThat(quote.latency().windows(LatencyMetric.MAX)).hasSize(4);
    }

    @Test
    void windowsHoldEnoughRequestsAboveThePercentile() {
        assertThat(LatencyMetric.ALL)
                .extracting(LatencyMetric::windowSamples)
                .containsExactly(10L, 50L, 500L, 5000L, 5000L);
        // 300 requests an interval: a p99 window takes two intervals (600 >= 500), the last odd one is left over
        Path run = SyntheticRun.of().intervals(7).perInterval(300).writeTo(dir.resolve("run"));
        assertThat(ResultDirectoryReader.read(run)
                        .endpoints()
                        .get(QUOTE)
                        .latency()
                        .windows(LatencyMetric.P99))
                .hasSize(3);
    }

    @Test
    void aKilledRunWithoutIntervalLogHasNoCounts() {
        Path run = SyntheticRun.of().intervals(12).killed().withoutIntervalLog().writeTo(dir.resolve("run"));

        ResultRun read = ResultDirectoryReader.read(run);

        assertThat(read.complete()).isFalse();
        assertThat(read.overall().hasCounts()).isFalse();
        assertThat(read.overall().achievedRatePerSec()).isEqualTo(2_000.0); // from the latency log's span
        assertThat(read.notes()).anyMatch(n -> n.contains("no intervals.jsonl either, so error rates are unknown"));
    }

    /** Killed while writing interval 12: the log stops inside its second endpoint's line. */
    @Test
    void anIntervalCutShortByAKillIsLeftOut() throws IOException {
        Path run = SyntheticRun.of().intervals(12).killed().writeTo(dir.resolve("run"));
        Path hlog = run.resolve("latency.hlog");
        String text = Files.readString(hlog, StandardCharsets.UTF_8);
        int cut = text.indexOf("Tag=latency:POST%20/api/order,11.000,") + 60;
        Files.writeString(hlog, text.substring(0, cut), StandardCharsets.UTF_8);
        Path intervals = run.resolve("intervals.jsonl");
        String lines = Files.readString(intervals, StandardCharsets.UTF_8);
        Files.writeString(intervals, lines.substring(0, lines.length() - 30), StandardCharsets.UTF_8);

        ResultRun read = ResultDirectoryReader.read(run);

        assertThat(read.intervals()).isEqualTo(11);
        assertThat(read.overall().latency().count()).isEqualTo(22_000);
        assertThat(read.endpoints().get(QUOTE).latency().count()).isEqualTo(11_000);
        assertThat(read.overall().counts().attempted()).isEqualTo(22_000);
        assertThat(read.notes())
                .anyMatch(n -> n.contains("latency.hlog: 1 interval(s) after the last complete one left out"))
                .anyMatch(n -> n.contains(run + ": intervals.jsonl: the last line was cut short"));
    }

    @Test
    void refusesWhatIsNotAResultDirectoryNamingThePath() throws IOException {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> ResultDirectoryReader.read(missing))
                .isInstanceOf(ResultDirectoryException.class)
                .hasMessage(missing + ": no such directory");

        Path file = Files.writeString(dir.resolve("file.txt"), "x", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ResultDirectoryReader.read(file)).hasMessageContaining(file + " is not a directory");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ResultDirectoryReader.read(empty))
                .hasMessage(empty + " is not a result directory: it has no latency.hlog");
    }

    @Test
    void refusesARunJsonOfAnotherFormatOrANewerVersion() throws IOException {
        Path run = SyntheticRun.of().intervals(2).writeTo(dir.resolve("run"));
        Path json = run.resolve("run.json");
        String text = Files.readString(json, StandardCharsets.UTF_8);

        Files.writeString(json, text.replace("\"formatVersion\": 1", "\"formatVersion\": 99"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ResultDirectoryReader.read(run))
                .hasMessageContaining(
                        json + " has formatVersion 99; this version of stampede reads stampede-run version 1");

        Files.writeString(json, text.replace("stampede-run", "k6-summary"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ResultDirectoryReader.read(run))
                .hasMessageContaining(json + " is not a stampede-run file (its \"format\" is \"k6-summary\")");

        Files.writeString(json, "{", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ResultDirectoryReader.read(run)).hasMessageContaining(json + " is not valid JSON");
    }

    @Test
    void endpointNamesSurviveTheLogsEscaping() {
        String odd = "GET /a b,c%d/ü";
        Path run = SyntheticRun.of().intervals(2).endpoints(List.of(odd)).writeTo(dir.resolve("run"));

        ResultRun read = ResultDirectoryReader.read(run);

        assertThat(read.endpoints().keySet()).containsExactly(odd);
        assertThat(read.endpoints().get(odd).latency().count()).isEqualTo(2_000);
    }
}
