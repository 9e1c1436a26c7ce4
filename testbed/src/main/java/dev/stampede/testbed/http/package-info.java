/**
 * The HTTP plumbing every testbed tier shares: a Netty HTTP/1.1 server per tier ({@link
 * dev.stampede.testbed.http.HttpTier}), a keep-alive client to the next tier ({@link
 * dev.stampede.testbed.http.UpstreamClient}), request forwarding, JSON replies and {@code Server-Timing}.
 *
 * <p>Threading: requests arrive on a Netty event loop; a {@link dev.stampede.testbed.http.TierHandler}
 * may finish them on any thread (the trading core finishes on its workers), and the response is always
 * written from the connection's event loop. One request at a time per connection (no pipelining): the
 * server stops reading a connection until its response is written, as a proxy in front of it would
 * expect.
 *
 * <p>Buffers: a handler borrows the request; it must not keep it after its future completes. The
 * response it returns is owned by the server, which writes (and so releases) it.
 */
package dev.stampede.testbed.http;
