/**
 * The engine stage: turns a record store or a model into requests on the wire at their intended send
 * times, through the whole chain, and measures what it saw without coordinated omission.
 *
 * <p>Rules (DESIGN.md, "Rules for the hot path and for timing"): latency is completion minus the
 * intended send time; send lag is recorded separately; every scheduled request ends as exactly one
 * outcome (ok, HTTP error, transport error, timeout, unsent with reason); time comes from an injected
 * {@link dev.stampede.common.time.NanoClock}.
 *
 * <p>Built so far: the schedule ({@code schedule}), request sources ({@code source}: one URL, a record
 * store replayed, sessions from a model; rewriting and full-link marks), the HTTP client ({@code http}:
 * HTTP/1.1 keep-alive, HTTP/2 as {@code h2} over TLS or {@code h2c}, TLS with SNI), measurement and
 * result files ({@code measure}), the optional per-request result journal ({@code journal}), scenario files ({@code scenario}) and the run pipeline ({@code
 * pipeline}), driven by {@code stampede run}.
 */
package dev.stampede.engine;
