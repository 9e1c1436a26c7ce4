/**
 * {@code report.html}: the self-contained, offline HTML report of a result directory.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Reading ({@link dev.stampede.report.html.ReportData#read}) is {@link
 *       dev.stampede.report.model.RunResults}' (the one reader of result directories; nothing here parses a
 *       result file): one streaming pass over {@code latency.hlog} decoding its latency and send-lag lines,
 *       so memory depends on the number of endpoints, never on the run's length. Time series are cut to at
 *       most {@code ReportDataReader.MAX_POINTS} points by the model merging consecutive intervals exactly
 *       ({@link dev.stampede.report.model.ReadOptions#maxPoints()}: histograms merged, counts summed),
 *       keeping each point's slowest and fastest interval rate. One hour at 10k req/s over 30 endpoints
 *       (208 MB of log): about 3.8 s cold, report.html 0.47 MB ({@code benchmarks/report/scale.sh}).
 *   <li>A killed run (no {@code run.json}, maybe a torn last line) is reported from what is there, and the
 *       verdict says what is missing.
 *   <li>The page fetches nothing: Chart.js comes from its WebJar on the class path and is inlined; the data
 *       is JSON in the page, escaped so no text from a result file can end its script element.
 *   <li>{@link dev.stampede.report.html.ReportData} is the only thing the page depends on: another reader of
 *       result directories can build it and call {@link dev.stampede.report.html.HtmlReport#write(
 *       dev.stampede.report.html.ReportData, java.nio.file.Path)}.
 *   <li>Single-threaded; nothing here runs during a run.
 * </ul>
 */
package dev.stampede.report.html;
