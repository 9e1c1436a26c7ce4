/**
 * One load run ({@link dev.stampede.engine.pipeline.LoadRun}): the connection pool's event loop is the
 * pacer ({@code LoopReleaser}): it sends each request at its intended time, never skipping one, and
 * completions are recorded from that time. A fixed-rate run is fed through a preallocated Disruptor ring
 * that the publishing thread fills up to a 10 ms look-ahead ({@code RingFeed}); a flat-out run has no
 * ring: the loop asks the source whenever a connection is free ({@code DirectFeed}), keeping one
 * request outstanding per connection.
 *
 * <p>Rules: ring events and slots are preallocated and reused (no allocation per request on either
 * thread); a build or hand-over that throws still ends its request (counted unsent, the cause kept in
 * the run's events: {@code SendFailures}); at the end of the schedule or on stop the run waits for every
 * released request to end (request timeout plus a grace), so the outcome counts add up to the requests
 * released; pacing logic takes its clock and its timer as parameters ({@code ReleaseTimer}), so tests
 * drive it with a manual clock.
 *
 * <p>Wake-ups are what a request costs most on a busy core (a timer, a futex, a context switch each), so
 * no request is handed between threads at its time: the loop's own timer (epoll's {@code timerfd})
 * wakes it, at least 500 µs apart, and the publisher wakes about every 5 ms to fill the next 5 ms. Before
 * (a publisher thread pacing each request and waking the loop for it, on the JDK's selector), a pinned
 * core spent 2.1 CPU-s per 100k requests at 20k req/s and 0.9-1.1 flat out; see docs/architecture.md for
 * the figures now.
 */
package dev.stampede.engine.pipeline;
