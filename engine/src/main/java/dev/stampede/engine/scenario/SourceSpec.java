package dev.stampede.engine.scenario;

/** Where a run's requests come from: exactly one of a record store, a model, or one URL. */
public sealed interface SourceSpec permits ReplaySource, ModelSource, UrlSource {

    /** The key a scenario file gives this source under {@code source}: replay, model or url. */
    String kind();
}
