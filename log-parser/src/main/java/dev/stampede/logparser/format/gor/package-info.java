/**
 * GoReplay {@code .gor} capture files ({@link dev.stampede.logparser.format.gor.GorFormat}).
 *
 * <p>Threading: the format is immutable and shared; each read has its own entry reader, parser and
 * response window, used by the one thread that reads the input. Memory: one entry is buffered at a time
 * (bounded), plus a bounded window of requests waiting for their responses. Malformed entries are
 * rejections told to the sink, never exceptions; only I/O failures throw.
 */
package dev.stampede.logparser.format.gor;
