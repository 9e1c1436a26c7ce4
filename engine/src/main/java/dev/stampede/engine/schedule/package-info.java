/**
 * One scheduling timeline that assigns intended send times. Schedules are pure functions from index
 * to intended nanoseconds, tested with a manual clock. Single-threaded: owned by the publishing
 * thread. Status: arrives with issue #6.
 */
package dev.stampede.engine.schedule;
