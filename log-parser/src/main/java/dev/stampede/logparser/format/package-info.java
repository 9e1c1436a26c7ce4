/**
 * Log formats, one sub-package per family, and what they share.
 *
 * <ul>
 *   <li>Line formats, parsed in parallel batches: {@code nginx} (any {@code log_format}), {@code apache}
 *       (any {@code LogFormat}), {@code json} (JSON lines with a field map, or wrapping another format),
 *       {@code alb} (AWS Application Load Balancer).
 *   <li>Document formats, read whole and in order: {@code gor} (GoReplay captures, multi-line entries with
 *       responses matched to requests), {@code har} (HAR 1.2, streamed), {@code w3c} (W3C extended / IIS,
 *       whose {@code #Fields} may change mid-file).
 *   <li>Shared here: {@link dev.stampede.logparser.format.Formats} (the {@code --format} registry), {@link
 *       dev.stampede.logparser.format.FormatDetector} ({@code --detect}), and the helpers for CLF times,
 *       request lines, escapes and headers.
 * </ul>
 *
 * <p>Rules: a compiled format is immutable and shared; each thread parses with its own parser. A
 * malformed line or entry is an outcome (reason, field, column), never an exception that escapes the
 * parser. Bytes are kept as ISO-8859-1 chars, one per byte, so values round-trip exactly.
 */
package dev.stampede.logparser.format;
