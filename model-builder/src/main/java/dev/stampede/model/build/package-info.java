/**
 * The model build: {@link dev.stampede.model.build.ModelBuilder} streams a record store twice (learn
 * endpoint templates; then classify every record into per-endpoint, arrival and session statistics),
 * writes the data pool and assembles the {@link dev.stampede.model.BehaviourModel}; it also returns what
 * the source looked like, for the fidelity check. Memory is bounded by endpoints, slots and open
 * sessions. JSON bodies become templates with slots ({@code JsonBodyShape}). Single-threaded.
 */
package dev.stampede.model.build;
