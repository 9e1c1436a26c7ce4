/**
 * The engine stage: turns a record store or a model into requests on the wire at their intended send
 * times, through the whole chain, and measures what it saw without coordinated omission.
 *
 * <p>Rules (DESIGN.md, "Rules for the hot path and for timing"): latency is completion minus the
 * intended send time; send lag is recorded separately; every scheduled request ends as exactly one
 * outcome (ok, HTTP error, transport error, timeout, unsent with reason); time comes from an injected
 * {@link dev.stampede.common.time.NanoClock}.
 *
 * <p>Status: arrives with the engine issue (#6).
 */
package dev.stampede.engine;
