package dev.stampede.engine.source;

import dev.stampede.engine.http.RequestTemplate;
import java.util.List;

/**
 * Where a run's requests come from: one timeline of intended send times, each with the request to send
 * then. Pull-based and streaming: the run asks for one request at a time, so a multi-gigabyte record
 * store replays in bounded memory.
 *
 * <p>A request is made in two steps on two threads. {@link #next} runs on the publishing thread, up to
 * the run's look-ahead (10 ms) before the request's time: it decides what is sent and when (reading,
 * filtering, classifying) and notes it in a preallocated slot. (Flat out there is no publishing thread:
 * the event loop calls {@code next} itself when a connection is free, so both steps run there.) {@link #build} runs on the sender (the connection
 * pool's event loop: it must not block) when the
 * slot is released, at the intended time: it turns the slot into bytes, late enough to use what earlier
 * responses taught (a session a login created).
 *
 * <p>Contract: times from {@link #next} never decrease (wrap-safe clock readings, as {@link
 * dev.stampede.engine.schedule.IntendedTimes}); {@link dev.stampede.engine.schedule.IntendedTimes#END} is
 * final; {@code next} and {@code build} are each called from one thread; endpoint names are fixed
 * before the run starts (the results are keyed by them).
 *
 * @param <S> the slot type
 */
public interface RequestSource<S extends SourceSlot> extends AutoCloseable {

    /** The endpoints requests are counted under, fixed for the run; at least one. */
    List<String> endpointNames();

    /** A new empty slot; called once per ring slot before the run. */
    S newSlot();

    /** Fixes the schedule's origin: the clock reading the first request is due at. Called once, first. */
    void start(long startNanos);

    /**
     * Notes the next request in {@code slot} (its endpoint and what {@link #build} needs) and returns
     * its intended send time, or {@code IntendedTimes.END} when there are no more. Publishing thread.
     */
    long next(S slot);

    /**
     * The request of a released slot. {@code requestNumber} counts the run's requests from 0 (the
     * trace id of a marked request is derived from it). Sender (the pool's event loop: must not
     * block), once per slot release. Returns {@code null} when the source holds the request back and
     * sends it later, exactly once, through the {@link LateSender} given to {@link #attach}.
     */
    RequestTemplate build(S slot, long requestNumber);

    /** Gives the source a way to send requests it held back; called once before {@link #start}. */
    default void attach(LateSender sender) {}

    /** What the source wants on the run's record when it ends (counts of what it did), one line each. */
    default List<String> report() {
        return List.of();
    }

    /** Releases what the source holds (an open store). */
    @Override
    default void close() {}
}
