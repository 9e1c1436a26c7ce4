package dev.stampede.logparser.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.common.time.NanoClock;
import dev.stampede.logparser.Datasets;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.nginx.NginxFormat;
import dev.stampede.logparser.input.Input;
import dev.stampede.logparser.input.Inputs;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ParseJobTest {

    private static final NginxFormat COMBINED = NginxFormat.preset("combined");

    @TempDir
    Path dir;

    private static String line(int second, String path, int status) {
        return String.format(
                java.util.Locale.ROOT,
                "10.0.0.1 - - [21/Nov/2026:09:30:%02d +0000] \"GET %s HTTP/1.1\" %d 10 \"-\" \"ua\"",
                second,
                path,
                status);
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
        return file;
    }

    private static ParseSummary run(ParseOptions options, List<Input> inputs, List<RequestRecord> out)
            throws InterruptedException {
        return new ParseJob(COMBINED, options, NanoClock.system()).run(inputs, out::add, p -> {});
    }

    @Test
    void everyLineIsAccountedForAndRecordsComeOutInTimeOrder() throws Exception {
        Path file = write("a.log", List.of(line(3, "/b", 200), line(1, "/a", 200), "garbage", line(2, "/c", 404), ""));
        List<RequestRecord> out = new ArrayList<>();

        ParseSummary summary = run(ParseOptions.defaults(), List.of(Inputs.file(file)), out);

        assertThat(out).extracting(RequestRecord::path).containsExactly("/a", "/c", "/b");
        assertThat(out).extracting(RequestRecord::sourceLine).containsExactly(2L, 4L, 1L);
        assertThat(summary.linesRead()).isEqualTo(5);
        assertThat(summary.parsed()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.rejectedByReason()).containsOnlyKeys("format-mismatch", "empty");
        assertThat(summary.parsed() + summary.rejected() + summary.skipped()).isEqualTo(summary.linesRead());
        assertThat(summary.rejectionSamples())
                .extracting(RejectedLine::describe)
                .containsExactly(
                        file + ":3: format-mismatch in remote_addr at column 1: no ' - ' after $remote_addr",
                        file + ":5: empty: blank line");
        assertThat(summary.inputs().get(file.toString()))
                .containsEntry("lines", 5L)
                .containsEntry("parsed", 3L);
        assertThat(summary.topEndpoints()).containsOnlyKeys("GET /a", "GET /b", "GET /c");
    }

    @Test
    void recordsLaterThanTheWindowAreRejectedAsOutOfOrderNotMisplaced() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            lines.add(line(s, "/x", 200));
        }
        lines.add(line(5, "/late", 200)); // 34 s behind the newest record
        Path file = write("late.log", lines);
        List<RequestRecord> out = new ArrayList<>();

        // One line per batch, so the late line arrives after newer records were already written.
        ParseOptions oneLineBatches = new ParseOptions(List.of(), 10_000_000L, 2, 1, 4, 1 << 20, 5);
        ParseSummary summary = run(oneLineBatches, List.of(Inputs.file(file)), out);

        assertThat(summary.rejectedByReason()).containsEntry("out-of-order", 1L);
        assertThat(out).extracting(RequestRecord::path).doesNotContain("/late");
        assertThat(summary.parsed()).isEqualTo(40);
        assertThat(summary.rejectionSamples().get(0).describe())
                .contains("late.log:41: out-of-order")
                .contains("raise --reorder-window");
        assertIncreasing(out);

        List<RequestRecord> wide = new ArrayList<>();
        ParseSummary widened =
                run(oneLineBatches.withReorderWindowMicros(60_000_000L), List.of(Inputs.file(file)), wide);
        assertThat(widened.rejected()).isZero();
        assertThat(wide).hasSize(41);
        assertIncreasing(wide);
    }

    @Test
    void manyInputsMergeIntoOneTimeOrderWhateverTheirCompression() throws Exception {
        Path plain = write("lb1.log", List.of(line(1, "/1", 200), line(4, "/4", 200)));
        Path gz = dir.resolve("lb2.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((line(2, "/2", 200) + "\n" + line(5, "/5", 200) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        Path zst = dir.resolve("lb3.log.zst");
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(zst))) {
            out.write(
                    (line(3, "/3", 200) + "\r\n" + line(6, "/6", 200) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        List<RequestRecord> out = new ArrayList<>();

        ParseSummary summary = run(ParseOptions.defaults(), Inputs.expand(List.of(dir + "/lb*"), System.in), out);

        assertThat(out).extracting(RequestRecord::path).containsExactly("/1", "/2", "/3", "/4", "/5", "/6");
        assertThat(out)
                .extracting(RequestRecord::sourceFile)
                .containsExactly(
                        plain.toString(),
                        gz.toString(),
                        zst.toString(),
                        plain.toString(),
                        gz.toString(),
                        zst.toString());
        assertThat(summary.rejected()).isZero();
        assertThat(summary.inputs()).hasSize(3);
    }

    @Test
    void filtersSkipAndCountByName() throws Exception {
        Path file = write(
                "f.log",
                List.of(
                        line(1, "/app.js", 200),
                        line(2, "/healthz", 200),
                        line(3, "/api/x", 200),
                        line(4, "/logo.PNG", 200),
                        line(5, "/api/y", 200)));
        List<RequestRecord> out = new ArrayList<>();

        ParseSummary summary = run(
                ParseOptions.defaults()
                        .withFilters(List.of(Filter.staticAssets(), Filter.healthChecks(), Filter.pathMatching("/y$"))),
                List.of(Inputs.file(file)),
                out);

        assertThat(out).extracting(RequestRecord::path).containsExactly("/api/x");
        assertThat(summary.skippedByFilter())
                .containsEntry("static-assets", 2L)
                .containsEntry("health-checks", 1L)
                .containsEntry("path=/y$", 1L);
        assertThat(summary.parsed() + summary.rejected() + summary.skipped()).isEqualTo(5);
    }

    @Test
    void stdinAndSmallBatchesAcrossThreadsKeepOrder() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append(line(i % 60, "/p" + i, 200)).append('\n');
        }
        Input stdin = new Input(
                "-", -1, () -> new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.ISO_8859_1)));
        ParseOptions options = new ParseOptions(List.of(), 60_000_000L, 3, 7, 8, 1 << 20, 5);
        List<RequestRecord> out = new ArrayList<>();

        ParseSummary summary = run(options, List.of(stdin), out);

        assertThat(summary.parsed()).isEqualTo(10_000);
        assertIncreasing(out);
        assertThat(out.get(0).sourceFile()).isEqualTo("-");
    }

    @Test
    void elasticNginxDatasetInOrderWithAMinuteWindow() throws Exception {
        List<RequestRecord> out = new ArrayList<>();

        ParseSummary summary = run(
                ParseOptions.defaults().withReorderWindowMicros(60_000_000L),
                List.of(Inputs.file(Datasets.file("elastic-nginx-combined/nginx_logs.first29479"))),
                out);

        assertThat(summary.linesRead()).isEqualTo(29_479);
        assertThat(summary.parsed()).isEqualTo(29_479);
        assertThat(summary.rejected()).isZero();
        assertIncreasing(out);
        assertThat(summary.topEndpoints().keySet().iterator().next()).isEqualTo("GET /downloads/product_1");
        assertThat(ParseSummary.iso(summary.firstStartMicros())).isEqualTo("2015-05-17T08:05:00Z");

        List<RequestRecord> narrow = new ArrayList<>();
        ParseSummary defaults = run(
                ParseOptions.defaults(),
                List.of(Inputs.file(Datasets.file("elastic-nginx-combined/nginx_logs.first29479"))),
                narrow);
        assertThat(defaults.rejectedByReason()).containsOnlyKeys("out-of-order");
        assertThat(defaults.parsed() + defaults.rejected()).isEqualTo(29_479);
        assertIncreasing(narrow);
    }

    @Test
    void writingAStoreGivesTheSameRecordsInTheSameOrderAsObjects() throws Exception {
        Path a = write("a.log", List.of(line(3, "/3", 200), line(1, "/1", 200), "junk", line(5, "/5", 200)));
        Path b = write("b.log", List.of(line(2, "/2", 404), line(4, "/4", 200)));
        List<Input> inputs = List.of(Inputs.file(a), Inputs.file(b));
        List<RequestRecord> objects = new ArrayList<>();
        ParseSummary objectSummary = run(ParseOptions.defaults(), inputs, objects);
        Path store = dir.resolve("store");

        ParseSummary storeSummary;
        try (dev.stampede.logparser.store.RecordStoreWriter writer =
                dev.stampede.logparser.store.RecordStoreWriter.create(store, COMBINED.describe(), 0)) {
            storeSummary =
                    new ParseJob(COMBINED, ParseOptions.defaults(), NanoClock.system()).run(inputs, writer, p -> {});
        }

        List<String> stored = new ArrayList<>();
        try (dev.stampede.logparser.store.RecordStoreReader reader =
                dev.stampede.logparser.store.RecordStoreReader.open(store)) {
            RequestRecord r = new RequestRecord();
            while (reader.next(r)) {
                stored.add(r + " " + r.headers());
            }
        }
        assertThat(stored)
                .containsExactlyElementsOf(
                        objects.stream().map(r -> r + " " + r.headers()).toList());
        assertThat(stored).hasSize(5);
        assertThat(storeSummary.parsed()).isEqualTo(objectSummary.parsed());
        assertThat(storeSummary.rejectedByReason()).isEqualTo(objectSummary.rejectedByReason());
        assertThat(storeSummary.topEndpoints()).isEqualTo(objectSummary.topEndpoints());
    }

    @Test
    void anUnreadableInputFailsNamingIt() {
        Input broken = new Input("broken.log", 10, () -> {
            throw new IOException("disk on fire");
        });
        assertThatThrownBy(() -> run(ParseOptions.defaults(), List.of(broken), new ArrayList<>()))
                .isInstanceOf(InputFailedException.class)
                .hasMessageContaining("cannot read broken.log")
                .hasMessageContaining("disk on fire");
        assertThatThrownBy(() -> Inputs.expand(List.of(dir + "/nothing*"), System.in))
                .hasMessageContaining("no input matches");
        assertThatThrownBy(() -> Inputs.expand(List.of(dir + "/missing.log"), System.in))
                .hasMessageContaining("does not exist");
    }

    private static void assertIncreasing(List<RequestRecord> records) {
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).startMicros())
                    .as("record %d", i)
                    .isGreaterThanOrEqualTo(records.get(i - 1).startMicros());
        }
    }
}
