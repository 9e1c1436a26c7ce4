package dev.stampede.report.files;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stampede.common.files.ResultFiles;
import dev.stampede.control.guard.SloResult;
import dev.stampede.engine.measure.GeneratorHealth;
import dev.stampede.engine.measure.GeneratorUse;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.OutcomeCounts;
import dev.stampede.engine.measure.RunEvent;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.report.model.CapacityTable;
import dev.stampede.report.model.RunResults;
import dev.stampede.report.model.SeriesResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Writes {@code summary.json}: the run in one small file for people and CI scripts, per endpoint and
 * overall (counts by outcome, rates, latency, service-time and send-lag percentiles), the checks, SLO
 * results, generator health and the run's identity. The schema is in {@code docs/results.md}.
 *
 * <p>The same results give the same bytes (fixed field order, two-space indent, {@code \n}, UTF-8; no
 * time of writing, no absolute path), so it can be compared with a golden file. Readers must refuse a
 * {@code formatVersion} they do not know and ignore fields they do not know.
 */
public final class SummaryJsonWriter {

    /** The file name in the result directory. */
    public static final String FILE_NAME = "summary.json";

    /** The value of the {@code format} field. */
    public static final String FORMAT = "stampede-summary";

    /** The version of the layout written here. */
    public static final int FORMAT_VERSION = 1;

    private SummaryJsonWriter() {}

    /** Writes {@code summary.json} into the results' directory, replacing it whole. */
    public static Path write(RunResults results) throws IOException {
        return ResultFiles.replace(results.directory().resolve(FILE_NAME), toJson(results));
    }

    /** The JSON text, ending with a newline. */
    public static String toJson(RunResults results) {
        return ResultFiles.json(json -> writeSummary(json, results));
    }

    private static void writeSummary(JsonGenerator json, RunResults results) throws IOException {
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeNumberField("formatVersion", FORMAT_VERSION);
        json.writeBooleanField("complete", results.complete());
        json.writeArrayFieldStart("notes");
        for (String note : results.notes()) {
            json.writeString(note);
        }
        json.writeEndArray();
        writeRun(json, results.run().orElse(null));
        writeMeasurement(json, results);
        json.writeArrayFieldStart("checks");
        for (Check check : RunChecks.of(results)) {
            json.writeStartObject();
            json.writeStringField("group", check.group());
            json.writeStringField("name", check.name());
            json.writeStringField("result", check.verdict().word());
            json.writeStringField("message", check.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeFieldName("overall");
        writeSeries(json, results.overall(), HgrmFiles.OVERALL_FILE, results.sendingSeconds());
        Map<String, String> files = HgrmFiles.fileNames(
                results.endpoints().stream().map(SeriesResults::name).toList());
        json.writeArrayFieldStart("endpoints");
        for (SeriesResults endpoint : results.endpoints()) {
            writeSeries(json, endpoint, files.get(endpoint.name()), results.sendingSeconds());
        }
        json.writeEndArray();
        writeGenerator(json, results);
        writeSlo(json, results.slo());
        writeCapacity(json, results.capacity().orElse(null));
        writeEvents(json, results.events());
        json.writeEndObject();
    }

    private static void writeRun(JsonGenerator json, RunInfo run) throws IOException {
        if (run == null) {
            json.writeNullField("run");
            return;
        }
        json.writeObjectFieldStart("run");
        json.writeStringField("runId", run.runId());
        json.writeStringField("scenario", run.scenario());
        json.writeStringField("target", run.target());
        json.writeStringField("mode", run.mode().jsonName());
        json.writeObjectFieldStart("versions");
        for (Map.Entry<String, String> version : run.versions().entrySet()) {
            json.writeStringField(version.getKey(), version.getValue());
        }
        json.writeEndObject();
        JsonOut.time(json, "start", run.startEpochMillis());
        JsonOut.time(json, "end", run.endEpochMillis());
        json.writeNumberField("durationMillis", run.endEpochMillis() - run.startEpochMillis());
        json.writeNumberField("sendingMillis", run.generator().use().sendingNanos() / 1_000_000L);
        json.writeNumberField("clampedValues", run.clampedValues());
        json.writeNumberField("negativeValues", run.negativeValues());
        json.writeEndObject();
    }

    private static void writeMeasurement(JsonGenerator json, RunResults results) throws IOException {
        json.writeObjectFieldStart("measurement");
        JsonOut.time(json, "start", results.startEpochMillis());
        json.writeNumberField("intervals", results.overall().points().size());
        ResultFiles.number(json, "endSeconds", results.endSeconds(), 3);
        ResultFiles.number(json, "rateSeconds", results.sendingSeconds(), 3);
        json.writeStringField("latencyFrom", "intended send time");
        json.writeEndObject();
    }

    private static void writeSeries(JsonGenerator json, SeriesResults series, String hgrm, double seconds)
            throws IOException {
        json.writeStartObject();
        if (!series.isOverall()) {
            json.writeStringField("name", series.name());
        }
        json.writeStringField("hgrm", hgrm);
        OutcomeCounts counts = series.totals().orElse(null);
        Histogram latency = series.latency();
        writeRequests(json, counts);
        writeRates(json, counts, seconds);
        writeHistogram(json, "latencyNanos", latency);
        writeHistogram(json, "serviceNanos", series.service());
        writeHistogram(json, "sendLagNanos", series.sendLag());
        json.writeEndObject();
    }

    private static void writeRequests(JsonGenerator json, OutcomeCounts counts) throws IOException {
        if (counts == null) {
            json.writeNullField("requests");
            return;
        }
        json.writeObjectFieldStart("requests");
        json.writeNumberField("scheduled", counts.total());
        json.writeNumberField("attempted", counts.attempted());
        json.writeNumberField("unsent", counts.unsent());
        json.writeNumberField("ok", counts.get(Outcome.OK));
        json.writeNumberField("errors", counts.attempted() - counts.get(Outcome.OK));
        json.writeObjectFieldStart("byOutcome");
        for (Map.Entry<String, Long> count : counts.byCode().entrySet()) {
            json.writeNumberField(count.getKey(), count.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeRates(JsonGenerator json, OutcomeCounts counts, double seconds) throws IOException {
        json.writeObjectFieldStart("rates");
        boolean known = counts != null && seconds > 0;
        ResultFiles.number(json, "attemptedPerSec", known ? counts.attempted() / seconds : Double.NaN, 3);
        ResultFiles.number(json, "okPerSec", known ? counts.get(Outcome.OK) / seconds : Double.NaN, 3);
        ResultFiles.number(
                json,
                "errorRatio",
                counts != null && counts.attempted() > 0
                        ? (counts.attempted() - counts.get(Outcome.OK)) / (double) counts.attempted()
                        : Double.NaN,
                6);
        ResultFiles.number(
                json,
                "unsentRatio",
                counts != null && counts.total() > 0 ? counts.unsent() / (double) counts.total() : Double.NaN,
                6);
        json.writeEndObject();
    }

    /** Count, mean and percentiles in nanoseconds, as HdrHistogram reports them; null values when empty. */
    private static void writeHistogram(JsonGenerator json, String name, Histogram histogram) throws IOException {
        json.writeObjectFieldStart(name);
        long count = histogram.getTotalCount();
        json.writeNumberField("count", count);
        ResultFiles.number(json, "mean", count > 0 ? histogram.getMean() : Double.NaN, 0);
        percentile(json, "p50", histogram, 50);
        percentile(json, "p90", histogram, 90);
        percentile(json, "p99", histogram, 99);
        percentile(json, "p999", histogram, 99.9);
        percentile(json, "p9999", histogram, 99.99);
        if (count > 0) {
            json.writeNumberField("max", histogram.getMaxValue());
        } else {
            json.writeNullField("max");
        }
        json.writeEndObject();
    }

    private static void percentile(JsonGenerator json, String name, Histogram histogram, double percentile)
            throws IOException {
        if (histogram.getTotalCount() > 0) {
            json.writeNumberField(name, histogram.getValueAtPercentile(percentile));
        } else {
            json.writeNullField(name);
        }
    }

    private static void writeGenerator(JsonGenerator json, RunResults results) throws IOException {
        GeneratorHealth health = results.generator();
        json.writeObjectFieldStart("generator");
        json.writeBooleanField("keptSchedule", !health.fellBehind());
        json.writeStringField("fellBehindReason", health.reason());
        json.writeStringField(
                "judgedOn", results.complete() ? "run.json" : "send lag of the complete intervals, default threshold");
        json.writeObjectFieldStart("sendLag");
        json.writeNumberField("p99Nanos", health.sendLagP99Nanos());
        json.writeNumberField("worstIntervalP99Nanos", health.worstIntervalSendLagP99Nanos());
        json.writeNumberField("thresholdNanos", health.thresholdNanos());
        json.writeEndObject();
        if (results.complete()) {
            writeUse(json, health);
        } else {
            json.writeNullField("ring");
            json.writeNullField("gc");
            json.writeNullField("cpu");
        }
        json.writeEndObject();
    }

    private static void writeUse(JsonGenerator json, GeneratorHealth health) throws IOException {
        GeneratorUse use = health.use();
        json.writeObjectFieldStart("ring");
        json.writeNumberField("size", use.ring().size());
        json.writeNumberField("maxOccupied", use.ring().maxOccupied());
        json.writeNumberField("p99Occupied", use.ring().p99Occupied());
        json.writeNumberField("fullWaits", use.ring().fullWaits());
        json.writeNumberField("lateArrivals", use.ring().lateArrivals());
        json.writeEndObject();
        if (use.gc().observed()) {
            json.writeObjectFieldStart("gc");
            json.writeNumberField("pauses", use.gc().pauses());
            json.writeNumberField("totalPauseMillis", use.gc().totalPauseMillis());
            json.writeNumberField("maxPauseMillis", use.gc().maxPauseMillis());
            ResultFiles.number(json, "shareOfSending", health.gcShareOfSending(), 4);
            json.writeEndObject();
        } else {
            json.writeNullField("gc");
        }
        json.writeObjectFieldStart("cpu");
        ResultFiles.number(json, "runSeconds", use.runCpuNanos() < 0 ? Double.NaN : use.runCpuNanos() / 1e9, 3);
        ResultFiles.number(
                json, "processSeconds", use.processCpuNanos() < 0 ? Double.NaN : use.processCpuNanos() / 1e9, 3);
        double perRun = health.cpuSecondsPer100k();
        double perProcess = health.processCpuSecondsPer100k();
        ResultFiles.number(json, "runSecondsPer100kRequests", perRun < 0 ? Double.NaN : perRun, 4);
        ResultFiles.number(json, "processSecondsPer100kRequests", perProcess < 0 ? Double.NaN : perProcess, 4);
        json.writeEndObject();
    }

    private static void writeSlo(JsonGenerator json, List<SloResult> slo) throws IOException {
        json.writeArrayFieldStart("slo");
        for (SloResult result : slo) {
            json.writeStartObject();
            json.writeStringField("name", result.name());
            json.writeStringField("rule", result.slo());
            json.writeStringField("result", RunChecks.slo(result).verdict().word());
            json.writeBooleanField("judged", result.judged());
            json.writeBooleanField("passed", result.passed());
            ResultFiles.number(json, "worstValue", result.worstValue(), 6);
            json.writeStringField("worst", result.worst());
            json.writeNumberField("trips", result.trips());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeCapacity(JsonGenerator json, CapacityTable capacity) throws IOException {
        if (capacity == null) {
            json.writeNullField("capacity");
            return;
        }
        json.writeObjectFieldStart("capacity");
        json.writeStringField("file", "capacity.json");
        json.writeStringField("outcome", capacity.outcome());
        json.writeStringField("summary", capacity.summary());
        json.writeStringField("unit", capacity.unit());
        ResultFiles.number(json, "maxSustainableRate", capacity.maxSustainableRate(), 3);
        ResultFiles.number(json, "lastGoodRate", capacity.lastGoodRate(), 3);
        ResultFiles.number(json, "firstBadRate", capacity.firstBadRate(), 3);
        json.writeNumberField("steps", capacity.steps().size());
        json.writeEndObject();
    }

    private static void writeEvents(JsonGenerator json, List<RunEvent> events) throws IOException {
        json.writeArrayFieldStart("events");
        for (RunEvent event : events) {
            json.writeStartObject();
            json.writeNumberField("epochMillis", event.epochMillis());
            json.writeStringField(
                    "time", java.time.Instant.ofEpochMilli(event.epochMillis()).toString());
            json.writeStringField("text", event.text());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
