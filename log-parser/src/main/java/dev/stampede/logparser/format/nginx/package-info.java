/**
 * nginx access logs: any {@code log_format} string, compiled once into a parser that splits a line at
 * the format's literal text and decodes each variable it understands.
 *
 * <p>Times: nginx writes a line when the request <em>ends</em>, so {@code $time_local}, {@code
 * $time_iso8601} and {@code $msec} are end times; when {@code $request_time} is logged the record's
 * start is end minus request time, otherwise the end time stands in for the start (second precision
 * with {@code $time_local}, millisecond with {@code $msec}).
 *
 * <p>Two paths, one behaviour. {@code parse(String, ...)} splits a string with {@code String.indexOf}
 * and decodes each value with its {@link dev.stampede.logparser.format.nginx.Decoder}; it is the
 * reference and the only place that words rejections. {@code parse(LineBatch, ...)} (the pipeline's)
 * reads the line's bytes in place ({@link dev.stampede.logparser.format.nginx.InPlaceParser}): it scans
 * for the literals eight bytes at a time, decodes the common variables from the bytes ({@link
 * dev.stampede.logparser.format.nginx.ByteVariables}) and runs any other variable's String decoder on
 * the line made a string once. Whenever the byte path would not accept a line (a rejection, or a rare
 * case such as an escaped request line) it gives up and the String path parses the line, so records
 * and rejections are the same either way; {@code NginxBytePathTest} holds the two to that on real logs,
 * mutations and built edge cases. A byte decoder must answer false for anything its String decoder
 * rejects, and do exactly what it does otherwise.
 *
 * <p>Threading and allocation: a compiled {@link dev.stampede.logparser.format.nginx.NginxFormat} is
 * immutable and shared; each thread parses with its own {@link dev.stampede.logparser.LineParser},
 * which holds the mutable per-line state and the last {@code $time_local} it parsed. Per accepted line
 * the byte path makes a string only for each value a record keeps (one copy from the bytes), never the
 * line's; no regex, no formatting, no boxing.
 */
package dev.stampede.logparser.format.nginx;
