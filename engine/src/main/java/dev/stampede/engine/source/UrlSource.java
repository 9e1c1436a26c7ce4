package dev.stampede.engine.source;

import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.schedule.IntendedTimes;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One request, again and again, on a schedule (constant rate, Poisson arrivals): what {@code stampede
 * run --target URL --rate R} sends. The request is encoded once; with trace marks on, each send is a
 * copy with its own {@code traceparent} written in place.
 */
public final class UrlSource implements RequestSource<SourceSlot> {

    private final String endpointName;
    private final RequestTemplate template;
    private final RequestShaper shaper;
    private final LongFunction<IntendedTimes> schedule;
    private IntendedTimes times;

    /**
     * @param endpointName what the results call the request, e.g. {@code GET /api/quote/600519}
     * @param template the request, built with {@link RequestShaper#finish} and request number -1
     * @param shaper fills each send's trace mark
     * @param schedule the intended times, given the first one's origin
     */
    public UrlSource(
            String endpointName, RequestTemplate template, RequestShaper shaper, LongFunction<IntendedTimes> schedule) {
        this.endpointName = endpointName;
        this.template = template;
        this.shaper = shaper;
        this.schedule = schedule;
    }

    @Override
    public List<String> endpointNames() {
        return List.of(endpointName);
    }

    @Override
    public SourceSlot newSlot() {
        return new SourceSlot();
    }

    @Override
    public void start(long startNanos) {
        times = schedule.apply(startNanos);
    }

    /** Hot path: the schedule's next time; endpoint 0. */
    @Override
    public long next(SourceSlot slot) {
        slot.endpoint = 0;
        return times.next();
    }

    /** Hot path: the shared template, or a copy with this request's {@code traceparent}. */
    @Override
    public RequestTemplate build(SourceSlot slot, long requestNumber) {
        return shaper.trace(template, requestNumber);
    }
}
