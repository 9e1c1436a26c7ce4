/**
 * The testbed: a simulated securities trading chain on Netty to replay against. {@link
 * dev.stampede.testbed.Testbed} starts it in-process on loopback (for the demo, the tests and {@code
 * stampede testbed}): load balancer -> gateways -> market, account and order services -> trading core.
 * It has sessions and auth, propagated test marks and trace context, live and shadow stores, a real
 * capacity knee, per-tier metrics, and an nginx-format access log; {@link
 * dev.stampede.testbed.users.UserSimulation} drives simulated app users through it.
 *
 * <p>It shares no code with the engine or the log parser, so it cannot agree with the tool by
 * accident. Every setting lives in {@link dev.stampede.testbed.TestbedSettings} and is validated before
 * anything starts.
 */
package dev.stampede.testbed;
