package dev.stampede.engine.pipeline;

import com.lmax.disruptor.EventTranslatorTwoArg;

/** A ring slot: one scheduled request (its intended send time and endpoint). Preallocated and reused. */
final class RequestEvent {

    /** Fills a slot without allocating (a static translator, no capturing lambda). */
    static final EventTranslatorTwoArg<RequestEvent, Long, Integer> FILL = (event, sequence, intended, endpoint) -> {
        event.intendedNanos = intended;
        event.endpoint = endpoint;
    };

    long intendedNanos;
    int endpoint;
}
