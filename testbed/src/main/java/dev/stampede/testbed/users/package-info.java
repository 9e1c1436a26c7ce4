/**
 * Simulated trading-app users: the "production peak" that the demo and the tests record and replay.
 *
 * <p>A {@link dev.stampede.testbed.users.Behaviour} (loaded from a versioned JSON file, the built-in
 * {@code default-behaviour.json} unless given) says how users move between the app's screens, how long
 * they think, what they trade, and when the market-open spike and the IPO burst happen. It is the
 * ground truth that Stampede's model builder must recover from the access log, so the simulation
 * writes it, with what actually happened, next to the log.
 *
 * <p>Threading: each {@link dev.stampede.testbed.users.VirtualUser} runs as callbacks on one Netty event
 * loop (its connection's), one request at a time; think times are event-loop timers. Decisions are
 * pure functions of the behaviour and the user's own seeded random stream, so they are tested without
 * a network or real time.
 */
package dev.stampede.testbed.users;
