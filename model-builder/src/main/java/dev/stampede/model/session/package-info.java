/**
 * Sessions: session keys, inactivity timeout, session length, entry endpoints, the transition matrix
 * and think-time distributions fitted with commons-math3 (the fit quality is recorded). Status:
 * arrives with issue #5.
 */
package dev.stampede.model.session;
