/**
 * The fidelity check: traffic generated from a model without a network ({@link
 * dev.stampede.model.fidelity.ModelWalk}) compared with the records it was built from, as numbers
 * rather than claims: coverage, endpoint-mix distance, think-time and session-length KS distances,
 * dispersion ({@link dev.stampede.model.fidelity.FidelityCheck}). Mix and coverage are measured on the
 * model replayed over the source's own session arrivals and cut at the log's end, so truncated source
 * sessions are compared with equally truncated model sessions. Seeded; single-threaded.
 */
package dev.stampede.model.fidelity;
