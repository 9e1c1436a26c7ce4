/**
 * Result files: {@code .hgrm} percentile distributions, {@code summary.json} (documented schema),
 * {@code junit.xml} and the self-contained {@code report.html}. Status: arrives with issue #8.
 */
package dev.stampede.report.files;
