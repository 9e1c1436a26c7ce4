/**
 * The traffic-controller stage: how hard to push and when to stop.
 *
 * <p>This package holds the ports the engine implements (set the rate, read live statistics), so
 * that control depends on no engine class: the engine depends on this module, never the reverse.
 *
 * <p>Status: arrives with the traffic-controller issue (#7).
 */
package dev.stampede.control;
