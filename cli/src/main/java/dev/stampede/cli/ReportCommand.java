package dev.stampede.cli;

import dev.stampede.report.files.Check;
import dev.stampede.report.files.ResultFiles;
import dev.stampede.report.files.RunChecks;
import dev.stampede.report.files.Verdict;
import dev.stampede.report.model.InvalidResultsException;
import dev.stampede.report.model.RunResults;
import dev.stampede.report.model.SeriesResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stampede report}: writes every report file of a result directory again, from its files alone. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Writes the report files of a result directory from latency.hlog, run.json, intervals.jsonl and"
                    + " capacity.json: summary.json, junit.xml, latency.hgrm and one .hgrm per endpoint"
                    + " (docs/results.md describes each).",
            "Also for a run that was killed (kill -9, no run.json): everything up to its last complete interval"
                    + " is reported, and the files say the run did not end.",
            "Exits 0 when the files were written, whatever the checks say (junit.xml carries them to CI)."
        })
final class ReportCommand implements Callable<Integer> {

    /** At most this many file names on the line of files written; the rest are counted. */
    private static final int LISTED_FILES = 8;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULT_DIR", description = "The run's result directory (stampede run -o).")
    Path resultDir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(resultDir)) {
            throw new RunFailedException(resultDir + " is not a directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        ResultFiles.Written written = write(resultDir);
        RunResults results = written.results();
        for (String note : results.notes()) {
            out.println("note: " + note);
        }
        out.println(overview(results));
        for (Check check : RunChecks.of(results)) {
            out.printf(
                    Locale.ROOT,
                    "  %-7s %s%s%n",
                    check.verdict() == Verdict.FAILED
                            ? "FAILED"
                            : check.verdict().word(),
                    check.name(),
                    check.verdict() == Verdict.PASSED ? "" : ": " + check.message());
        }
        printFiles(out, written);
        out.flush();
        return ExitCode.OK;
    }

    /**
     * Writes every report file of {@code dir} and prints the line of files written: the end of {@code
     * stampede run}.
     */
    static void writeReports(Path dir, PrintWriter out) throws IOException {
        printFiles(out, write(dir));
    }

    private static ResultFiles.Written write(Path dir) throws IOException {
        try {
            return ResultFiles.writeAll(dir);
        } catch (InvalidResultsException e) {
            throw new RunFailedException(e.getMessage(), e);
        }
    }

    /** {@code 4 intervals (3.1 s), 1,500 requests ended; latency p50 0.19 ms  p99 52.00 ms  max 80.08 ms}. */
    private static String overview(RunResults results) {
        SeriesResults overall = results.overall();
        Histogram latency = overall.latency();
        return String.format(
                Locale.ROOT,
                "%s: %s, %d intervals (%.1f s), %,d latencies; p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms",
                results.directory(),
                results.complete() ? "run ended" : "run did not end",
                overall.points().size(),
                results.endSeconds(),
                latency.getTotalCount(),
                latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(99) / 1e6,
                latency.getValueAtPercentile(99.9) / 1e6,
                latency.getMaxValue() / 1e6);
    }

    /** {@code reports: summary.json, junit.xml, latency.hgrm, GET.hgrm (in DIR)}. */
    private static void printFiles(PrintWriter out, ResultFiles.Written written) {
        List<Path> files = written.files();
        StringBuilder line = new StringBuilder("reports: ");
        for (int i = 0; i < Math.min(files.size(), LISTED_FILES); i++) {
            line.append(i == 0 ? "" : ", ").append(files.get(i).getFileName());
        }
        if (files.size() > LISTED_FILES) {
            line.append(String.format(Locale.ROOT, " and %d more .hgrm files", files.size() - LISTED_FILES));
        }
        out.println(line.append(" (in ").append(written.results().directory()).append(')'));
    }
}
