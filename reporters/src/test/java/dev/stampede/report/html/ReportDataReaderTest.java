package dev.stampede.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stampede.report.html.ReportData.EndpointRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDataReaderTest {

    @TempDir
    Path dir;

    @Test
    void wholeRunFiguresAreThoseOfTheMergedIntervalHistograms() throws IOException {
        SyntheticResultDir run = SyntheticResultDir.write(dir, 10);
        ReportData data = ReportData.read(dir);

        Histogram overall = SyntheticResultDir.histogram();
        run.latency.forEach(interval -> interval.forEach(overall::add));
        assertThat(data.overall().count()).isEqualTo(overall.getTotalCount());
        assertThat(data.overall().p99()).isEqualTo(overall.getValueAtPercentile(99));
        assertThat(data.overall().max()).isEqualTo(overall.getMaxValue());

        Histogram search = SyntheticResultDir.histogram();
        run.latency.forEach(interval -> search.add(interval.get(2)));
        EndpointRow row = row(data, SyntheticResultDir.ENDPOINTS.get(2));
        assertThat(row.latency().p999()).isEqualTo(search.getValueAtPercentile(99.9));
        assertThat(row.requests()).isEqualTo(search.getTotalCount());

        Histogram lag = SyntheticResultDir.histogram();
        run.sendLag.forEach(lag::add);
        assertThat(data.sendLag().p99()).isEqualTo(lag.getValueAtPercentile(99));
    }

    @Test
    void endpointsComeMostRequestsFirstWithCountsByClassFromRunJson() throws IOException {
        SyntheticResultDir run = SyntheticResultDir.write(dir, 10);
        ReportData data = ReportData.read(dir);

        assertThat(data.endpoints())
                .extracting(EndpointRow::name)
                .containsExactlyElementsOf(SyntheticResultDir.ENDPOINTS);
        Map<String, Long> quote = run.endpointTotals().get(SyntheticResultDir.ENDPOINTS.get(0));
        EndpointRow first = data.endpoints().get(0);
        assertThat(first.byClass())
                .containsEntry(Columns.OK, quote.get("ok"))
                .containsEntry(Columns.ERRORS_5XX, quote.get("http_5xx"));
        assertThat(first.requests()).isEqualTo(quote.get("ok") + quote.get("http_5xx"));
        assertThat(first.ratePerSec()).isCloseTo(first.requests() / 10.0, within(1e-9));
        assertThat(data.identity().complete()).isTrue();
        assertThat(data.verdict().slos()).hasSize(2);
        assertThat(data.capacity().steps()).hasSize(6);
        assertThat(data.capacity().maxSustainableRate()).isEqualTo(300);
    }

    @Test
    void pointsMergeConsecutiveIntervalsExactly() throws IOException {
        SyntheticResultDir run = SyntheticResultDir.write(dir, 10);
        ReportData data = ReportDataReader.read(dir, 4); // 10 intervals, 4 points at most: 3 per point

        ReportData.TimeSeries series = data.series();
        assertThat(series.bucketIntervals()).isEqualTo(3);
        assertThat(series.endSeconds()).containsExactly(3.0, 6.0, 9.0, 10.0);
        Histogram second = SyntheticResultDir.histogram();
        for (int i = 3; i < 6; i++) {
            run.latency.get(i).forEach(second::add);
        }
        assertThat(series.columns().get(Columns.P99)[1]).isEqualTo(second.getValueAtPercentile(99) / 1e6);
        assertThat(series.columns().get(Columns.MAX)[1]).isEqualTo(second.getMaxValue() / 1e6);
        // Target 100 for intervals 3-5, then 200 from interval 6: point 2 covers 6-8.
        assertThat(series.columns().get(Columns.TARGET)).containsExactly(100, 100, 200, 200);
        double sent = 0;
        double slowest = Double.MAX_VALUE;
        for (int i = 3; i < 6; i++) {
            long n = run.overallCounts.get(i).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            sent += n;
            slowest = Math.min(slowest, n);
        }
        assertThat(series.columns().get(Columns.ACHIEVED)[1]).isCloseTo(sent / 3, within(1e-9));
        assertThat(series.columns().get(Columns.ACHIEVED_MIN)[1]).isCloseTo(slowest, within(1e-9));
        // 5xx only in intervals 4 and 5 (point 1), timeouts only in the last interval (point 3).
        assertThat(series.columns().get(Columns.ERRORS_5XX)[0]).isZero();
        assertThat(series.columns().get(Columns.ERRORS_5XX)[1]).isPositive();
        assertThat(series.columns().get(Columns.ERRORS_TIMEOUT)).containsExactly(0, 0, 0, 2);
        assertThat(series.endpointP99Millis()).containsOnlyKeys(SyntheticResultDir.ENDPOINTS);
    }

    @Test
    void eventsAreInTimeOrderSinceTheLogStartWithAKind() throws IOException {
        SyntheticResultDir.write(dir, 10);
        List<ReportData.Event> events = ReportData.read(dir).events();

        assertThat(events).extracting(ReportData.Event::kind).containsExactly("other", "guard", "rate", "stop");
        assertThat(events.get(2).seconds()).isEqualTo(6.0);
    }

    @Test
    void aKilledRunIsReportedUpToItsLastCompleteInterval() throws IOException {
        SyntheticResultDir run = SyntheticResultDir.write(dir, 10);
        long errors =
                run.endpointTotals().get(SyntheticResultDir.ENDPOINTS.get(0)).get("http_5xx");
        Files.delete(dir.resolve("run.json"));
        Files.writeString(
                dir.resolve("latency.hlog"),
                "Tag=latency:GET%20/x,10.000,1.0,3.2,HISTFAAAA",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Files.writeString(
                dir.resolve("intervals.jsonl"),
                "{\"sequence\":11,\"startSec",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        ReportData data = ReportData.read(dir);

        assertThat(data.identity().complete()).isFalse();
        assertThat(data.verdict().notes())
                .anySatisfy(n -> assertThat(n).startsWith("No run.json"))
                .anySatisfy(n -> assertThat(n).contains("1 unreadable line(s) of latency.hlog"))
                .anySatisfy(n -> assertThat(n).contains("1 unreadable line(s) of intervals.jsonl"));
        assertThat(data.series().endSeconds()).hasSize(10);
        assertThat(row(data, SyntheticResultDir.ENDPOINTS.get(0)).byClass()).containsEntry(Columns.ERRORS_5XX, errors);
        assertThat(data.identity().durationSeconds()).isEqualTo(10.0);
        assertThat(data.events()).isEmpty();
    }

    @Test
    void withoutIntervalsJsonlTheRateComesFromTheLatencyCounts() throws IOException {
        SyntheticResultDir run = SyntheticResultDir.write(dir, 10);
        Files.delete(dir.resolve("intervals.jsonl"));
        Files.delete(dir.resolve("run.json"));

        ReportData data = ReportData.read(dir);

        Histogram first = SyntheticResultDir.histogram();
        run.latency.get(0).forEach(first::add);
        assertThat(data.series().columns().get(Columns.ACHIEVED)[0]).isCloseTo(first.getTotalCount(), within(1e-9));
        assertThat(data.series().columns()).doesNotContainKeys(Columns.TARGET, Columns.ERRORS_5XX);
        assertThat(data.endpoints()).allSatisfy(e -> assertThat(e.byClass()).isEmpty());
        assertThat(data.series().endpointP99Millis()).isEmpty();
    }

    @Test
    void refusesAnUnknownFormatVersion() throws IOException {
        SyntheticResultDir.write(dir, 3);
        Path runJson = dir.resolve("run.json");
        Files.writeString(runJson, Files.readString(runJson).replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));

        assertThatThrownBy(() -> ReportData.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("formatVersion 9 is not known");
    }

    @Test
    void aDirectoryWithoutALatencyLogIsNotAResultDirectory() {
        assertThatThrownBy(() -> ReportData.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("latency.hlog");
    }

    private static EndpointRow row(ReportData data, String name) {
        return data.endpoints().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
