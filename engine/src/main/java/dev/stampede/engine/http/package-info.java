/**
 * The Netty HTTP/1.1 client the engine sends with: {@link dev.stampede.engine.http.HttpTarget} (where),
 * {@link dev.stampede.engine.http.RequestTemplate} (what, encoded once), {@link
 * dev.stampede.engine.http.ConnectionPool} (keep-alive connections to one target) and {@link
 * dev.stampede.engine.http.Completion} / {@link dev.stampede.engine.http.SendResult} (how each send
 * ended). HTTP/2 and TLS arrive later; {@code https://} targets are refused with that message.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Exactly once.</b> Every {@code send} reaches its completion exactly once with one result: a
 *       response (OK or HTTP_STATUS), TIMEOUT, CONNECTION_RESET, PROTOCOL_ERROR, CONNECT_FAILED, or
 *       UNSENT (in-flight cap, stopped). A response that arrives after its timeout cannot reach another
 *       request: the timed-out connection is closed. A second completion is a bug and throws.
 *   <li><b>Injected time.</b> {@code sentNanos}, {@code doneNanos} and request deadlines come from
 *       the pool's {@link dev.stampede.common.time.NanoClock}; the timers that check deadlines run on
 *       Netty's scheduler.
 *   <li><b>No spin on a dead target.</b> A failed connect backs its slot off (doubling, capped); while
 *       no connection is open, connecting or allowed to try, sends end at once as CONNECT_FAILED.
 *   <li><b>Buffers.</b> A template's bytes are one direct buffer shared by every send; each write
 *       takes a retained duplicate that the channel releases. Responses are parsed, not aggregated:
 *       status and body byte count only, each content chunk released at once.
 * </ul>
 *
 * <h2>Threading and allocation</h2>
 *
 * A pool's connections, queue and timers live on ONE event loop; {@code send} and {@code stop} may be
 * called from any thread and hand over with {@code EventLoop.execute}. Completions run on that loop,
 * except refusals at the cap or after a stop, which run on the sending thread. On the hot path (once
 * per request): {@code ConnectionPool.send} (one {@code Exchange}, one buffer duplicate, one atomic
 * increment and decrement), the response handler (no allocation of its own) and {@code
 * Completion.done}. The request timeout schedules one timer per connection per timeout period, not
 * one per request. No locks and no logging per request.
 */
package dev.stampede.engine.http;
