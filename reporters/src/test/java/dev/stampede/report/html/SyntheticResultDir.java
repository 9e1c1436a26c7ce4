package dev.stampede.report.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampede.engine.measure.HlogTags;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A result directory written the way the engine writes one (the line order and tags of {@code latency.hlog},
 * {@code intervals.jsonl}, {@code run.json}), from a fixed seed, with the interval histograms kept so tests
 * can compute the expected figures with HdrHistogram directly. Endpoint 0 gets 5xx errors in intervals 4 and
 * 5; the rate steps up at interval 6.
 */
final class SyntheticResultDir {

    static final long START_EPOCH_MILLIS = 1_795_305_709_145L;
    static final long HIGHEST_NANOS = 3_600_000_000_000L;
    static final List<String> ENDPOINTS =
            List.of("GET /api/quote/{code}", "POST /api/order", "GET /api/search?q=<script>&x=1", "GET /health");

    final Path dir;
    final int intervals;
    /** Per interval, per endpoint: the latency histogram written. */
    final List<List<Histogram>> latency = new ArrayList<>();
    /** Per interval: the overall send-lag histogram written. */
    final List<Histogram> sendLag = new ArrayList<>();

    final List<Map<String, Long>> overallCounts = new ArrayList<>();
    final double[] targetRates;

    private SyntheticResultDir(Path dir, int intervals) {
        this.dir = dir;
        this.intervals = intervals;
        this.targetRates = new double[intervals];
    }

    /** Writes every file, {@code capacity.json} included. */
    static SyntheticResultDir write(Path dir, int intervals) throws IOException {
        SyntheticResultDir result = new SyntheticResultDir(dir, intervals);
        result.writeLogs(new Random(42));
        result.writeRunJson();
        result.writeCapacityJson();
        return result;
    }

    private void writeLogs(Random random) throws IOException {
        try (OutputStream file = Files.newOutputStream(dir.resolve("latency.hlog"));
                PrintStream hlog = new PrintStream(file, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(hlog);
            writer.outputComment("stampede run http://127.0.0.1:18090");
            writer.outputLogFormatVersion();
            writer.outputStartTime(START_EPOCH_MILLIS);
            writer.setBaseTime(START_EPOCH_MILLIS);
            writer.outputBaseTime(START_EPOCH_MILLIS);
            writer.outputLegend();
            StringBuilder jsonl = new StringBuilder();
            for (int i = 0; i < intervals; i++) {
                writeInterval(writer, random, i, jsonl);
            }
            Files.writeString(dir.resolve("intervals.jsonl"), jsonl, StandardCharsets.UTF_8);
        }
    }

    private void writeInterval(HistogramLogWriter writer, Random random, int i, StringBuilder jsonl) {
        double start = i;
        double end = i + 1.0;
        double rate = i < 6 ? 100 : 200;
        targetRates[i] = rate;
        Histogram overall = histogram();
        Histogram overallLag = histogram();
        List<Histogram> perEndpoint = new ArrayList<>();
        Map<String, Map<String, Long>> endpointCounts = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (int e = 0; e < ENDPOINTS.size(); e++) {
            Histogram lat = histogram();
            Histogram service = histogram();
            Histogram lag = histogram();
            int requests = (int) (rate / (e + 1)) / 2 + 1;
            for (int r = 0; r < requests; r++) {
                long lagNanos = 20_000 + random.nextInt(200_000);
                long serviceNanos = (long) ((e + 1) * 1_000_000 * Math.exp(random.nextGaussian() * 0.5));
                lat.recordValue(lagNanos + serviceNanos);
                service.recordValue(serviceNanos);
                lag.recordValue(lagNanos);
            }
            perEndpoint.add(lat);
            overall.add(lat);
            overallLag.add(lag);
            String tag = HlogTags.escape(ENDPOINTS.get(e));
            write(writer, "latency:" + tag, start, end, lat);
            write(writer, "service:" + tag, start, end, service);
            write(writer, "send-lag:" + tag, start, end, lag);
            Map<String, Long> counts = new LinkedHashMap<>();
            long errors = e == 0 && (i == 4 || i == 5) ? requests / 4 : 0;
            counts.put("ok", requests - errors);
            if (errors > 0) {
                counts.put("http_5xx", errors);
            }
            if (e == 1 && i == intervals - 1) {
                counts.put("timeout", 2L);
            }
            counts.forEach((code, n) -> totals.merge(code, n, Long::sum));
            endpointCounts.put(ENDPOINTS.get(e), counts);
        }
        write(writer, null, start, end, overall);
        write(writer, "service", start, end, overall);
        write(writer, "send-lag", start, end, overallLag);
        latency.add(perEndpoint);
        sendLag.add(overallLag);
        overallCounts.add(totals);
        jsonl.append(intervalJson(i, start, end, rate, totals, endpointCounts)).append('\n');
    }

    private static String intervalJson(
            int i,
            double start,
            double end,
            double rate,
            Map<String, Long> totals,
            Map<String, Map<String, Long>> endpoints) {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("sequence", i + 1);
        json.put("startSeconds", start);
        json.put("endSeconds", end);
        json.put("endEpochMillis", START_EPOCH_MILLIS + (long) (end * 1000));
        json.put("targetRate", rate);
        json.put("inFlight", 3);
        ObjectNode overall = json.putObject("overall");
        totals.forEach(overall::put);
        ObjectNode perEndpoint = json.putObject("endpoints");
        endpoints.forEach((name, counts) -> {
            ObjectNode node = perEndpoint.putObject(name);
            counts.forEach(node::put);
        });
        return json.toString();
    }

    private static void write(HistogramLogWriter writer, String tag, double start, double end, Histogram histogram) {
        histogram.setTag(tag);
        histogram.setStartTimeStamp((long) (START_EPOCH_MILLIS + start * 1000));
        writer.outputIntervalHistogram(start, end, histogram, 1_000_000.0);
    }

    static Histogram histogram() {
        return new Histogram(1, HIGHEST_NANOS, 3);
    }

    /** Sum of each endpoint's counts by outcome over the run. */
    Map<String, Map<String, Long>> endpointTotals() throws IOException {
        Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("intervals.jsonl"), StandardCharsets.UTF_8)) {
            new ObjectMapper().readTree(line).path("endpoints").fields().forEachRemaining(e -> {
                Map<String, Long> counts = totals.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                e.getValue()
                        .fields()
                        .forEachRemaining(
                                c -> counts.merge(c.getKey(), c.getValue().asLong(), Long::sum));
            });
        }
        return totals;
    }

    private void writeRunJson() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode run = mapper.createObjectNode();
        run.put("format", "stampede-run");
        run.put("formatVersion", 1);
        run.put("runId", "20261122-000148-248ee7");
        run.put("scenario", "url");
        run.put("target", "http://127.0.0.1:18090/");
        run.putObject("versions").put("stampede", "0.1.0-SNAPSHOT").put("java", "17.0.15");
        run.put("startEpochMillis", START_EPOCH_MILLIS + 20);
        run.put("endEpochMillis", START_EPOCH_MILLIS + 20 + intervals * 1000L);
        run.put("durationMillis", intervals * 1000L);
        run.put("mode", "fixed-rate");
        run.put("achievedRatePerSec", 187.5);
        ArrayNode events = run.putArray("events");
        event(events, 20, "started: http://127.0.0.1:18090, 64 connections, ring 8192, epoll transport");
        event(events, 6_000, "ctl: rate 100 -> 200 req/s");
        event(events, 5_500, "guard errors: breached: error ratio 6.41% above 1% over 2s (640 requests)");
        event(events, intervals * 1000L, "schedule ended");
        ArrayNode endpoints = run.putArray("endpoints");
        for (Map.Entry<String, Map<String, Long>> e : endpointTotals().entrySet()) {
            ObjectNode endpoint = endpoints.addObject();
            endpoint.put("name", e.getKey());
            endpoint.put("hlogName", HlogTags.escape(e.getKey()));
            ObjectNode byOutcome = endpoint.putObject("totals").putObject("byOutcome");
            for (String code : List.of("ok", "http_4xx", "http_5xx", "timeout", "unsent_stopped")) {
                byOutcome.put(code, e.getValue().getOrDefault(code, 0L));
            }
        }
        run.put("generatorFellBehind", false);
        run.put("generatorFellBehindReason", "");
        ArrayNode slo = run.putArray("slo");
        slo.addObject()
                .put("name", "p99")
                .put("rule", "p99 latency above 250ms over 2s")
                .put("judged", true)
                .put("passed", true)
                .put("worstValue", 1.2e7)
                .put("worst", "12.0ms")
                .put("trips", 0);
        slo.addObject()
                .put("name", "errors")
                .put("rule", "error ratio above 1% over 2s")
                .put("judged", true)
                .put("passed", false)
                .put("worstValue", 0.0641)
                .put("worst", "6.41%")
                .put("trips", 1);
        Files.writeString(
                dir.resolve("run.json"),
                mapper.writerWithDefaultPrettyPrinter().writeValueAsString(run),
                StandardCharsets.UTF_8);
    }

    private static void event(ArrayNode events, long offsetMillis, String text) {
        events.addObject()
                .put("epochMillis", START_EPOCH_MILLIS + offsetMillis)
                .put("time", "")
                .put("text", text);
    }

    private void writeCapacityJson() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode capacity = mapper.createObjectNode();
        capacity.put("format", "stampede-capacity");
        capacity.put("formatVersion", 1);
        capacity.put("outcome", "kneeFound");
        capacity.put("summary", "max sustainable rate 300 req/s (held for 6s); bad at 306.25 req/s");
        capacity.put("unit", "req/s");
        capacity.put("maxSustainableRate", 300);
        capacity.put("lastGoodRate", 300);
        capacity.put("firstBadRate", 306.25);
        ArrayNode steps = capacity.putArray("steps");
        double[][] table = {
            {100, 99.6, 27, 80, 0},
            {200, 199.2, 27, 71, 0},
            {300, 297.2, 95, 136, 0},
            {400, 400.4, 118, 179, 0.26},
            {350, 350.4, 110, 168, 0.12},
            {306.25, 306.1, 100, 150, 0.02}
        };
        for (int s = 0; s < table.length; s++) {
            ObjectNode step = steps.addObject();
            step.put("step", s + 1);
            step.put("phase", s < 4 ? "ramp" : "bisect");
            step.put("targetRate", table[s][0]);
            step.put("achievedRatePerSec", table[s][1]);
            step.put("startSeconds", s * 4.0);
            step.put("endSeconds", s * 4.0 + 4);
            step.put("judgedSeconds", 2.5);
            step.put("requests", (long) (table[s][1] * 2.5));
            step.put("p50Nanos", (long) (table[s][2] * 1e6));
            step.put("p99Nanos", (long) (table[s][3] * 1e6));
            step.put("p999Nanos", (long) (table[s][3] * 1.2e6));
            step.put("errorRatio", table[s][4]);
            step.put("unsentRatio", 0);
            step.put("sendLagP99Nanos", 855_039);
            step.putArray("slo");
            boolean good = table[s][4] < 0.01;
            step.put("verdict", good ? "good" : "bad");
            step.put("why", good ? "" : "errors: error ratio above 1%");
        }
        Files.writeString(
                dir.resolve("capacity.json"),
                mapper.writerWithDefaultPrettyPrinter().writeValueAsString(capacity),
                StandardCharsets.UTF_8);
    }
}
