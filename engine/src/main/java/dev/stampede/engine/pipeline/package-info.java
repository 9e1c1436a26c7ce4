/**
 * One load run ({@link dev.stampede.engine.pipeline.LoadRun}): the publishing thread paces a schedule
 * (never skipping an intended time) into a preallocated Disruptor ring; the ring's one consumer hands
 * each request to the Netty connection pool; completions are recorded from the intended send time.
 *
 * <p>Rules: ring events are reused and filled by a static translator (no capturing lambda per
 * request); a hand-over that throws still ends its request (counted unsent, the cause kept in the run's
 * events: {@code SendFailures}); at the end of the schedule or on stop the run waits for every request
 * to end (request timeout plus a grace), so the outcome counts add up to the requests scheduled. The
 * ring's consumer uses a blocking wait strategy: it leaves the cores to the event loops and the target
 * on small machines, at the cost of a wake-up (tens of microseconds) per request in the send lag.
 */
package dev.stampede.engine.pipeline;
