/**
 * The reporters stage: everything a person or a CI job reads. Reporters read the result directory
 * ({@code latency.hlog}, {@code run.json}, {@code intervals.jsonl}, {@code capacity.json}) through {@link
 * dev.stampede.report.model.RunResults}, or the engine's interval snapshot (the live console); the engine
 * never calls them. Formats: {@code docs/results.md}.
 */
package dev.stampede.report;
