/**
 * The live console line (once a second; plain lines when not on a terminal). Status: arrives with
 * issue #8.
 */
package dev.stampede.report.console;
