package dev.stampede.testbed.service;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.http.Forwarding;
import dev.stampede.testbed.http.TierRequest;
import dev.stampede.testbed.http.TraceParent;
import dev.stampede.testbed.http.UpstreamClient;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/** A service's calls into the trading core: same headers (account, mark), a child span, the core's path. */
final class CoreProxy {

    private final String tier;
    private final UpstreamClient core;
    private final NanoClock clock;

    CoreProxy(String tier, UpstreamClient core, NanoClock clock) {
        this.tier = tier;
        this.core = core;
        this.clock = clock;
    }

    CompletionStage<FullHttpResponse> call(TierRequest request, HttpMethod method, String corePath) {
        FullHttpRequest outgoing = Forwarding.copy(request, method, corePath);
        outgoing.headers().set(TraceParent.HEADER, TraceParent.next(request.headers(), ThreadLocalRandom.current()));
        return Forwarding.forward(request, core, outgoing, clock, tier);
    }
}
