package dev.stampede.report.compare;

import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.report.model.InvalidResultsException;
import dev.stampede.report.model.RunJsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the comparison takes from {@code run.json} (documented on {@link RunJsonWriter}), as the shared
 * reader ({@link RunJsonReader}) reads it: another format or version is refused.
 *
 * @param runId the run's id
 * @param start its start, ISO-8601
 * @param sendingSeconds how long requests were released, NaN when unknown
 * @param achievedRatePerSec the rate the run achieved, NaN when unknown
 * @param generatorFellBehind whether the generator fell behind, null when unknown
 * @param totals the run's outcome totals
 * @param endpoints each endpoint's outcome totals by name, in the run's order
 */
record RunJsonFacts(
        String runId,
        String start,
        double sendingSeconds,
        double achievedRatePerSec,
        Boolean generatorFellBehind,
        RequestCounts totals,
        Map<String, RequestCounts> endpoints) {

    /** The facts of {@code dir/run.json} (read by {@link RunJsonReader}), or empty when it is missing (a killed run). */
    static Optional<RunJsonFacts> read(Path dir) {
        Path file = dir.resolve(RunJsonWriter.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        RunInfo run;
        try {
            run = RunJsonReader.read(file);
        } catch (InvalidResultsException e) {
            throw new ResultDirectoryException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ResultDirectoryException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, RequestCounts> endpoints = new LinkedHashMap<>();
        run.endpoints()
                .forEach(e ->
                        endpoints.put(e.name(), RequestCounts.ofCodes(e.totals().byCode())));
        long sendingNanos = run.generator().use().sendingNanos();
        return Optional.of(new RunJsonFacts(
                run.runId(),
                Instant.ofEpochMilli(run.startEpochMillis()).toString(),
                sendingNanos / 1e9,
                run.achievedRatePerSec(),
                run.generator().fellBehind(),
                RequestCounts.ofCodes(run.totals().byCode()),
                endpoints));
    }
}
