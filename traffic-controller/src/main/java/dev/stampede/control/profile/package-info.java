/**
 * Rate profiles: constant, ramp, steps, spike, sine/diurnal, original curve x k, sequences, and
 * per-endpoint multipliers; validated before a run. A profile is a pure function from elapsed time to
 * rate, tested with exact values. Status: arrives with issue #7.
 */
package dev.stampede.control.profile;
