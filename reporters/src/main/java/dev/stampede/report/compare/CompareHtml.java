package dev.stampede.report.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The comparison as HTML: a self-contained {@code <section class="stampede-compare">} (its CSS scoped to
 * that class, bars drawn with CSS, no script, no chart library) that the main report can embed as it
 * is, and {@code compare.html}, a page holding just that section. Each metric's bar shows its change
 * centred on zero (clipped at ±100%), coloured by its verdict; hovering a verdict shows the reason.
 */
public final class CompareHtml {

    /** The page's file name, next to {@code compare.json}. */
    public static final String FILE_NAME = "compare.html";

    /** Marks the section's start in the page, for tools that cut it out. */
    public static final String BEGIN_MARK = "<!-- stampede-compare:begin -->";

    /** Marks the section's end in the page. */
    public static final String END_MARK = "<!-- stampede-compare:end -->";

    private static final String STYLE = """
            <style>
            .stampede-compare{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430}
            .stampede-compare h2{font-size:1.25em;margin:0 0 .4em}
            .stampede-compare p{margin:.2em 0}
            .stampede-compare table{border-collapse:collapse;margin:.8em 0 1.2em;font-variant-numeric:tabular-nums}
            .stampede-compare th,.stampede-compare td{padding:2px 10px;text-align:right;border-bottom:1px solid #e8eaee;white-space:nowrap}
            .stampede-compare .l{text-align:left}
            .stampede-compare tbody th{background:#f3f5f8;text-align:left;padding-top:6px}
            .stampede-compare .bar{position:relative;width:220px;height:12px;background:#f6f7f9}
            .stampede-compare .bar i{position:absolute;top:0;height:12px}
            .stampede-compare .bar .axis{left:50%;width:1px;background:#8a93a3}
            .stampede-compare .regression{color:#b3261e;font-weight:600}
            .stampede-compare i.regression{background:#d9534f}
            .stampede-compare .improvement{color:#1e7b34;font-weight:600}
            .stampede-compare i.improvement{background:#3fa45b}
            .stampede-compare .inconclusive{color:#9a6700}
            .stampede-compare i.inconclusive{background:#e0a526}
            .stampede-compare .no-change{color:#5b6472}
            .stampede-compare i.no-change{background:#b7bdc7}
            .stampede-compare .notes li{color:#5b6472}
            .stampede-compare td.why{color:#5b6472;font-size:.85em;white-space:normal;max-width:34em}
            </style>
            """;

    private CompareHtml() {}

    /** The whole page, the section between {@link #BEGIN_MARK} and {@link #END_MARK}. */
    public static String page(Comparison comparison) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>stampede compare: " + escape(comparison.verdict().text()) + "</title>\n"
                + "</head>\n<body>\n" + BEGIN_MARK + "\n" + section(comparison) + END_MARK + "\n</body>\n</html>\n";
    }

    /** Writes the page to {@code file}. */
    public static void write(Comparison comparison, Path file) throws IOException {
        Files.writeString(file, page(comparison), StandardCharsets.UTF_8);
    }

    /** The self-contained section. */
    public static String section(Comparison comparison) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<section class=\"stampede-compare\">\n").append(STYLE);
        Verdict verdict = comparison.verdict();
        html.append("<h2>Baseline comparison: <span class=\"")
                .append(verdict.jsonName())
                .append("\">")
                .append(escape(CompareTable.verdictLine(comparison)))
                .append("</span></h2>\n");
        html.append("<p>baseline <code>")
                .append(escape(who(comparison.baseline())))
                .append("</code></p>\n");
        html.append("<p>candidate <code>")
                .append(escape(who(comparison.candidate())))
                .append("</code></p>\n");
        html.append("<p>Latency from the intended send time. A change counts when it exceeds its relative threshold"
                        + " and absolute floor and is consistent across the run (Mann-Whitney U on per-window values,"
                        + " significance ")
                .append(escape(Figures.percent(comparison.rules().alpha())))
                .append("); bars show the change, clipped at &plusmn;100% (errors: &plusmn;1 percentage point).</p>\n");
        html.append("<table>\n<thead><tr><th class=\"l\">metric</th><th>baseline</th><th>candidate</th>"
                + "<th>change</th><th class=\"l\">-100% &middot; 0 &middot; +100%</th><th class=\"l\">verdict</th><th class=\"l\">why</th>"
                + "</tr></thead>\n");
        rows(html, comparison.overall());
        comparison.endpoints().forEach(endpoint -> rows(html, endpoint));
        html.append("</table>\n");
        notes(html, comparison);
        return html.append("</section>\n").toString();
    }

    private static void rows(StringBuilder html, EndpointComparison row) {
        html.append("<tbody>\n<tr><th colspan=\"5\">")
                .append(escape(row.name()))
                .append("</th><th class=\"l ")
                .append(row.verdict().jsonName())
                .append("\">")
                .append(escape(row.verdict().text()))
                .append("</th><th></th></tr>\n");
        for (LatencyDelta delta : row.latency()) {
            html.append("<tr><td class=\"l\">")
                    .append(delta.metric().label())
                    .append("</td><td>")
                    .append(escape(Figures.latency(delta.baselineNanos())))
                    .append("</td><td>")
                    .append(escape(Figures.latency(delta.candidateNanos())))
                    .append("</td><td>")
                    .append(escape(Figures.percentDelta(delta.deltaRatio())))
                    .append("</td><td>");
            bar(html, delta.deltaRatio(), delta.verdict());
            verdictCell(html, delta.verdict(), delta.reason(), delta.tested());
        }
        ErrorDelta errors = row.errors();
        html.append("<tr><td class=\"l\">errors</td><td>")
                .append(
                        errors.baseline() == null
                                ? "-"
                                : escape(Figures.rate(errors.baseline().errorRate())))
                .append("</td><td>")
                .append(
                        errors.candidate() == null
                                ? "-"
                                : escape(Figures.rate(errors.candidate().errorRate())))
                .append("</td><td>")
                .append(escape(Figures.points(errors.deltaRate())))
                .append("</td><td>");
        bar(html, Double.isNaN(errors.deltaRate()) ? Double.NaN : errors.deltaRate() * 100, errors.verdict());
        verdictCell(html, errors.verdict(), errors.reason(), errors.tested());
        html.append("<tr><td class=\"l\">rate</td><td>")
                .append(escape(Figures.perSecond(row.baselineRatePerSec())))
                .append("</td><td>")
                .append(escape(Figures.perSecond(row.candidateRatePerSec())))
                .append("</td><td></td><td></td><td class=\"l no-change\">not judged</td><td></td></tr>\n");
        html.append("</tbody>\n");
    }

    /** A bar from the centre: right for worse (positive), left for better; {@code ratio} 1 is full width. */
    private static void bar(StringBuilder html, double ratio, Verdict verdict) {
        html.append("<div class=\"bar\"><i class=\"axis\"></i>");
        if (Double.isFinite(ratio) && ratio != 0) {
            double half = Math.min(Math.abs(ratio), 1.0) * 50;
            html.append(String.format(
                    Locale.ROOT,
                    "<i class=\"%s\" style=\"%s:50%%;width:%.1f%%\"></i>",
                    verdict.jsonName(),
                    ratio > 0 ? "left" : "right",
                    half));
        }
        html.append("</div></td>");
    }

    /** The verdict, and why when a change past the thresholds was judged (otherwise only on hover). */
    private static void verdictCell(StringBuilder html, Verdict verdict, String reason, boolean tested) {
        html.append("<td class=\"l ")
                .append(verdict.jsonName())
                .append("\" title=\"")
                .append(escape(reason))
                .append("\">")
                .append(escape(verdict.text()))
                .append("</td><td class=\"l why\">")
                .append(tested || verdict != Verdict.NO_CHANGE ? escape(reason) : "")
                .append("</td></tr>\n");
    }

    private static void notes(StringBuilder html, Comparison comparison) {
        if (comparison.onlyInBaseline().isEmpty()
                && comparison.onlyInCandidate().isEmpty()
                && comparison.notes().isEmpty()) {
            return;
        }
        html.append("<ul class=\"notes\">\n");
        if (!comparison.onlyInBaseline().isEmpty()) {
            html.append("<li>only in the baseline (not judged): ")
                    .append(escape(String.join(", ", comparison.onlyInBaseline())))
                    .append("</li>\n");
        }
        if (!comparison.onlyInCandidate().isEmpty()) {
            html.append("<li>only in the candidate (not judged): ")
                    .append(escape(String.join(", ", comparison.onlyInCandidate())))
                    .append("</li>\n");
        }
        for (String note : comparison.notes()) {
            html.append("<li>").append(escape(note)).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static String who(RunSummary run) {
        return run.directory() + (run.runId() == null ? " (no run.json)" : " (run " + run.runId() + ")");
    }

    /** Text made safe for element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
