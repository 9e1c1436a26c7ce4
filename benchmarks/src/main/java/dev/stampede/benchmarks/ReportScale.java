package dev.stampede.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampede.engine.measure.HlogTags;
import dev.stampede.report.html.HtmlReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * How long {@code report.html} takes for a big run, and how big it gets: writes a synthetic result directory
 * the way the engine does ({@code latency.hlog} with latency, service and send-lag lines per endpoint and
 * overall, 1 ns to 1 hour at 3 digits; {@code intervals.jsonl}; {@code run.json}), then times {@link
 * HtmlReport#write(Path)} several times in this JVM (the first is a cold start, as {@code stampede report}
 * is).
 *
 * <p>Interval histograms are real (log-normal latencies, a slow spell from 50% to 52% of the run, 5xx errors
 * in it) but, to keep generation quick, each endpoint cycles through 16 pre-encoded variants per metric; the
 * reader cannot tell, it decodes every line.
 *
 * <p>{@code java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.stampede.benchmarks.ReportScale [DIR]
 * [SECONDS] [RATE] [ENDPOINTS] [REPEATS]} (defaults: a temporary directory, 3600, 10000, 30, 3). See {@code
 * benchmarks/report/scale.sh}.
 */
public final class ReportScale {

    private static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private static final int VARIANTS = 16;
    private static final long START_EPOCH_MILLIS = 1_795_305_709_145L;

    private ReportScale() {}

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("stampede-report-scale");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3600;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int endpoints = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Files.createDirectories(dir);

        long t0 = System.nanoTime();
        new Generator(dir, seconds, rate, endpoints).write();
        out.printf(
                Locale.ROOT,
                "generated %d s at %d req/s over %d endpoints in %.1f s: latency.hlog %.1f MB, intervals.jsonl %.1f MB%n",
                seconds,
                rate,
                endpoints,
                (System.nanoTime() - t0) / 1e9,
                Files.size(dir.resolve("latency.hlog")) / 1e6,
                Files.size(dir.resolve("intervals.jsonl")) / 1e6);
        for (int i = 1; i <= repeats; i++) {
            long start = System.nanoTime();
            Path report = HtmlReport.write(dir);
            double elapsed = (System.nanoTime() - start) / 1e9;
            Runtime runtime = Runtime.getRuntime();
            out.printf(
                    Locale.ROOT,
                    "report %d: %.2f s, report.html %.2f MB, heap used %.0f MB of max %.0f MB%n",
                    i,
                    elapsed,
                    Files.size(report) / 1e6,
                    (runtime.totalMemory() - runtime.freeMemory()) / 1e6,
                    runtime.maxMemory() / 1e6);
        }
        out.println("result directory: " + dir);
    }

    private static final class Generator {
        private final Path dir;
        private final int seconds;
        private final int rate;
        private final String[] names;
        private final double[] shares;
        private final SplittableRandom random = new SplittableRandom(7);

        Generator(Path dir, int seconds, int rate, int endpoints) {
            this.dir = dir;
            this.seconds = seconds;
            this.rate = rate;
            this.names = new String[endpoints];
            this.shares = new double[endpoints];
            double sum = 0;
            for (int e = 0; e < endpoints; e++) {
                names[e] = (e % 3 == 0 ? "POST" : "GET") + " /api/v1/service" + e + "/{id}";
                shares[e] = 1.0 / (e + 1); // Zipf: a few endpoints take most requests
                sum += shares[e];
            }
            for (int e = 0; e < endpoints; e++) {
                shares[e] /= sum;
            }
        }

        void write() throws IOException {
            int endpoints = names.length;
            // [endpoint or overall][metric][slow?][variant]
            String[][][][] lines = new String[endpoints + 1][3][2][VARIANTS];
            for (int e = 0; e <= endpoints; e++) {
                double share = e < endpoints ? shares[e] : 1.0;
                double medianMs = e < endpoints ? 2 + e % 7 : 4;
                for (int slow = 0; slow < 2; slow++) {
                    for (int v = 0; v < VARIANTS; v++) {
                        Histogram[] h = sample(
                                (int) Math.max(1, Math.round(rate * share)), medianMs * (slow + 1) * (1 + 9 * slow));
                        for (int m = 0; m < 3; m++) {
                            lines[e][m][slow][v] = encode(h[m]);
                        }
                    }
                }
            }
            String[] prefixes = {"latency", "service", "send-lag"};
            try (Writer hlog = new BufferedWriter(
                            Files.newBufferedWriter(dir.resolve("latency.hlog"), StandardCharsets.UTF_8), 1 << 20);
                    Writer jsonl = new BufferedWriter(
                            Files.newBufferedWriter(dir.resolve("intervals.jsonl"), StandardCharsets.UTF_8), 1 << 20)) {
                hlog.write("#stampede run synthetic (benchmarks ReportScale)\n#[Histogram log format version 1.3]\n");
                hlog.write(String.format(
                        Locale.ROOT,
                        "#[StartTime: %.3f (seconds since epoch), synthetic]%n",
                        START_EPOCH_MILLIS / 1e3));
                hlog.write(String.format(
                        Locale.ROOT, "#[BaseTime: %.3f (seconds since epoch)]%n", START_EPOCH_MILLIS / 1e3));
                hlog.write(
                        "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n");
                for (int i = 0; i < seconds; i++) {
                    int slow = i >= seconds / 2 && i < seconds / 2 + seconds / 50 ? 1 : 0;
                    String times = String.format(Locale.ROOT, "%.3f,1.000,%.3f,", (double) i, 50.0 * (slow + 1));
                    for (int e = 0; e <= endpoints; e++) {
                        int v = (i * 7 + e * 13) % VARIANTS;
                        for (int m = 0; m < 3; m++) {
                            String tag = e < endpoints
                                    ? "Tag=" + prefixes[m] + ":" + HlogTags.escape(names[e]) + ","
                                    : m == 0 ? "" : "Tag=" + prefixes[m] + ",";
                            hlog.write(tag);
                            hlog.write(times);
                            hlog.write(lines[e][m][slow][v]);
                            hlog.write('\n');
                        }
                    }
                    jsonl.write(interval(i, slow == 1));
                    jsonl.write('\n');
                }
            }
            writeRunJson();
        }

        private String interval(int i, boolean slow) {
            StringBuilder json = new StringBuilder(4096);
            json.append(String.format(
                    Locale.ROOT,
                    "{\"sequence\":%d,\"startSeconds\":%d.0,\"endSeconds\":%d.0,\"endEpochMillis\":%d,\"targetRate\":%d.0,\"inFlight\":%d,",
                    i + 1,
                    i,
                    i + 1,
                    START_EPOCH_MILLIS + (i + 1) * 1000L,
                    rate,
                    slow ? 900 : 40));
            long ok = 0;
            long errors = 0;
            StringBuilder perEndpoint = new StringBuilder();
            for (int e = 0; e < names.length; e++) {
                long n = Math.round(rate * shares[e]);
                long bad = slow && e % 4 == 0 ? n / 20 : random.nextInt(1000) == 0 ? 1 : 0;
                ok += n - bad;
                errors += bad;
                perEndpoint
                        .append(e == 0 ? "" : ",")
                        .append('"')
                        .append(names[e])
                        .append("\":{\"ok\":")
                        .append(n - bad);
                perEndpoint.append(bad > 0 ? ",\"http_5xx\":" + bad : "").append('}');
            }
            json.append("\"overall\":{\"ok\":")
                    .append(ok)
                    .append(errors > 0 ? ",\"http_5xx\":" + errors : "")
                    .append("},");
            return json.append("\"endpoints\":{")
                    .append(perEndpoint)
                    .append("}}")
                    .toString();
        }

        private void writeRunJson() throws IOException {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode run = mapper.createObjectNode();
            run.put("format", "stampede-run").put("formatVersion", 1).put("runId", "synthetic-report-scale");
            run.put("scenario", "url").put("target", "http://127.0.0.1:18090/");
            run.putObject("versions").put("stampede", "benchmark");
            run.put("startEpochMillis", START_EPOCH_MILLIS).put("endEpochMillis", START_EPOCH_MILLIS + seconds * 1000L);
            run.put("mode", "fixed-rate").put("achievedRatePerSec", rate);
            ArrayNode events = run.putArray("events");
            events.addObject().put("epochMillis", START_EPOCH_MILLIS).put("text", "started: synthetic");
            events.addObject()
                    .put("epochMillis", START_EPOCH_MILLIS + seconds * 500L)
                    .put("text", "guard p99: breached");
            events.addObject()
                    .put("epochMillis", START_EPOCH_MILLIS + seconds * 1000L)
                    .put("text", "schedule ended");
            run.putArray("endpoints");
            run.put("generatorFellBehind", false).put("generatorFellBehindReason", "");
            run.putArray("slo");
            Files.writeString(dir.resolve("run.json"), mapper.writeValueAsString(run), StandardCharsets.UTF_8);
        }

        /** Latency, service time and send lag of {@code n} requests around {@code medianMs}. */
        private Histogram[] sample(int n, double medianMs) {
            Histogram latency = new Histogram(1, HIGHEST_NANOS, 3);
            Histogram service = new Histogram(1, HIGHEST_NANOS, 3);
            Histogram lag = new Histogram(1, HIGHEST_NANOS, 3);
            for (int i = 0; i < n; i++) {
                long lagNanos = 5_000 + (long) (-Math.log(1 - random.nextDouble()) * 40_000);
                long serviceNanos = (long) (medianMs * 1e6 * Math.exp(gaussian() * 0.6));
                latency.recordValue(Math.min(HIGHEST_NANOS, lagNanos + serviceNanos));
                service.recordValue(Math.min(HIGHEST_NANOS, serviceNanos));
                lag.recordValue(lagNanos);
            }
            return new Histogram[] {latency, service, lag};
        }

        private double gaussian() {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }

        private static String encode(Histogram histogram) {
            ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
            int length = histogram.encodeIntoCompressedByteBuffer(buffer);
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
        }
    }
}
