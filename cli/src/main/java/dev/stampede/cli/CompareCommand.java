package dev.stampede.cli;

import dev.stampede.report.compare.CompareHtml;
import dev.stampede.report.compare.CompareJsonWriter;
import dev.stampede.report.compare.CompareRules;
import dev.stampede.report.compare.CompareTable;
import dev.stampede.report.compare.Comparison;
import dev.stampede.report.compare.ResultDirectoryException;
import dev.stampede.report.compare.ResultDirectoryReader;
import dev.stampede.report.compare.ResultRun;
import dev.stampede.report.compare.RuleSpecs;
import dev.stampede.report.compare.RunComparer;
import dev.stampede.report.compare.Verdict;
import dev.stampede.report.html.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stampede compare BASELINE_DIR CANDIDATE_DIR}: per-endpoint latency and error-rate deltas, a
 * verdict that does not call run-to-run noise a regression (the rule is on {@code
 * dev.stampede.report.compare}), {@code compare.json} and {@code compare.html}, and an exit code for CI.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Compares a candidate run with a baseline run, endpoint by endpoint (matched by name) and over all:"
                    + " p50, p90, p99, p99.9 and max of the latency from the intended send time, the error rate"
                    + " (5xx, transport errors and timeouts over attempted requests; 4xx shown apart) and the"
                    + " achieved rate.",
            "A change is a regression (or an improvement) only when it exceeds its relative threshold AND its"
                    + " absolute floor AND is consistent across the run: a Mann-Whitney U test on the runs'"
                    + " per-window values (windows of 5/(1-q) requests), adjusted for the number of tests, with at"
                    + " least a medium effect. Too few windows: inconclusive. Error rates: a floor and a"
                    + " two-proportion test. Reads a killed run too (from latency.hlog and intervals.jsonl).",
            "Prints a table, writes compare.json (format stampede-compare) and compare.html (a self-contained"
                    + " section) to CANDIDATE_DIR, or next to --out. Details: docs/results.md, \"Comparing runs\"."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  no regression (improvement, no change, or inconclusive without --fail-on-inconclusive)",
            "  1  a regression (or, with --fail-on-inconclusive, a change that could not be judged)",
            "  2  no comparison: bad option, missing or unreadable result directory, output not writable"
        })
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE_DIR", description = "The baseline run's result directory.")
    Path baselineDir;

    @Parameters(index = "1", paramLabel = "CANDIDATE_DIR", description = "The candidate run's result directory.")
    Path candidateDir;

    @Option(
            names = "--threshold",
            paramLabel = "METRIC=N%",
            description = "Relative threshold a latency change must exceed: p50, p90, p99, p99.9, max or all,"
                    + " e.g. p99=15%,max=25%; a bare 20% sets all. Default 10%. Repeatable.")
    List<String> thresholds = new ArrayList<>();

    @Option(
            names = "--floor",
            paramLabel = "METRIC=DURATION",
            description = "Absolute change a latency change must also exceed, e.g. p50=200us or 2ms for all"
                    + " (units ns, us, ms, s). Default 1ms, so 0.2 ms to 0.3 ms is no regression. Repeatable.")
    List<String> floors = new ArrayList<>();

    @Option(
            names = "--error-floor",
            paramLabel = "POINTS",
            description = "Change of the error rate that must be exceeded, in percentage points (0.5%) or as a"
                    + " fraction (0.005). Default 0.1%.")
    String errorFloor;

    @Option(
            names = "--alpha",
            paramLabel = "LEVEL",
            description = "Significance level of the consistency tests, over the whole comparison. Default 0.01.")
    Double alpha;

    @Option(
            names = "--min-windows",
            paramLabel = "N",
            description = "Windows each run needs before a latency change can be judged. Default 10.")
    Integer minWindows;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the JSON to FILE instead of CANDIDATE_DIR/compare.json; the HTML goes next to it"
                    + " (FILE with .html for .json).")
    Path out;

    @Option(
            names = "--fail-on-inconclusive",
            description = "Exit 1 also when a change past the thresholds could not be judged (too few windows, no"
                    + " counts): for a CI that must not pass on runs too short to tell.")
    boolean failOnInconclusive;

    @Override
    public Integer call() {
        CompareRules rules = rules();
        // The two logs are read at once: decoding an hour-long log takes seconds, and there are two.
        CompletableFuture<ResultRun> candidateRead =
                CompletableFuture.supplyAsync(() -> ResultDirectoryReader.read(candidateDir));
        ResultRun baseline = read(baselineDir, "BASELINE_DIR");
        ResultRun candidate = joined(candidateRead, "CANDIDATE_DIR");
        Comparison comparison = new RunComparer(rules).compare(baseline, candidate);
        PrintWriter stdout = spec.commandLine().getOut();
        CompareTable.print(comparison, stdout);
        Path json = out != null ? out : candidateDir.resolve(CompareJsonWriter.FILE_NAME);
        Path html = htmlNextTo(json);
        try {
            CompareJsonWriter.write(comparison, json);
            CompareHtml.write(comparison, html);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write " + json + " or " + html + ": " + e, e);
        }
        stdout.printf(Locale.ROOT, "wrote %s and %s%n", json, html);
        if (out == null && Files.isRegularFile(candidateDir.resolve(HtmlReport.FILE_NAME))) {
            try { // the candidate's report.html gets the comparison as its last section
                stdout.printf(Locale.ROOT, "and its section into %s%n", HtmlReport.write(candidateDir));
            } catch (IOException | RuntimeException e) {
                stdout.printf(Locale.ROOT, "report.html was left as it was: %s%n", e.getMessage());
            }
        }
        stdout.flush();
        boolean fail = comparison.verdict() == Verdict.REGRESSION || failOnInconclusive && comparison.anyInconclusive();
        return fail ? ExitCode.REGRESSION : ExitCode.OK;
    }

    private CompareRules rules() {
        try {
            CompareRules rules = CompareRules.defaults();
            for (String threshold : thresholds) {
                rules = RuleSpecs.threshold(rules, threshold);
            }
            for (String floor : floors) {
                rules = RuleSpecs.floor(rules, floor);
            }
            if (errorFloor != null) {
                rules = RuleSpecs.errorRateFloor(rules, errorFloor);
            }
            if (alpha != null) {
                rules = rules.withAlpha(alpha);
            }
            if (minWindows != null) {
                rules = rules.withMinWindows(minWindows);
            }
            return rules;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private ResultRun read(Path dir, String label) {
        try {
            return ResultDirectoryReader.read(dir);
        } catch (ResultDirectoryException e) {
            throw new ParameterException(spec.commandLine(), label + ": " + e.getMessage(), e);
        }
    }

    private ResultRun joined(CompletableFuture<ResultRun> reading, String label) {
        try {
            return reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ResultDirectoryException failure) {
                throw new ParameterException(spec.commandLine(), label + ": " + failure.getMessage(), failure);
            }
            throw e;
        }
    }

    /** {@code compare.json} to {@code compare.html}; any other name gets {@code .html} appended. */
    private static Path htmlNextTo(Path json) {
        String name = json.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return json.resolveSibling(base + ".html");
    }
}
