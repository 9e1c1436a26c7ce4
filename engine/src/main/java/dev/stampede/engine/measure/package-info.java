/**
 * Measurement and the result journal: HdrHistogram {@code Recorder}s per endpoint (latency from the
 * intended send time, send lag), interval histograms swapped and recycled, out-of-range values clamped
 * and counted, and the {@code latency.hlog} and {@code run.json} writers. Status: arrives with issue
 * #6.
 */
package dev.stampede.engine.measure;
