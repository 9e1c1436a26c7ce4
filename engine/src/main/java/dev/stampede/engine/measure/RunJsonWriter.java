package dev.stampede.engine.measure;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stampede.common.files.ResultFiles;
import dev.stampede.control.guard.SloResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Writes {@code run.json}: format name and version, run id, scenario, target, versions, start and end, events,
 * mode ({@code fixed-rate} or {@code flat-out}), sending time and the rate achieved, outcome totals
 * (overall and per endpoint, every outcome code present, zeros included), the latency log's
 * conventions, whether the generator fell behind (and why), its send lag, and in {@code generator}
 * what it used: ring occupancy, GC pauses, CPU seconds (during the run, and with the JVM's start-up)
 * and CPU seconds per 100,000 requests; in {@code slo} each guard as a pass/fail SLO over the run (name,
 * rule, judged, passed, worst value, trips). Unknown figures are {@code null}.
 *
 * <p>Fields come in a fixed order and the output is byte-for-byte the same for the same {@link RunInfo}
 * (two-space indent, {@code \n} line ends, UTF-8), so it can be compared with a golden file. Readers
 * must refuse a {@code formatVersion} they do not know and ignore fields they do not know.
 */
public final class RunJsonWriter {

    /** The file name in the result directory. */
    public static final String FILE_NAME = "run.json";

    /** The value of the {@code format} field. */
    public static final String FORMAT = "stampede-run";

    /** The version of the layout written here. */
    public static final int FORMAT_VERSION = 1;

    private RunJsonWriter() {}

    /** Writes {@code resultDir/run.json}, replacing it whole (written aside, then moved in place). */
    public static Path write(RunInfo run, Path resultDir) throws IOException {
        return ResultFiles.replace(resultDir.resolve(FILE_NAME), toJson(run));
    }

    /** The JSON text of {@code run}, ending with a newline. */
    public static String toJson(RunInfo run) {
        return ResultFiles.json(json -> writeRun(json, run));
    }

    private static void writeRun(JsonGenerator json, RunInfo run) throws IOException {
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeNumberField("formatVersion", FORMAT_VERSION);
        json.writeStringField("runId", run.runId());
        json.writeStringField("scenario", run.scenario());
        json.writeStringField("target", run.target());
        json.writeObjectFieldStart("versions");
        for (Map.Entry<String, String> version : run.versions().entrySet()) {
            json.writeStringField(version.getKey(), version.getValue());
        }
        json.writeEndObject();
        writeTime(json, "start", run.startEpochMillis());
        writeTime(json, "end", run.endEpochMillis());
        json.writeNumberField("durationMillis", run.endEpochMillis() - run.startEpochMillis());
        json.writeStringField("mode", run.mode().jsonName());
        json.writeNumberField("sendingMillis", run.generator().use().sendingNanos() / 1_000_000L);
        json.writeNumberField("achievedRatePerSec", rounded(run.achievedRatePerSec(), 1));
        writeEvents(json, run);
        json.writeFieldName("totals");
        writeCounts(json, run.totals());
        writeEndpoints(json, run);
        writeLatencyLog(json);
        json.writeNumberField("clampedValues", run.clampedValues());
        json.writeNumberField("negativeValues", run.negativeValues());
        writeGenerator(json, run.generator());
        writeSlo(json, run);
        json.writeEndObject();
    }

    /** Each guard as an SLO over the whole run: name, rule, judged, passed, worst value, trips. */
    private static void writeSlo(JsonGenerator json, RunInfo run) throws IOException {
        json.writeArrayFieldStart("slo");
        for (SloResult slo : run.slo()) {
            json.writeStartObject();
            json.writeStringField("name", slo.name());
            json.writeStringField("rule", slo.slo());
            json.writeBooleanField("judged", slo.judged());
            json.writeBooleanField("passed", slo.passed());
            if (Double.isFinite(slo.worstValue())) {
                json.writeNumberField("worstValue", slo.worstValue());
            } else {
                json.writeNullField("worstValue");
            }
            json.writeStringField("worst", slo.worst());
            json.writeNumberField("trips", slo.trips());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeTime(JsonGenerator json, String name, long epochMillis) throws IOException {
        json.writeNumberField(name + "EpochMillis", epochMillis);
        json.writeStringField(name, Instant.ofEpochMilli(epochMillis).toString());
    }

    private static void writeEvents(JsonGenerator json, RunInfo run) throws IOException {
        json.writeArrayFieldStart("events");
        for (RunEvent event : run.events()) {
            json.writeStartObject();
            json.writeNumberField("epochMillis", event.epochMillis());
            json.writeStringField(
                    "time", Instant.ofEpochMilli(event.epochMillis()).toString());
            json.writeStringField("text", event.text());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeCounts(JsonGenerator json, OutcomeCounts counts) throws IOException {
        json.writeStartObject();
        json.writeNumberField("scheduled", counts.total());
        json.writeNumberField("attempted", counts.attempted());
        json.writeNumberField("unsent", counts.unsent());
        json.writeObjectFieldStart("byOutcome");
        for (Map.Entry<String, Long> count : counts.byCode().entrySet()) {
            json.writeNumberField(count.getKey(), count.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeEndpoints(JsonGenerator json, RunInfo run) throws IOException {
        json.writeArrayFieldStart("endpoints");
        for (RunInfo.EndpointTotals endpoint : run.endpoints()) {
            json.writeStartObject();
            json.writeStringField("name", endpoint.name());
            json.writeStringField("hlogName", HlogTags.escape(endpoint.name()));
            json.writeFieldName("totals");
            writeCounts(json, endpoint.totals());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeLatencyLog(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("latencyLog");
        json.writeStringField("file", IntervalRecorder.HLOG_FILE_NAME);
        json.writeStringField("valueUnit", "ns");
        json.writeStringField("overallLatencyTag", "(untagged)");
        json.writeStringField("overallTags", "service, send-lag");
        json.writeStringField("endpointTags", "latency|service|send-lag:<hlogName>");
        json.writeEndObject();
    }

    private static void writeGenerator(JsonGenerator json, GeneratorHealth generator) throws IOException {
        json.writeBooleanField("generatorFellBehind", generator.fellBehind());
        json.writeStringField("generatorFellBehindReason", generator.reason());
        json.writeObjectFieldStart("sendLag");
        json.writeNumberField("p99Nanos", generator.sendLagP99Nanos());
        json.writeNumberField("worstIntervalP99Nanos", generator.worstIntervalSendLagP99Nanos());
        json.writeNumberField("thresholdNanos", generator.thresholdNanos());
        json.writeEndObject();
        writeGeneratorUse(json, generator);
    }

    private static void writeGeneratorUse(JsonGenerator json, GeneratorHealth generator) throws IOException {
        GeneratorUse use = generator.use();
        json.writeObjectFieldStart("generator");
        json.writeObjectFieldStart("ring");
        json.writeNumberField("size", use.ring().size());
        json.writeNumberField("maxOccupied", use.ring().maxOccupied());
        json.writeNumberField("p99Occupied", use.ring().p99Occupied());
        json.writeNumberField("fullWaits", use.ring().fullWaits());
        json.writeNumberField("lateArrivals", use.ring().lateArrivals());
        json.writeEndObject();
        json.writeObjectFieldStart("gc");
        if (use.gc().observed()) {
            json.writeNumberField("pauses", use.gc().pauses());
            json.writeNumberField("totalPauseMillis", use.gc().totalPauseMillis());
            json.writeNumberField("maxPauseMillis", use.gc().maxPauseMillis());
            json.writeNumberField("shareOfSending", rounded(generator.gcShareOfSending(), 4));
        } else {
            json.writeNullField("pauses");
        }
        json.writeEndObject();
        json.writeObjectFieldStart("cpu");
        writeSeconds(json, "runSeconds", use.runCpuNanos());
        writeSeconds(json, "processSeconds", use.processCpuNanos());
        writeRatio(json, "runSecondsPer100kRequests", generator.cpuSecondsPer100k());
        writeRatio(json, "processSecondsPer100kRequests", generator.processCpuSecondsPer100k());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeSeconds(JsonGenerator json, String name, long nanos) throws IOException {
        if (nanos < 0) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, rounded(nanos / 1e9, 3));
        }
    }

    private static void writeRatio(JsonGenerator json, String name, double value) throws IOException {
        if (value < 0) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, rounded(value, 4));
        }
    }

    /** {@code value} to {@code digits} decimals, so the file says no more than is known. */
    private static double rounded(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
