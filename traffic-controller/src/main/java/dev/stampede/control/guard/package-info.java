/**
 * SLO guards over sliding windows (latency percentiles, error, unsent and send-lag ratios) with abort,
 * hold and back-off actions. Status: arrives with issue #7.
 */
package dev.stampede.control.guard;
