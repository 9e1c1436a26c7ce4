/**
 * The load-balancer tier and its access log.
 *
 * <p>{@link dev.stampede.testbed.lb.LoadBalancer} sends each request round-robin to a gateway over
 * keep-alive connections. {@link dev.stampede.testbed.lb.NginxLogFormat} compiles an nginx {@code
 * log_format} string into a renderer that writes exactly what nginx would for the same request
 * ({@code escape=default}, {@code -} for empty values, nginx's time and number layouts); {@link
 * dev.stampede.testbed.lb.AccessLogWriter} writes the lines from one dedicated thread.
 *
 * <p>Threading: lines are rendered on the event loop that answered the request (precompiled segments,
 * no regex, no formatting per request), then queued; the writer thread batches them to a buffered file.
 * A full queue makes the producer wait and is counted as a stall: lines are never dropped.
 */
package dev.stampede.testbed.lb;
