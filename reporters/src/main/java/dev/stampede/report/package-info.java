/**
 * The reporters stage: everything a person or a CI job reads. Reporters read the result directory
 * ({@code latency.hlog}, {@code run.json}) or a statistics snapshot; the engine never calls them.
 *
 * <p>Status: arrives with the reporters issue (#8).
 */
package dev.stampede.report;
