/**
 * The report files of a result directory, written from {@link dev.stampede.report.model.RunResults} by
 * {@link dev.stampede.report.files.ResultFiles#writeAll}: {@code summary.json} ({@link
 * dev.stampede.report.files.SummaryJsonWriter}), {@code junit.xml} ({@link
 * dev.stampede.report.files.JunitXmlWriter}), and the {@code .hgrm} percentile distributions ({@link
 * dev.stampede.report.files.HgrmFiles}). {@code docs/results.md} documents each file.
 *
 * <p>Rules: every file is written whole (aside, then moved in place); the same directory gives the same
 * bytes (no time of writing, no absolute path, fixed order), so golden tests hold; the checks that CI
 * sees ({@link dev.stampede.report.files.RunChecks}) are the same in {@code summary.json} and {@code
 * junit.xml}. Single-threaded; nothing here is on a hot path.
 */
package dev.stampede.report.files;
