/**
 * The traffic-controller stage: how hard to push and when to stop.
 *
 * <p>This package holds the ports between the controller and the engine, so that control depends on no
 * engine class (the engine depends on this module, never the reverse): {@link
 * dev.stampede.control.IntervalStats} (one measurement interval, what guards and the capacity search
 * decide on), {@link dev.stampede.control.RunStopper} (end the run), {@link
 * dev.stampede.control.ControlLog} (every decision becomes an event of {@code run.json}). The rate itself
 * is {@link dev.stampede.control.live.LiveRate}: the engine's scheduler reads it, everything else
 * changes it.
 *
 * <p>Threading: {@code LiveRate.rateAt} is read on the engine's publishing thread (lock-free); changes,
 * interval feeds and status reads come from the control API's thread and the engine's interval thread,
 * and are synchronized.
 */
package dev.stampede.control;
