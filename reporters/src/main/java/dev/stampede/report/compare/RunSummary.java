package dev.stampede.report.compare;

/**
 * Who one side of the comparison is.
 *
 * @param directory the result directory, as given
 * @param runId the run's id, null when unknown (no run.json)
 * @param start its start (ISO-8601), null when unknown
 * @param complete whether it wrote run.json
 * @param generatorFellBehind whether its generator fell behind, null when unknown
 * @param intervals the complete intervals in its latency log
 */
public record RunSummary(
        String directory, String runId, String start, boolean complete, Boolean generatorFellBehind, int intervals) {

    /** The summary of {@code run}. */
    public static RunSummary of(ResultRun run) {
        return new RunSummary(
                run.directory().toString(),
                run.runId(),
                run.start(),
                run.complete(),
                run.generatorFellBehind(),
                run.intervals());
    }
}
