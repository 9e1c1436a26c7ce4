/**
 * Baseline comparison: per-endpoint percentile and error-rate deltas and a verdict that does not call
 * run-to-run noise a regression. Status: arrives with issue #8.
 */
package dev.stampede.report.compare;
