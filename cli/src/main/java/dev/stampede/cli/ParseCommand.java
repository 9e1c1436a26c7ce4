package dev.stampede.cli;

import dev.stampede.common.time.NanoClock;
import dev.stampede.logparser.LogFormat;
import dev.stampede.logparser.format.FormatDetector;
import dev.stampede.logparser.format.Formats;
import dev.stampede.logparser.input.Input;
import dev.stampede.logparser.input.Inputs;
import dev.stampede.logparser.pipeline.Filter;
import dev.stampede.logparser.pipeline.InputFailedException;
import dev.stampede.logparser.pipeline.ParseJob;
import dev.stampede.logparser.pipeline.ParseOptions;
import dev.stampede.logparser.pipeline.ParseSummary;
import dev.stampede.logparser.store.RecordStoreWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stampede parse}: access logs in, a time-ordered record store out, every line accounted for. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Parses access logs (files, directories, globs, - for stdin; .gz and .zst read as they are) into a"
                    + " record store in start-time order. Every line ends parsed, rejected (counted by reason, the"
                    + " first few shown with file:line) or skipped by a filter.",
            "",
            "Formats: nginx:'<log_format>' | nginx:combined|main|stampede, apache:'<LogFormat>' |"
                    + " apache:common|combined|vhost_combined|combinedio, json:<field=path,...> |"
                    + " json:wrap=<field>,inner=<format>, alb, w3c, gor (GoReplay), har (HAR 1.2); bare presets"
                    + " combined, main, stampede, common, vhost_combined. Not sure? stampede parse --detect FILE."
        })
final class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Log files, directories, globs, or - for stdin.")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "SPEC", description = "The log format (see above).")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "STORE",
            description = "The record store directory to create.")
    Path output;

    @Option(names = "--detect", description = "Look at the first lines and suggest --format; nothing is written.")
    boolean detect;

    @Option(
            names = "--reorder-window",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "Put records up to D out of order back in order (default: ${DEFAULT-VALUE}s).")
    Duration reorderWindow = Duration.ofSeconds(10);

    @Option(names = "--skip-static", description = "Skip static assets (images, scripts, styles, fonts).")
    boolean skipStatic;

    @Option(names = "--skip-health", description = "Skip health and metrics probes (/health, /healthz, /metrics, ...).")
    boolean skipHealth;

    @Option(names = "--skip-path", paramLabel = "REGEX", description = "Skip paths matching REGEX (repeatable).")
    List<String> skipPaths = new ArrayList<>();

    @Option(names = "--from", paramLabel = "TIME", description = "Skip requests before TIME (ISO-8601 with offset).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Skip requests from TIME on (ISO-8601 with offset).")
    String to;

    @Option(
            names = "--max-reject-ratio",
            paramLabel = "R",
            description = "Fail (exit 1) when more than R of the lines are rejected (default: no limit).")
    Double maxRejectRatio;

    @Option(names = "--threads", paramLabel = "N", description = "Parse workers (default: the cores).")
    Integer threads;

    @Option(
            names = "--show-rejects",
            paramLabel = "N",
            description = "Rejected lines to show (default: ${DEFAULT-VALUE}).")
    int showRejects = 5;

    @Override
    public Integer call() throws Exception {
        List<Input> expanded = inputs();
        if (detect) {
            return new Detection(spec.commandLine().getOut()).run(expanded.get(0));
        }
        LogFormat logFormat = logFormat();
        ParseOptions options = options();
        if (output == null) {
            throw new ParameterException(spec.commandLine(), "give the record store directory with -o STORE");
        }
        PrintWriter out = spec.commandLine().getOut();
        NanoClock clock = NanoClock.system();
        ParseSummary summary;
        RecordStoreWriter store;
        try {
            store = RecordStoreWriter.create(output, logFormat.describe(), clock.epochMillis());
        } catch (IllegalArgumentException e) {
            throw new RunFailedException(e.getMessage(), e);
        }
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), System.console() != null);
        try (store) {
            summary = new ParseJob(logFormat, options, clock).run(expanded, store, progress);
        } catch (InputFailedException e) {
            throw new RunFailedException(e.getMessage(), e);
        }
        progress.done();
        summary.writeJson(output.resolve("summary.json"));
        new SummaryPrinter(out).print(summary, output);
        if (maxRejectRatio != null && summary.rejectRatio() > maxRejectRatio) {
            throw new RunFailedException(String.format(
                    java.util.Locale.ROOT,
                    "%.2f%% of the lines were rejected, more than --max-reject-ratio %s allows (store kept: %s)",
                    summary.rejectRatio() * 100,
                    maxRejectRatio,
                    output));
        }
        return ExitCode.OK;
    }

    private List<Input> inputs() {
        try {
            return Inputs.expand(inputs, System.in);
        } catch (IllegalArgumentException e) {
            throw new RunFailedException(e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new RunFailedException(e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
    }

    private LogFormat logFormat() {
        if (format == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "give the log format with --format (or run --detect to find it); forms: " + Formats.forms());
        }
        try {
            return Formats.resolve(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private ParseOptions options() {
        List<Filter> filters = new ArrayList<>();
        if (skipStatic) {
            filters.add(Filter.staticAssets());
        }
        if (skipHealth) {
            filters.add(Filter.healthChecks());
        }
        for (String regex : skipPaths) {
            try {
                filters.add(Filter.pathMatching(regex));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new ParameterException(
                        spec.commandLine(), "--skip-path '" + regex + "' is not a regex: " + e.getDescription(), e);
            }
        }
        if (from != null || to != null) {
            filters.add(Filter.outside(
                    from == null ? Long.MIN_VALUE : micros("--from", from),
                    to == null ? Long.MAX_VALUE : micros("--to", to)));
        }
        if (maxRejectRatio != null && (maxRejectRatio < 0 || maxRejectRatio > 1)) {
            throw new ParameterException(spec.commandLine(), "--max-reject-ratio must be between 0 and 1");
        }
        ParseOptions options = ParseOptions.defaults()
                .withFilters(filters)
                .withReorderWindowMicros(reorderWindow.toNanos() / 1000)
                .withRejectionSamples(showRejects);
        return threads == null ? options : options.withThreads(threads);
    }

    private long micros(String option, String text) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            return time.toEpochSecond() * 1_000_000L + time.getNano() / 1000;
        } catch (DateTimeParseException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    option + " '" + text + "' is not an ISO-8601 time with offset, e.g. 2026-11-21T09:30:00+08:00",
                    e);
        }
    }

    /** {@code --detect}: suggestions for the first input. */
    private static final class Detection {
        private final PrintWriter out;

        Detection(PrintWriter out) {
            this.out = out;
        }

        int run(Input input) throws IOException {
            List<String> sample = Sample.firstLines(input, 100);
            List<FormatDetector.Suggestion> suggestions = FormatDetector.suggest(sample);
            if (suggestions.isEmpty()) {
                out.printf(
                        java.util.Locale.ROOT,
                        "%s: no known format parses its first %d lines; give --format"
                                + " nginx:'<your log_format>' (from nginx.conf)%n",
                        input.name(),
                        sample.size());
                return ExitCode.RUN_FAILED;
            }
            out.printf(java.util.Locale.ROOT, "%s: first %d lines%n", input.name(), sample.size());
            for (FormatDetector.Suggestion s : suggestions) {
                String fit = s.parsed() > 0 ? s.parsed() + "/" + s.sampled() + " lines parse" : "by its shape";
                out.printf(
                        java.util.Locale.ROOT, "  --format %s    (%s; %s)%n", quoteForShell(s.spec()), fit, s.note());
            }
            out.flush();
            return ExitCode.OK;
        }

        private static String quoteForShell(String spec) {
            return spec.contains(" ") || spec.contains("$") || spec.contains("<") ? "'" + spec + "'" : spec;
        }
    }
}
