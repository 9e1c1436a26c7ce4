/**
 * The engine's side of the traffic controller: it turns the run's interval snapshots into the
 * controller's {@link dev.stampede.control.IntervalStats} and hands them to whatever decides on them
 * (guards, the capacity search), off the hot path (on the interval thread, once per interval).
 */
package dev.stampede.engine.control;
