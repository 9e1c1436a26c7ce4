package dev.stampede.report.files;

import dev.stampede.report.model.RunResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every report file of a result directory from what the directory holds: {@code summary.json},
 * {@code junit.xml}, {@code latency.hgrm}, one {@code .hgrm} per endpoint, and {@code report.html}. What
 * {@code stampede report} runs, and {@code stampede run} at its end. Existing files are replaced whole.
 */
public final class ResultFiles {

    private ResultFiles() {}

    /**
     * What was written.
     *
     * @param results the directory read back
     * @param files every file written, {@code summary.json} first
     */
    public record Written(RunResults results, List<Path> files) {

        /** Copies the list. */
        public Written {
            files = List.copyOf(files);
        }
    }

    /** Reads {@code resultDir} and writes every report file into it. */
    public static Written writeAll(Path resultDir) throws IOException {
        return writeAll(RunResults.read(resultDir));
    }

    /** Writes every report file of {@code results} into its directory. */
    public static Written writeAll(RunResults results) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(SummaryJsonWriter.write(results));
        files.add(JunitXmlWriter.write(results));
        files.addAll(HgrmFiles.write(results));
        files.add(dev.stampede.report.html.HtmlReport.write(results.directory()));
        return new Written(results, files);
    }
}
