/**
 * nginx access logs: any {@code log_format} string, compiled once into a parser that splits a line at
 * the format's literal text and decodes each variable it understands.
 *
 * <p>Times: nginx writes a line when the request <em>ends</em>, so {@code $time_local}, {@code
 * $time_iso8601} and {@code $msec} are end times; when {@code $request_time} is logged the record's
 * start is end minus request time, otherwise the end time stands in for the start (second precision
 * with {@code $time_local}, millisecond with {@code $msec}).
 *
 * <p>Threading: a compiled {@link dev.stampede.logparser.format.nginx.NginxFormat} is immutable and
 * shared; each thread parses with its own {@link dev.stampede.logparser.LineParser}. The per-line path
 * uses {@code String.indexOf} and hand-written number and time parsing: no regex, no formatting.
 */
package dev.stampede.logparser.format.nginx;
