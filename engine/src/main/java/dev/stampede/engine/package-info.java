/**
 * The engine stage: turns a record store or a model into requests on the wire at their intended send
 * times, through the whole chain, and measures what it saw without coordinated omission.
 *
 * <p>Rules (DESIGN.md, "Rules for the hot path and for timing"): latency is completion minus the
 * intended send time; send lag is recorded separately; every scheduled request ends as exactly one
 * outcome (ok, HTTP error, transport error, timeout, unsent with reason); time comes from an injected
 * {@link dev.stampede.common.time.NanoClock}.
 *
 * <p>Built so far: the schedule ({@code schedule}), the HTTP/1.1 client ({@code http}), measurement and
 * result files ({@code measure}), the run pipeline ({@code pipeline}), driven by {@code stampede run
 * --target URL --rate R --duration D}, and the optional result journal ({@code journal}, not yet written
 * by a run). Still to come (issue #6): replay and model sources ({@code source}), HTTP/2 and TLS,
 * request rewriting and full-link marks, scenario files.
 */
package dev.stampede.engine;
