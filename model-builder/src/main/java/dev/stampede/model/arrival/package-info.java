/**
 * Arrivals: the per-second request curve, the peak window(s) and burstiness. Status: arrives with
 * issue #5.
 */
package dev.stampede.model.arrival;
