package dev.stampede.report.model;

import dev.stampede.control.guard.SloResult;
import dev.stampede.engine.measure.GeneratorHealth;
import dev.stampede.engine.measure.RunEvent;
import dev.stampede.engine.measure.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A result directory read back: the one model every reporter works from ({@code summary.json}, the
 * {@code .hgrm} files, {@code junit.xml}, {@code report.html}, comparisons). {@link #read} builds it from
 * the files alone, also for a run that was killed; see {@code docs/results.md} for the files and the
 * package documentation for the rules.
 *
 * <p>Immutable (histograms are handed out as copies). Memory is bounded by the run's shape, not its
 * request count: per endpoint three cumulative histograms (about 256 KB each at the engine's 1 ns to
 * 1 hour, 3 digits) and one {@link IntervalPoint} per interval (or per group of intervals, see {@link ReadOptions}); per interval one {@link IntervalRecord}.
 */
public final class RunResults {

    private final Path directory;
    private final RunInfo run;
    private final long startEpochMillis;
    private final double endSeconds;
    private final List<IntervalRecord> intervals;
    private final SeriesResults overall;
    private final List<SeriesResults> endpoints;
    private final CapacityTable capacity;
    private final GeneratorHealth generator;
    private final List<String> notes;
    private final LeftOut leftOut;
    private final int intervalsPerPoint;

    /**
     * Lines the reader left out of each log file: a torn last line (a killed run) and lines it could not
     * read; {@link #notes()} says which.
     *
     * @param hlogLines lines of {@code latency.hlog}
     * @param intervalsLines lines of {@code intervals.jsonl}
     */
    public record LeftOut(int hlogLines, int intervalsLines) {}

    RunResults(
            Path directory,
            RunInfo run,
            long startEpochMillis,
            double endSeconds,
            List<IntervalRecord> intervals,
            SeriesResults overall,
            List<SeriesResults> endpoints,
            CapacityTable capacity,
            GeneratorHealth generator,
            List<String> notes,
            LeftOut leftOut,
            int intervalsPerPoint) {
        this.directory = directory;
        this.run = run;
        this.startEpochMillis = startEpochMillis;
        this.endSeconds = endSeconds;
        this.intervals = List.copyOf(intervals);
        this.overall = overall;
        this.endpoints = List.copyOf(endpoints);
        this.capacity = capacity;
        this.generator = generator;
        this.notes = List.copyOf(notes);
        this.leftOut = leftOut;
        this.intervalsPerPoint = intervalsPerPoint;
    }

    /**
     * Reads the result directory {@code directory}: {@code latency.hlog} (required), {@code run.json},
     * {@code intervals.jsonl} and {@code capacity.json} (each optional).
     *
     * @throws InvalidResultsException when there is no latency log, or a file is in a format or version
     *     this build does not read
     */
    public static RunResults read(Path directory) throws IOException {
        return read(directory, ReadOptions.ALL);
    }

    /**
     * Reads {@code directory} as {@link #read(Path)} does, {@code latency.hlog} as {@code options} say:
     * the metrics decoded (the others' histograms and figures are empty) and how many points per series.
     */
    public static RunResults read(Path directory, ReadOptions options) throws IOException {
        return ResultDirectoryReader.read(directory, options);
    }

    /** The directory read. */
    public Path directory() {
        return directory;
    }

    /** {@code run.json}: empty when the run did not end (killed), so never wrote it. */
    public Optional<RunInfo> run() {
        return Optional.ofNullable(run);
    }

    /**
     * Whether the run ended and wrote {@code run.json}. When not, everything here covers the complete
     * intervals only, outcome counts come from {@code intervals.jsonl}, and there are no events or SLO
     * results.
     */
    public boolean complete() {
        return run != null;
    }

    /** The measurement's start, wall-clock: the origin of every interval time (the log's StartTime). */
    public long startEpochMillis() {
        return startEpochMillis;
    }

    /** The end of the last interval reported, seconds since {@link #startEpochMillis()}. */
    public double endSeconds() {
        return endSeconds;
    }

    /**
     * The time rates are computed over, in seconds: how long requests were released ({@code run.json}'s
     * {@code sendingMillis}) for a run that ended, else {@link #endSeconds()}.
     */
    public double sendingSeconds() {
        long sendingNanos = run == null ? 0 : run.generator().use().sendingNanos();
        return sendingNanos > 0 ? sendingNanos / 1e9 : endSeconds;
    }

    /** The complete lines of {@code intervals.jsonl}, in order; empty without the file. */
    public List<IntervalRecord> intervals() {
        return intervals;
    }

    /** All endpoints together. */
    public SeriesResults overall() {
        return overall;
    }

    /**
     * Each endpoint, in the run's order ({@code run.json}'s, then any only the interval files name, in
     * the order they appear).
     */
    public List<SeriesResults> endpoints() {
        return endpoints;
    }

    /** The endpoint named {@code name}. */
    public Optional<SeriesResults> endpoint(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The lines the reader left out of the log files. */
    public LeftOut leftOut() {
        return leftOut;
    }

    /**
     * The log intervals each {@link IntervalPoint} merges (1 unless the read asked for fewer points than
     * the log has intervals).
     */
    public int intervalsPerPoint() {
        return intervalsPerPoint;
    }

    /** {@code capacity.json}: present after a capacity search. */
    public Optional<CapacityTable> capacity() {
        return Optional.ofNullable(capacity);
    }

    /**
     * Whether the generator kept its schedule: {@code run.json}'s verdict; for a killed run, judged on
     * the send lag of the complete intervals alone against {@link GeneratorHealth#DEFAULT_THRESHOLD_NANOS}
     * (what it used is then unknown: {@link dev.stampede.engine.measure.GeneratorUse#NOT_MEASURED}).
     */
    public GeneratorHealth generator() {
        return generator;
    }

    /** Each guard as a pass/fail SLO over the run; empty for a killed run (unknown) or without guards. */
    public List<SloResult> slo() {
        return run == null ? List.of() : run.slo();
    }

    /** What happened during the run (rate changes, guard trips, stops); empty for a killed run. */
    public List<RunEvent> events() {
        return run == null ? List.of() : run.events();
    }

    /**
     * What the reader had to leave out or assume, one sentence each, for people: a killed run, torn
     * lines, lines it could not decode, outcome codes it does not know. Empty for a clean directory.
     */
    public List<String> notes() {
        return notes;
    }
}
