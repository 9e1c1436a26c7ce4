/**
 * The model-builder stage: from the record store to {@code model.json} (endpoints, mix, arrival curve,
 * peak window, sessions, transitions, think times, parameter distributions) and a data pool, with a
 * fidelity check that proves how well the model reproduces the log.
 *
 * <p>This package holds the versioned model types that the engine and the traffic controller read;
 * the builders live in the sub-packages.
 *
 * <p>Status: arrives with the model-builder issue (#5).
 */
package dev.stampede.model;
