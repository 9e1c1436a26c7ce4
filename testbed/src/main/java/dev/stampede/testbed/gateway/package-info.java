/**
 * The gateway tier: login and sessions, routing by path prefix, test-mark and {@code traceparent}
 * propagation, {@code Server-Timing}. Status: arrives with issue #3.
 */
package dev.stampede.testbed.gateway;
