/**
 * The testbed: a simulated securities trading chain (LB, gateway, services, trading core) on Netty,
 * with sessions and auth, propagated test marks, shadow data, a real capacity knee and per-tier
 * metrics. It shares no code with the engine, so it cannot agree with the tool by accident.
 *
 * <p>Status: arrives with the testbed issue (#3).
 */
package dev.stampede.testbed;
