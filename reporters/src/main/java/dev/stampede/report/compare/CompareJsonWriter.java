package dev.stampede.report.compare;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stampede.common.files.ResultFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code compare.json}: format {@value #FORMAT}, version {@value #FORMAT_VERSION}.
 *
 * <pre>
 * format, formatVersion
 * verdict                      regression | improvement | inconclusive | no-change (the CI's answer)
 * anyInconclusive              whether some metric could not be judged
 * baseline, candidate          directory, runId, start (null without run.json), complete,
 *                              generatorFellBehind (null when unknown), intervals
 * rules                        latencyFrom ("intended send time"), thresholds {metric: {relative,
 *                              floorNanos}}, errorRateFloor, alpha, minEffect, minWindows,
 *                              windowSamples {metric: requests per window}
 * overall                      a row (below) for all endpoints together
 * endpoints                    a row per endpoint both runs have, in the baseline's order
 * onlyInBaseline, onlyInCandidate   endpoint names (not judged)
 * notes                        sentences a reader should know before trusting the verdict
 *
 * row: name, verdict,
 *   latency {p50, p90, p99, p99.9, max: {baselineNanos, candidateNanos, deltaNanos, deltaRatio (null
 *            when the baseline is 0), baselineWindows, candidateWindows, pValue (the U test's),
 *            pAdjusted (Holm, over every test of the comparison), effect (Vargha-Delaney A: the
 *            probability a candidate window is worse) (these three null when not tested), verdict,
 *            reason}},
 *   errors {baseline, candidate: {scheduled, attempted, errors, http4xx, unsent, errorRate,
 *           http4xxRate} (null when unknown), deltaRate, pValue, pAdjusted (null when not tested),
 *           verdict, reason},
 *   achievedRatePerSec {baseline, candidate}
 * </pre>
 *
 * <p>Latencies are ns from the intended send time. Fields come in this fixed order and the output is
 * byte-for-byte the same for the same comparison (two-space indent, {@code \n}, UTF-8), so it can be
 * compared with a golden file. Readers must refuse a {@code formatVersion} they do not know and ignore
 * fields they do not know.
 */
public final class CompareJsonWriter {

    /** The file name in the candidate's result directory. */
    public static final String FILE_NAME = "compare.json";

    /** The value of the {@code format} field. */
    public static final String FORMAT = "stampede-compare";

    /** The version of the layout written here. */
    public static final int FORMAT_VERSION = 1;

    private CompareJsonWriter() {}

    /** Writes {@code comparison} to {@code file}, replacing it whole (written aside, then moved in place). */
    public static void write(Comparison comparison, Path file) throws IOException {
        ResultFiles.replace(file, toJson(comparison));
    }

    /** The JSON text, ending with a newline. */
    public static String toJson(Comparison comparison) {
        return ResultFiles.json(json -> writeComparison(json, comparison));
    }

    private static void writeComparison(JsonGenerator json, Comparison comparison) throws IOException {
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeNumberField("formatVersion", FORMAT_VERSION);
        json.writeStringField("verdict", comparison.verdict().jsonName());
        json.writeBooleanField("anyInconclusive", comparison.anyInconclusive());
        writeRun(json, "baseline", comparison.baseline());
        writeRun(json, "candidate", comparison.candidate());
        writeRules(json, comparison.rules());
        json.writeFieldName("overall");
        writeRow(json, comparison.overall());
        json.writeArrayFieldStart("endpoints");
        for (EndpointComparison endpoint : comparison.endpoints()) {
            writeRow(json, endpoint);
        }
        json.writeEndArray();
        writeStrings(json, "onlyInBaseline", comparison.onlyInBaseline());
        writeStrings(json, "onlyInCandidate", comparison.onlyInCandidate());
        writeStrings(json, "notes", comparison.notes());
        json.writeEndObject();
    }

    private static void writeRun(JsonGenerator json, String name, RunSummary run) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("directory", run.directory());
        json.writeStringField("runId", run.runId());
        json.writeStringField("start", run.start());
        json.writeBooleanField("complete", run.complete());
        if (run.generatorFellBehind() == null) {
            json.writeNullField("generatorFellBehind");
        } else {
            json.writeBooleanField("generatorFellBehind", run.generatorFellBehind());
        }
        json.writeNumberField("intervals", run.intervals());
        json.writeEndObject();
    }

    private static void writeRules(JsonGenerator json, CompareRules rules) throws IOException {
        json.writeObjectFieldStart("rules");
        json.writeStringField("latencyFrom", "intended send time");
        json.writeObjectFieldStart("thresholds");
        for (Map.Entry<LatencyMetric, MetricThreshold> entry :
                rules.thresholds().entrySet()) {
            json.writeObjectFieldStart(entry.getKey().label());
            writeDecimal(json, "relative", entry.getValue().relative(), 6);
            json.writeNumberField("floorNanos", entry.getValue().floorNanos());
            json.writeEndObject();
        }
        json.writeEndObject();
        writeDecimal(json, "errorRateFloor", rules.errorRateFloor(), 6);
        writeDecimal(json, "alpha", rules.alpha(), 6);
        writeDecimal(json, "minEffect", rules.minEffect(), 6);
        json.writeNumberField("minWindows", rules.minWindows());
        json.writeObjectFieldStart("windowSamples");
        for (LatencyMetric metric : LatencyMetric.ALL) {
            json.writeNumberField(metric.label(), metric.windowSamples());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeRow(JsonGenerator json, EndpointComparison row) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", row.name());
        json.writeStringField("verdict", row.verdict().jsonName());
        json.writeObjectFieldStart("latency");
        for (LatencyDelta delta : row.latency()) {
            json.writeObjectFieldStart(delta.metric().label());
            json.writeNumberField("baselineNanos", delta.baselineNanos());
            json.writeNumberField("candidateNanos", delta.candidateNanos());
            json.writeNumberField("deltaNanos", delta.deltaNanos());
            writeDecimal(json, "deltaRatio", delta.deltaRatio(), 4);
            json.writeNumberField("baselineWindows", delta.baselineWindows());
            json.writeNumberField("candidateWindows", delta.candidateWindows());
            writeSignificant(json, "pValue", delta.pValue());
            writeSignificant(json, "pAdjusted", delta.pAdjusted());
            writeSignificant(json, "effect", delta.effect());
            json.writeStringField("verdict", delta.verdict().jsonName());
            json.writeStringField("reason", delta.reason());
            json.writeEndObject();
        }
        json.writeEndObject();
        writeErrors(json, row.errors());
        json.writeObjectFieldStart("achievedRatePerSec");
        writeDecimal(json, "baseline", row.baselineRatePerSec(), 1);
        writeDecimal(json, "candidate", row.candidateRatePerSec(), 1);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeErrors(JsonGenerator json, ErrorDelta errors) throws IOException {
        json.writeObjectFieldStart("errors");
        writeCounts(json, "baseline", errors.baseline());
        writeCounts(json, "candidate", errors.candidate());
        writeDecimal(json, "deltaRate", errors.deltaRate(), 6);
        writeSignificant(json, "pValue", errors.pValue());
        writeSignificant(json, "pAdjusted", errors.pAdjusted());
        json.writeStringField("verdict", errors.verdict().jsonName());
        json.writeStringField("reason", errors.reason());
        json.writeEndObject();
    }

    private static void writeCounts(JsonGenerator json, String name, RequestCounts counts) throws IOException {
        if (counts == null) {
            json.writeNullField(name);
            return;
        }
        json.writeObjectFieldStart(name);
        json.writeNumberField("scheduled", counts.scheduled());
        json.writeNumberField("attempted", counts.attempted());
        json.writeNumberField("errors", counts.errors());
        json.writeNumberField("http4xx", counts.http4xx());
        json.writeNumberField("unsent", counts.unsent());
        writeDecimal(json, "errorRate", counts.errorRate(), 6);
        writeDecimal(json, "http4xxRate", counts.http4xxRate(), 6);
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** {@code value} to {@code digits} decimals, or null when not a number. */
    private static void writeDecimal(JsonGenerator json, String name, double value, int digits) throws IOException {
        if (!Double.isFinite(value)) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(
                    name,
                    BigDecimal.valueOf(value)
                            .setScale(digits, RoundingMode.HALF_EVEN)
                            .stripTrailingZeros());
        }
    }

    /** {@code value} to four significant digits (p-values span many orders), or null when not a number. */
    private static void writeSignificant(JsonGenerator json, String name, double value) throws IOException {
        if (!Double.isFinite(value)) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(
                    name, new BigDecimal(value).round(new MathContext(4)).doubleValue());
        }
    }
}
