/**
 * Capacity search: stepped ramp, bisection to the knee, confirmation below it, and the step table in
 * {@code capacity.json}. Status: arrives with issue #7.
 */
package dev.stampede.control.capacity;
