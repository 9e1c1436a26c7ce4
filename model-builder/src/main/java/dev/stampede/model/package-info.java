/**
 * The model-builder stage: from the record store to {@code model.json} (endpoints, mix, arrival curve,
 * peak window, sessions, transitions, think times, parameter distributions) and a data pool, with a
 * fidelity check that proves how well the model reproduces the log.
 *
 * <p>This package holds the model's records ({@link dev.stampede.model.BehaviourModel} and its parts),
 * which the engine and the traffic controller read, and {@link dev.stampede.model.ModelFiles}, which
 * writes and reads them with a version check. The builders live in the sub-packages: {@code endpoint}
 * (templates), {@code arrival} (the curve and peaks), {@code session} (sessions, transitions, think
 * times), {@code stats} (samples, fits, distances), {@code pool} (value sketches, masking, CSV files),
 * {@code build} (the two passes over the store), {@code fidelity} (the model walk and the check).
 *
 * <p>Rules: memory never grows with the number of records (sketches, reservoirs, open sessions only);
 * every random choice is seeded; no value that identifies a person is written in clear anywhere (it
 * passes the pool's masker first). The files are documented in {@code docs/model.md}.
 */
package dev.stampede.model;
