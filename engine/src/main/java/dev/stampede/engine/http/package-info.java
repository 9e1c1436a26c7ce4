/**
 * The Netty HTTP client the engine sends with: {@link dev.stampede.engine.http.HttpTarget} (where:
 * {@code http://} or {@code https://}), {@link dev.stampede.engine.http.RequestTemplate} (what, encoded
 * once as HTTP/1.1 bytes and as an HTTP/2 header block), a {@link dev.stampede.engine.http.RequestSender}
 * per target, opened by {@link dev.stampede.engine.http.RequestSenders} from the {@link
 * dev.stampede.engine.http.ClientOptions}' protocol: {@link dev.stampede.engine.http.ConnectionPool}
 * (HTTP/1.1 keep-alive, one request per connection at a time) or {@link
 * dev.stampede.engine.http.Http2ConnectionPool} (HTTP/2: {@code h2} over TLS agreed by ALPN, or {@code
 * h2c} with prior knowledge; many streams per connection) — and {@link
 * dev.stampede.engine.http.Completion} / {@link dev.stampede.engine.http.SendResult} (how each send
 * ended).
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Exactly once.</b> Every {@code send} reaches its completion exactly once with one result: a
 *       response (OK or HTTP_STATUS), TIMEOUT, CONNECTION_RESET, PROTOCOL_ERROR, CONNECT_FAILED, or
 *       UNSENT (in-flight cap, stopped). A response that arrives after its timeout cannot reach another
 *       request: HTTP/1.1 closes the timed-out connection, HTTP/2 resets the stream (its id is never
 *       reused). A second completion is a bug and throws.
 *   <li><b>Injected time.</b> {@code sentNanos}, {@code doneNanos} and request deadlines come from
 *       the pool's {@link dev.stampede.common.time.NanoClock}; the timers that check deadlines run on
 *       Netty's scheduler.
 *   <li><b>No spin on a dead target.</b> A failed connect backs its slot off (doubling, capped); while
 *       no connection is open, connecting or allowed to try, sends end at once as CONNECT_FAILED. Why
 *       the latest connect failed is kept for the report ({@code lastConnectFailure}).
 *   <li><b>TLS.</b> Netty's JDK provider (Java 17's ALPN), built once per pool: the server's
 *       certificate is checked against the JDK's trusted ones and its host name (endpoint
 *       identification {@code HTTPS}) unless {@link dev.stampede.engine.http.TlsOptions#insecure()}; SNI
 *       is the target's host (none for an IP address) or the name given; ALPN offers only the pool's
 *       protocol. TCP connect, handshake and (HTTP/2) the server's first SETTINGS together must finish
 *       within the connect timeout; a failed handshake, or a server that does not agree on {@code h2},
 *       ends the sends waiting for that connection as CONNECT_FAILED (the engine's {@code
 *       transport_connect}).
 *   <li><b>HTTP/2 streams.</b> A connection takes at most the client's stream limit, lowered by the
 *       server's {@code SETTINGS_MAX_CONCURRENT_STREAMS}; the rest wait in the pool's FIFO. A stream
 *       the server resets ends as PROTOCOL_ERROR; a GOAWAY ends the streams above its last stream id as
 *       CONNECTION_RESET and lets the others finish; a lost connection ends all its streams as
 *       CONNECTION_RESET.
 *   <li><b>Buffers.</b> A template's bytes are one direct buffer shared by every send; each write
 *       takes a retained duplicate (HTTP/1.1) or body slice (HTTP/2) that the channel releases; the
 *       HTTP/2 header block is read-only and shared. Responses are parsed, not aggregated: HTTP/1.1 by
 *       the connection's own {@code ResponseParser} (framing headers compared on bytes, no header
 *       objects unless a response listener asks; each inbound buffer released at once), HTTP/2 by
 *       Netty's frame codec; status and body byte count only.
 * </ul>
 *
 * <h2>Threading and allocation</h2>
 *
 * A pool's connections, queue and timers live on ONE event loop; {@code send} and {@code stop} may be
 * called from any thread and hand over with {@code EventLoop.execute}. Completions run on that loop,
 * except refusals at the cap or after a stop, which run on the sending thread. On the hot path (once
 * per request): {@code send} (one {@code Exchange}, one atomic increment and decrement), for HTTP/1.1
 * one buffer duplicate, for HTTP/2 Netty's stream object, a promise per frame and the HPACK-encoded
 * header frame (plus a body slice); the response handlers (no allocation of their own) and {@code
 * Completion.done}. Request timeouts schedule one timer per connection (HTTP/1.1) or per pool (HTTP/2,
 * watching the oldest stream in flight) per timeout period, not one per request. No locks and no
 * logging per request; an insecure pool logs nothing either (the command line says it once).
 */
package dev.stampede.engine.http;
