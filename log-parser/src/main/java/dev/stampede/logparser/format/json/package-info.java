/**
 * JSON lines read through a field map ({@link dev.stampede.logparser.format.json.JsonLinesFormat}), and
 * JSON envelopes (Docker, Kubernetes, shippers) around lines of any other line format.
 *
 * <p>Rules: a format is immutable and shared; each parsing thread has its own parser, which reuses one
 * value table line after line. A line is read in one streaming pass (Jackson's {@code JsonParser}) that
 * skips every subtree no mapped path enters: no tree is built, and only the mapped values become strings.
 * Malformed input is a rejection with a column, never an exception.
 */
package dev.stampede.logparser.format.json;
