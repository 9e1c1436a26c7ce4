package dev.stampede.model.build;

import dev.stampede.model.BehaviourModel;
import dev.stampede.model.pool.DataPool;

/** A built model, its data pool, and what the source looked like (for the fidelity check). */
public record ModelBuild(BehaviourModel model, DataPool pool, SourceObservations source) {}
