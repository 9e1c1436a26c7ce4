package dev.stampede.report.html;

import dev.stampede.common.files.ResultFiles;
import dev.stampede.report.compare.CompareHtml;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code report.html}: one self-contained page that works offline (Chart.js, the page's script and
 * styles inlined, the data embedded as JSON; see {@link ReportJson} for its layout). It shows the run's
 * identity and verdict, throughput (target vs achieved), latency percentiles over time, p99 over time of the
 * busiest endpoints, the percentile spectrum on HdrHistogram's "nines" axis (overall and per endpoint), a
 * per-endpoint table, errors by class over time, send lag over time, run events (as markers and a table),
 * and the capacity search's step table and knee chart when {@code capacity.json} is there.
 *
 * <p>The page records its health on {@code <body>}: {@code data-charts-expected}, {@code data-charts-drawn}
 * and {@code data-script-errors}, which the headless-browser test reads.
 */
public final class HtmlReport {

    /** The file's name in the result directory. */
    public static final String FILE_NAME = "report.html";

    private static final String RESOURCES = "/dev/stampede/report/html/";

    private HtmlReport() {}

    /**
     * Reads {@code resultDir} and writes {@code resultDir/report.html}; returns its path. When the directory
     * holds a {@code compare.html} ({@code stampede compare} with this run as the candidate), its comparison
     * section is part of the page, at its end.
     */
    public static Path write(Path resultDir) throws IOException {
        return write(ReportData.read(resultDir), resultDir.resolve(FILE_NAME), comparisonIn(resultDir));
    }

    /** Writes the page for {@code data} to {@code file}, replacing it whole (written aside, then moved). */
    public static Path write(ReportData data, Path file) throws IOException {
        return write(data, file, "");
    }

    private static Path write(ReportData data, Path file, String comparison) throws IOException {
        return ResultFiles.replace(file, out -> render(data, out, comparison));
    }

    /** Writes the page for {@code data} to {@code out}. */
    public static void render(ReportData data, Writer out) throws IOException {
        render(data, out, "");
    }

    /** The comparison section of {@code resultDir/compare.html} (between its marks), or "" without one. */
    private static String comparisonIn(Path resultDir) throws IOException {
        Path file = resultDir.resolve("compare.html");
        if (!Files.isRegularFile(file)) {
            return "";
        }
        String html = Files.readString(file, StandardCharsets.UTF_8);
        int begin = html.indexOf(CompareHtml.BEGIN_MARK);
        int end = html.indexOf(CompareHtml.END_MARK);
        return begin < 0 || end < begin ? "" : html.substring(begin, end + CompareHtml.END_MARK.length());
    }

    /** The page, with {@code comparison} (a section of HTML, or "") before the end of its body. */
    private static void render(ReportData data, Writer out, String comparison) throws IOException {
        String template = Templates.TEMPLATE;
        String[] parts = template.split("/\\*(TITLE|STYLE|CHART_JS|DATA|REPORT_JS)\\*/", -1);
        if (parts.length != 6) {
            throw new IllegalStateException("report-template.html must hold each placeholder once");
        }
        out.write(parts[0]);
        out.write(escapeText(title(data)));
        out.write(parts[1]);
        out.write(Templates.STYLE);
        out.write(parts[2]);
        out.write(ChartLibrary.script());
        out.write(parts[3]);
        ReportJson.write(data, out);
        out.write(parts[4]);
        out.write(Templates.SCRIPT);
        int bodyEnd = parts[5].lastIndexOf("</body>");
        if (comparison.isEmpty() || bodyEnd < 0) {
            out.write(parts[5]);
        } else {
            out.write(parts[5], 0, bodyEnd);
            out.write(comparison);
            out.write('\n');
            out.write(parts[5], bodyEnd, parts[5].length() - bodyEnd);
        }
    }

    /**
     * Writes {@code report.html} into each result directory given: {@code HtmlReport RESULT_DIR...}. Exits 1
     * when one cannot be written (the reason on standard error).
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 0) {
            err.println("usage: HtmlReport RESULT_DIR...");
            System.exit(2);
        }
        int failures = 0;
        for (String dir : args) {
            try {
                out.println("wrote " + write(Path.of(dir)));
            } catch (IOException | RuntimeException e) {
                err.println("cannot write the report of " + dir + ": " + e);
                failures++;
            }
        }
        if (failures > 0) {
            System.exit(1);
        }
    }

    private static String title(ReportData data) {
        String runId = data.identity().runId();
        return "Stampede report" + (runId.isEmpty() ? "" : " " + runId);
    }

    private static String escapeText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The page's own files, read once. */
    private static final class Templates {
        static final String TEMPLATE = resource("report-template.html");
        static final String STYLE = resource("report.css");
        static final String SCRIPT = resource("report.js").replace("</script", "<\\/script");

        private static String resource(String name) {
            try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCES + name + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
