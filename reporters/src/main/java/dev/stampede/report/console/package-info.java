/**
 * The live console line of a running load ({@link dev.stampede.report.console.LiveConsole}): elapsed and
 * planned time, target and achieved rate, requests in flight, the last interval's p50/p99/max, errors by
 * class, unsent, send lag and the guards' state; rewritten in place with a progress bar on a terminal,
 * quiet plain lines in a CI log. It reads the engine's interval snapshot, never the hot path.
 */
package dev.stampede.report.console;
