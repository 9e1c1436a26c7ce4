package dev.stampede.report.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.control.guard.SloResult;
import dev.stampede.engine.measure.GcUse;
import dev.stampede.engine.measure.GeneratorHealth;
import dev.stampede.engine.measure.GeneratorUse;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.OutcomeCounts;
import dev.stampede.engine.measure.ProcessCpu;
import dev.stampede.engine.measure.RingUse;
import dev.stampede.engine.measure.RunEvent;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.engine.measure.RunMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code run.json} (the engine's {@link RunJsonWriter} layout) back into the engine's {@link
 * RunInfo}, so that reporters describe a run with the engine's own types.
 *
 * <p>It refuses a {@code format} or {@code formatVersion} it does not know and ignores fields it does
 * not know. What the file rounds stays rounded: CPU seconds to the millisecond, the sending time to the
 * millisecond. The ring's sample count is not in the file (read as 0). Outcome codes this version does
 * not know are not counted; {@link #unknownOutcomes} names them.
 */
public final class RunJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> unknownOutcomes = new TreeSet<>();

    RunJsonReader() {}

    /**
     * Reads {@code file}.
     *
     * @throws InvalidResultsException when it is not a {@code run.json} this version reads
     */
    public static RunInfo read(Path file) throws IOException {
        return new RunJsonReader().readRun(file);
    }

    /** Outcome codes in the file that this version does not know (not counted). */
    Set<String> unknownOutcomes() {
        return unknownOutcomes;
    }

    /** Reads {@code file}; outcome codes it holds that this version does not know go to {@link #unknownOutcomes}. */
    RunInfo readRun(Path file) throws IOException {
        JsonNode run = FormatCheck.read(JSON, file, RunJsonWriter.FORMAT, RunJsonWriter.FORMAT_VERSION);
        try {
            OutcomeCounts totals = counts(run.path("totals"));
            List<RunInfo.EndpointTotals> endpoints = new ArrayList<>();
            for (JsonNode endpoint : run.path("endpoints")) {
                endpoints.add(new RunInfo.EndpointTotals(
                        FormatCheck.text(endpoint, "name"), counts(endpoint.path("totals"))));
            }
            return new RunInfo(
                    FormatCheck.text(run, "runId"),
                    FormatCheck.text(run, "scenario"),
                    FormatCheck.text(run, "target"),
                    mode(run.path("mode").asText()),
                    versions(run.path("versions")),
                    run.path("startEpochMillis").asLong(),
                    run.path("endEpochMillis").asLong(),
                    events(run.path("events")),
                    totals,
                    endpoints,
                    run.path("clampedValues").asLong(),
                    run.path("negativeValues").asLong(),
                    generator(run, totals),
                    slo(run.path("slo")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidResultsException(file + ": " + e.getMessage(), e);
        }
    }

    private static RunMode mode(String name) {
        for (RunMode mode : RunMode.values()) {
            if (mode.jsonName().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode \"" + name + "\"");
    }

    private static Map<String, String> versions(JsonNode node) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> version = it.next();
            versions.put(version.getKey(), version.getValue().asText());
        }
        return versions;
    }

    private static List<RunEvent> events(JsonNode node) {
        List<RunEvent> events = new ArrayList<>();
        for (JsonNode event : node) {
            events.add(new RunEvent(event.path("epochMillis").asLong(), FormatCheck.text(event, "text")));
        }
        return events;
    }

    /** The counts of a {@code totals} object ({@code byOutcome}). */
    OutcomeCounts counts(JsonNode totals) {
        return counts(totals.path("byOutcome"), unknownOutcomes);
    }

    /** Counts keyed by outcome code; codes this version does not know go to {@code unknown}. */
    static OutcomeCounts counts(JsonNode byCode, Set<String> unknown) {
        long[] counts = new long[Outcome.COUNT];
        for (Iterator<Map.Entry<String, JsonNode>> it = byCode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> count = it.next();
            Outcome.ofCode(count.getKey())
                    .ifPresentOrElse(
                            outcome -> counts[outcome.ordinal()] +=
                                    count.getValue().asLong(),
                            () -> unknown.add(count.getKey()));
        }
        return OutcomeCounts.of(counts);
    }

    private static GeneratorHealth generator(JsonNode run, OutcomeCounts totals) {
        JsonNode generator = run.path("generator");
        JsonNode ring = generator.path("ring");
        JsonNode gc = generator.path("gc");
        JsonNode cpu = generator.path("cpu");
        GeneratorUse use = new GeneratorUse(
                new RingUse(
                        ring.path("size").asInt(),
                        ring.path("maxOccupied").asLong(),
                        ring.path("p99Occupied").asLong(),
                        ring.path("fullWaits").asLong(),
                        ring.path("lateArrivals").asLong(),
                        0),
                gc.path("pauses").isNumber()
                        ? new GcUse(
                                gc.path("pauses").asLong(),
                                gc.path("totalPauseMillis").asLong(),
                                gc.path("maxPauseMillis").asLong(),
                                true)
                        : GcUse.NOT_MEASURED,
                nanosOfSeconds(cpu.path("runSeconds")),
                nanosOfSeconds(cpu.path("processSeconds")),
                run.path("sendingMillis").asLong() * 1_000_000L);
        JsonNode sendLag = run.path("sendLag");
        JsonNode reason = run.path("generatorFellBehindReason");
        return new GeneratorHealth(
                sendLag.path("p99Nanos").asLong(),
                sendLag.path("worstIntervalP99Nanos").asLong(),
                sendLag.path("thresholdNanos").asLong(),
                use,
                totals.attempted(),
                run.path("generatorFellBehind").asBoolean(),
                reason.isTextual() ? reason.asText() : null);
    }

    private static long nanosOfSeconds(JsonNode seconds) {
        return seconds.isNumber() ? Math.round(seconds.asDouble() * 1e9) : ProcessCpu.UNKNOWN;
    }

    private static List<SloResult> slo(JsonNode node) {
        List<SloResult> results = new ArrayList<>();
        for (JsonNode slo : node) {
            JsonNode worstValue = slo.path("worstValue");
            results.add(new SloResult(
                    FormatCheck.text(slo, "name"),
                    FormatCheck.text(slo, "rule"),
                    slo.path("judged").asBoolean(),
                    slo.path("passed").asBoolean(),
                    worstValue.isNumber() ? worstValue.asDouble() : Double.NaN,
                    slo.path("worst").asText("-"),
                    slo.path("trips").asInt()));
        }
        return results;
    }
}
