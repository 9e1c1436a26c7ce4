package dev.stampede.testbed.http;

import io.netty.handler.codec.http.FullHttpResponse;
import java.util.concurrent.CompletionStage;

/** A tier's request logic: answers one request, now or later, on any thread. */
@FunctionalInterface
public interface TierHandler {

    /**
     * Answers {@code request}. Implementations set {@link TierRequest#route(String)} to the route
     * template (for metrics) and must not keep the request after the returned stage completes. A stage
     * that completes exceptionally becomes a 500.
     */
    CompletionStage<FullHttpResponse> handle(TierRequest request);
}
