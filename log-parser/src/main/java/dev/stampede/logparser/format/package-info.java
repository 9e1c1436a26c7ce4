/**
 * Log formats compiled into line parsers: any nginx {@code log_format}, any Apache {@code LogFormat},
 * JSON lines with a field map, AWS ALB, W3C extended, GoReplay {@code .gor} and HAR 1.2, plus format
 * detection.
 *
 * <p>Rules: a compiled parser is immutable and shared by all parsing threads; a per-thread cursor
 * holds mutable state. A malformed line is an outcome (file, line number, field, reason), never an
 * exception that escapes the parser. Nothing is allocated per field that the record does not keep.
 *
 * <p>Status: arrives with issue #4.
 */
package dev.stampede.logparser.format;
