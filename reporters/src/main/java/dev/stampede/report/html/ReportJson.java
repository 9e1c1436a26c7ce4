package dev.stampede.report.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import dev.stampede.report.html.ReportData.CapacityStep;
import dev.stampede.report.html.ReportData.EndpointRow;
import dev.stampede.report.html.ReportData.Event;
import dev.stampede.report.html.ReportData.LatencyStats;
import dev.stampede.report.html.ReportData.Slo;
import dev.stampede.report.html.ReportData.SpectrumPoint;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Map;

/**
 * The data embedded in {@code report.html}: {@link ReportData} as JSON ({@code format}
 * "stampede-report-data", {@code formatVersion} 1), read by the page's script. Latencies are in
 * milliseconds ({@code ...Ms}) with 4 significant digits, rates per second with 4; NaN is {@code null}.
 * Layout: {@code identity}, {@code verdict} ({@code slos}, {@code notes}, generator health), {@code overall}
 * and {@code sendLag} latency stats ({@code count}, {@code meanMs}, {@code p50Ms} ... {@code maxMs}, {@code
 * spectrum}: {@code [percentile, ms]} pairs), {@code endpoints} (name, requests, byClass, ratePerSec,
 * latency), {@code series} ({@code bucketIntervals}, {@code t}: seconds, {@code columns} by {@link Columns}
 * name, {@code endpointP99}), {@code events}, {@code capacity} (or null).
 *
 * <p>Safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} are written as {@code \}{@code
 * u003C}-style escapes, so no text from a result file can close the element.
 */
final class ReportJson {

    static final String FORMAT = "stampede-report-data";
    static final int FORMAT_VERSION = 1;
    private static final MathContext DIGITS = new MathContext(4);
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ReportJson() {}

    static void write(ReportData data, Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.setCharacterEscapes(new HtmlSafeEscapes());
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeNumberField("formatVersion", FORMAT_VERSION);
        identity(json, data.identity());
        verdict(json, data.verdict());
        json.writeFieldName("overall");
        stats(json, data.overall());
        json.writeFieldName("sendLag");
        stats(json, data.sendLag());
        endpoints(json, data);
        series(json, data.series());
        events(json, data);
        capacity(json, data.capacity());
        json.writeEndObject();
        json.flush();
    }

    private static void identity(JsonGenerator json, ReportData.Identity id) throws IOException {
        json.writeObjectFieldStart("identity");
        json.writeStringField("runId", id.runId());
        json.writeStringField("scenario", id.scenario());
        json.writeStringField("target", id.target());
        json.writeStringField("mode", id.mode());
        json.writeStringField(
                "start", Instant.ofEpochMilli(id.startEpochMillis()).toString());
        json.writeStringField("end", Instant.ofEpochMilli(id.endEpochMillis()).toString());
        number(json, "durationSeconds", id.durationSeconds());
        number(json, "achievedRatePerSec", id.achievedRatePerSec());
        json.writeObjectFieldStart("versions");
        for (Map.Entry<String, String> version : id.versions().entrySet()) {
            json.writeStringField(version.getKey(), version.getValue());
        }
        json.writeEndObject();
        json.writeBooleanField("complete", id.complete());
        json.writeStringField("rateUnit", id.rateUnit());
        json.writeEndObject();
    }

    private static void verdict(JsonGenerator json, ReportData.Verdict verdict) throws IOException {
        json.writeObjectFieldStart("verdict");
        json.writeArrayFieldStart("slos");
        for (Slo slo : verdict.slos()) {
            json.writeStartObject();
            json.writeStringField("name", slo.name());
            json.writeStringField("rule", slo.rule());
            json.writeBooleanField("judged", slo.judged());
            json.writeBooleanField("passed", slo.passed());
            json.writeStringField("worst", slo.worst());
            json.writeNumberField("trips", slo.trips());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeBooleanField("generatorFellBehind", verdict.generatorFellBehind());
        json.writeStringField("generatorReason", verdict.generatorReason());
        json.writeArrayFieldStart("notes");
        for (String note : verdict.notes()) {
            json.writeString(note);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void stats(JsonGenerator json, LatencyStats stats) throws IOException {
        json.writeStartObject();
        json.writeNumberField("count", stats.count());
        millis(json, "meanMs", stats.count() == 0 ? Double.NaN : stats.mean());
        millis(json, "p50Ms", stats.count() == 0 ? Double.NaN : stats.p50());
        millis(json, "p90Ms", stats.count() == 0 ? Double.NaN : stats.p90());
        millis(json, "p99Ms", stats.count() == 0 ? Double.NaN : stats.p99());
        millis(json, "p999Ms", stats.count() == 0 ? Double.NaN : stats.p999());
        millis(json, "p9999Ms", stats.count() == 0 ? Double.NaN : stats.p9999());
        millis(json, "maxMs", stats.count() == 0 ? Double.NaN : stats.max());
        json.writeArrayFieldStart("spectrum");
        for (SpectrumPoint point : stats.spectrum()) {
            json.writeStartArray();
            json.writeNumber(BigDecimal.valueOf(point.percentile())
                    .round(new MathContext(8))
                    .toPlainString());
            value(json, point.valueNanos() / 1e6);
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void endpoints(JsonGenerator json, ReportData data) throws IOException {
        json.writeArrayFieldStart("endpoints");
        for (EndpointRow row : data.endpoints()) {
            json.writeStartObject();
            json.writeStringField("name", row.name());
            json.writeNumberField("requests", row.requests());
            json.writeObjectFieldStart("byClass");
            for (Map.Entry<String, Long> count : row.byClass().entrySet()) {
                json.writeNumberField(count.getKey(), count.getValue());
            }
            json.writeEndObject();
            number(json, "ratePerSec", row.ratePerSec());
            json.writeFieldName("latency");
            stats(json, row.latency());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void series(JsonGenerator json, ReportData.TimeSeries series) throws IOException {
        json.writeObjectFieldStart("series");
        json.writeNumberField("bucketIntervals", series.bucketIntervals());
        json.writeFieldName("t");
        array(json, series.endSeconds());
        json.writeObjectFieldStart("columns");
        for (Map.Entry<String, double[]> column : series.columns().entrySet()) {
            json.writeFieldName(column.getKey());
            array(json, column.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("endpointP99");
        for (Map.Entry<String, double[]> column : series.endpointP99Millis().entrySet()) {
            json.writeFieldName(column.getKey());
            array(json, column.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void events(JsonGenerator json, ReportData data) throws IOException {
        json.writeArrayFieldStart("events");
        for (Event event : data.events()) {
            json.writeStartObject();
            number(json, "seconds", event.seconds());
            json.writeStringField(
                    "time", Instant.ofEpochMilli(event.epochMillis()).toString());
            json.writeStringField("kind", event.kind());
            json.writeStringField("text", event.text());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void capacity(JsonGenerator json, ReportData.Capacity capacity) throws IOException {
        if (capacity == null) {
            json.writeNullField("capacity");
            return;
        }
        json.writeObjectFieldStart("capacity");
        json.writeStringField("outcome", capacity.outcome());
        json.writeStringField("summary", capacity.summary());
        json.writeStringField("unit", capacity.unit());
        number(json, "maxSustainableRate", capacity.maxSustainableRate());
        json.writeArrayFieldStart("steps");
        for (CapacityStep step : capacity.steps()) {
            json.writeStartObject();
            json.writeNumberField("step", step.step());
            json.writeStringField("phase", step.phase());
            number(json, "targetRate", step.targetRate());
            number(json, "achievedRate", step.achievedRate());
            json.writeNumberField("requests", step.requests());
            millis(json, "p50Ms", step.p50Nanos());
            millis(json, "p99Ms", step.p99Nanos());
            millis(json, "p999Ms", step.p999Nanos());
            number(json, "errorRatio", step.errorRatio());
            number(json, "unsentRatio", step.unsentRatio());
            millis(json, "sendLagP99Ms", step.sendLagP99Nanos());
            json.writeStringField("verdict", step.verdict());
            json.writeStringField("why", step.why());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void millis(JsonGenerator json, String name, double nanos) throws IOException {
        number(json, name, nanos / 1e6);
    }

    private static void number(JsonGenerator json, String name, double value) throws IOException {
        json.writeFieldName(name);
        value(json, value);
    }

    private static void array(JsonGenerator json, double[] values) throws IOException {
        json.writeStartArray();
        for (double value : values) {
            value(json, value);
        }
        json.writeEndArray();
    }

    /** {@code value} to 4 significant digits, without an exponent; null when not finite. */
    static void value(JsonGenerator json, double value) throws IOException {
        if (!Double.isFinite(value)) {
            json.writeNull();
        } else if (value == Math.rint(value) && Math.abs(value) < 1e4) {
            json.writeNumber((long) value);
        } else {
            json.writeNumber(
                    BigDecimal.valueOf(value).round(DIGITS).stripTrailingZeros().toPlainString());
        }
    }

    /** Escapes the characters that could end a {@code <script>} element or start markup. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
