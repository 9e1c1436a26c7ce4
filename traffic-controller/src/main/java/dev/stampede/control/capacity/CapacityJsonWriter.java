package dev.stampede.control.capacity;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stampede.common.files.ResultFiles;
import dev.stampede.control.guard.GuardRule;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@code capacity.json}, the layout the package documentation describes. Fields come in a fixed
 * order and the output is the same bytes for the same result (two-space indent, {@code \n} line ends,
 * UTF-8), so it can be compared with a golden file. Unknown values (no request to measure) are {@code
 * null}. Readers must refuse a {@code formatVersion} they do not know and ignore fields they do not know.
 */
public final class CapacityJsonWriter {

    /** The file name in the result directory. */
    public static final String FILE_NAME = "capacity.json";

    /** The value of the {@code format} field. */
    public static final String FORMAT = "stampede-capacity";

    /** The version of the layout written here. */
    public static final int FORMAT_VERSION = 1;

    private CapacityJsonWriter() {}

    /** Writes {@code resultDir/capacity.json}, replacing it whole (written aside, then moved in place). */
    public static Path write(CapacityResult result, Path resultDir) throws IOException {
        return ResultFiles.replace(resultDir.resolve(FILE_NAME), toJson(result));
    }

    /** The JSON text of {@code result}, ending with a newline. */
    public static String toJson(CapacityResult result) {
        return ResultFiles.json(json -> writeResult(json, result));
    }

    private static void writeResult(JsonGenerator json, CapacityResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeNumberField("formatVersion", FORMAT_VERSION);
        json.writeStringField("outcome", result.outcome().word());
        json.writeStringField("summary", result.summary());
        json.writeStringField("unit", result.unit());
        ResultFiles.number(json, "maxSustainableRate", result.maxSustainableRate(), 3);
        ResultFiles.number(json, "lastGoodRate", result.lastGoodRate(), 3);
        ResultFiles.number(json, "firstBadRate", result.firstBadRate(), 3);
        writeSettings(json, result.settings());
        json.writeArrayFieldStart("steps");
        for (CapacityStep step : result.steps()) {
            writeStep(json, step);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeSettings(JsonGenerator json, CapacitySettings s) throws IOException {
        json.writeObjectFieldStart("settings");
        ResultFiles.number(json, "from", s.fromRate(), 3);
        ResultFiles.number(json, "step", s.stepRate(), 3);
        ResultFiles.number(json, "upTo", s.upToRate(), 3);
        ResultFiles.number(json, "stepForSeconds", s.stepFor().toNanos() / 1e9, 3);
        ResultFiles.number(json, "confirmForSeconds", s.confirmFor().toNanos() / 1e9, 3);
        ResultFiles.number(json, "settleSeconds", s.settle().toNanos() / 1e9, 3);
        json.writeObjectFieldStart("resolution");
        json.writeStringField("kind", s.resolution().relative() ? "share" : "rate");
        ResultFiles.number(json, "value", s.resolution().amount(), 6);
        json.writeEndObject();
        ResultFiles.number(json, "minAchieved", s.minAchieved(), 6);
        json.writeArrayFieldStart("slo");
        for (GuardRule rule : s.slo()) {
            json.writeStartObject();
            json.writeStringField("guard", rule.name());
            json.writeStringField("rule", rule.describe());
            ResultFiles.number(json, "threshold", rule.threshold(), 6);
            json.writeStringField("thresholdUnit", rule.metric().timeBased() ? "ns" : "ratio");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeStep(JsonGenerator json, CapacityStep step) throws IOException {
        json.writeStartObject();
        json.writeNumberField("step", step.number());
        json.writeStringField("phase", step.phase().word());
        ResultFiles.number(json, "targetRate", step.targetRate(), 3);
        ResultFiles.number(json, "achievedRatePerSec", step.achievedRate(), 3);
        ResultFiles.number(json, "startSeconds", step.startSeconds(), 3);
        ResultFiles.number(json, "endSeconds", step.endSeconds(), 3);
        ResultFiles.number(json, "judgedSeconds", step.judgedSeconds(), 3);
        json.writeNumberField("requests", step.requests());
        ResultFiles.number(json, "p50Nanos", step.p50Nanos(), 0);
        ResultFiles.number(json, "p99Nanos", step.p99Nanos(), 0);
        ResultFiles.number(json, "p999Nanos", step.p999Nanos(), 0);
        ResultFiles.number(json, "errorRatio", step.errorRatio(), 6);
        ResultFiles.number(json, "unsentRatio", step.unsentRatio(), 6);
        json.writeNumberField("sendLagP99Nanos", step.sendLagP99Nanos());
        json.writeArrayFieldStart("slo");
        for (CapacityStep.SloValue value : step.slo()) {
            json.writeStartObject();
            json.writeStringField("guard", value.guard());
            ResultFiles.number(json, "value", value.value(), 6);
            json.writeBooleanField("judged", value.judged());
            json.writeBooleanField("passed", value.passed());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("verdict", step.good() ? "good" : "bad");
        json.writeStringField("why", step.why());
        json.writeEndObject();
    }
}
