/**
 * The load balancer tier: round-robin over gateways, keep-alive both sides, an nginx-format access
 * log that never becomes the bottleneck. Status: arrives with issue #3.
 */
package dev.stampede.testbed.lb;
