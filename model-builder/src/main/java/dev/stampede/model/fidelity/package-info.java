/**
 * The fidelity check: how closely traffic generated from the model matches the recorded log (endpoint
 * mix, arrivals, session shape), reported as numbers rather than claimed. Status: arrives with issue
 * #5.
 */
package dev.stampede.model.fidelity;
