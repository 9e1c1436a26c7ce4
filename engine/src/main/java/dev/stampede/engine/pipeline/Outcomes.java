package dev.stampede.engine.pipeline;

import dev.stampede.engine.http.SendResult;
import dev.stampede.engine.measure.Outcome;

/** How a send's result counts: the client's {@link SendResult} (and status) as a measured {@link Outcome}. */
final class Outcomes {

    private Outcomes() {}

    static Outcome of(SendResult result, int status) {
        return switch (result) {
            case OK, HTTP_STATUS -> Outcome.ofHttpStatus(status);
            case CONNECT_FAILED -> Outcome.TRANSPORT_CONNECT;
            case CONNECTION_RESET -> Outcome.TRANSPORT_RESET;
            case PROTOCOL_ERROR -> Outcome.TRANSPORT_PROTOCOL;
            case TIMEOUT -> Outcome.TIMEOUT;
            case UNSENT_INFLIGHT_CAP -> Outcome.UNSENT_INFLIGHT_CAP;
            case UNSENT_STOPPED -> Outcome.UNSENT_STOPPED;
        };
    }
}
