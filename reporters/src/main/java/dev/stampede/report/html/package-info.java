/**
 * {@code report.html}: the self-contained, offline HTML report of a result directory.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Reading ({@link dev.stampede.report.html.ReportData#read}) is one streaming pass over {@code
 *       latency.hlog} (and one over {@code intervals.jsonl}): each interval histogram is summarised as it is
 *       read, so memory depends on the number of endpoints, never on the run's length. Time series are cut to
 *       at most {@code ReportDataReader.MAX_POINTS} points by merging consecutive intervals exactly
 *       (histograms merged, counts summed), keeping each point's slowest and fastest interval rate.
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
