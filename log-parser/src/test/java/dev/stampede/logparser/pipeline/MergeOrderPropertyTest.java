package dev.stampede.logparser.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.NanoClock;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.nginx.NginxFormat;
import dev.stampede.logparser.input.Input;
import dev.stampede.logparser.store.RecordStoreReader;
import dev.stampede.logparser.store.RecordStoreWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random inputs (several files, local disorder, many equal times, random batch sizes, windows and
 * thread counts): what comes out is exactly the kept records stably sorted by (start, input, line);
 * every line is parsed or rejected as out of order; and disorder within the window rejects nothing.
 */
@Timeout(120)
class MergeOrderPropertyTest {

    private static final NginxFormat FORMAT = NginxFormat.compile("$msec \"$request\"");

    @TempDir
    Path dir;

    private record Line(int input, long line, long startMicros) {}

    @Test
    void outputIsTheKeptRecordsInStableTimeOrder() throws Exception {
        SplittableRandom random = new SplittableRandom(20261121);
        for (int round = 0; round < 60; round++) {
            int inputCount = 1 + random.nextInt(4);
            int jitterMillis = random.nextInt(4) * 500;
            long windowMicros = random.nextInt(4) * 500_000L;
            int batchLines = 1 + random.nextInt(40);
            int threads = 1 + random.nextInt(3);
            List<Input> inputs = new ArrayList<>();
            List<Line> all = new ArrayList<>();
            for (int input = 0; input < inputCount; input++) {
                StringBuilder text = new StringBuilder();
                int count = random.nextInt(300);
                long base = 1_700_000_000_000L;
                for (int i = 0; i < count; i++) {
                    base += random.nextInt(3) * 100L; // steps of 0.1 s: equal times are common
                    long millis = base - (jitterMillis == 0 ? 0 : random.nextInt(jitterMillis + 1));
                    millis = millis - millis % 100;
                    text.append(String.format(
                            Locale.ROOT,
                            "%d.%03d \"GET /i%d/l%d HTTP/1.1\"%n",
                            millis / 1000,
                            millis % 1000,
                            input,
                            i + 1));
                    all.add(new Line(input, i + 1, millis * 1000));
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
                inputs.add(new Input("in" + input, bytes.length, () -> new ByteArrayInputStream(bytes)));
            }
            ParseOptions options = new ParseOptions(List.of(), windowMicros, threads, batchLines, 4, 1 << 20, 5);
            String what = String.format(
                    Locale.ROOT,
                    "round %d: %d inputs, jitter %d ms, window %d us, %d-line batches, %d threads",
                    round,
                    inputCount,
                    jitterMillis,
                    windowMicros,
                    batchLines,
                    threads);

            List<RequestRecord> out = new ArrayList<>();
            ParseSummary summary = new ParseJob(FORMAT, options, NanoClock.system()).run(inputs, out::add, p -> {});

            assertThat(summary.linesRead()).as(what).isEqualTo(all.size());
            assertThat(summary.parsed() + summary.rejected()).as(what).isEqualTo(all.size());
            assertThat(summary.parsed()).as(what).isEqualTo(out.size());
            if (summary.rejected() > 0) {
                assertThat(summary.rejectedByReason()).as(what).containsOnlyKeys("out-of-order");
            }
            if (jitterMillis * 1000L <= windowMicros) {
                assertThat(summary.rejected()).as(what).isZero();
            }
            List<String> kept = out.stream().map(r -> r.uri()).toList();
            java.util.Set<String> keptSet = new java.util.HashSet<>(kept);
            List<String> expected = all.stream()
                    .filter(l -> keptSet.contains("/i" + l.input() + "/l" + l.line()))
                    .sorted(Comparator.comparingLong(Line::startMicros)
                            .thenComparingInt(Line::input)
                            .thenComparingLong(Line::line))
                    .map(l -> "/i" + l.input() + "/l" + l.line())
                    .toList();
            assertThat(kept).as(what).containsExactlyElementsOf(expected);

            if (round % 10 == 0) {
                assertThat(throughStore(inputs, options, round)).as(what).containsExactlyElementsOf(kept);
            }
        }
    }

    private List<String> throughStore(List<Input> inputs, ParseOptions options, int round) throws Exception {
        Path store = dir.resolve("store" + round);
        try (RecordStoreWriter writer = RecordStoreWriter.create(store, FORMAT.describe(), 0)) {
            new ParseJob(FORMAT, options, NanoClock.system()).run(inputs, writer, p -> {});
        }
        List<String> uris = new ArrayList<>();
        try (RecordStoreReader reader = RecordStoreReader.open(store)) {
            RequestRecord r = new RequestRecord();
            while (reader.next(r)) {
                uris.add(r.uri());
            }
        }
        return uris;
    }
}
