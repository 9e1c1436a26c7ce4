/**
 * Apache httpd access logs: any mod_log_config {@code LogFormat} string compiled into a line parser
 * ({@link dev.stampede.logparser.format.apache.ApacheLogFormat}).
 *
 * <p>Compiling turns the format into segments, literal text and fields. A field knows where it ends (at
 * the next literal's first character, at the closing quote of a quoted field, or by its own shape for
 * times and numbers) and how to decode itself into the line's state. Parsing a line is two passes: the
 * {@code LineSplitter} finds every field's bounds (backtracking only when a quoted field holds a raw
 * quote), then each field's decoder reads its text.
 *
 * <p>Threading: an {@code ApacheLogFormat} and everything it compiled are immutable and shared by all
 * threads; each {@code ApacheLineParser} owns one mutable {@code LineState} and is used by one thread.
 *
 * <p>Allocation: per parsed line, only what the record keeps (substrings of values it stores, the
 * header and cookie entries). Rejections are allocated, as they are rare and reported. No regular
 * expressions, formatting or boxing on the per-line path.
 */
package dev.stampede.logparser.format.apache;
