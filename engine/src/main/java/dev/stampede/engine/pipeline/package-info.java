/**
 * The preallocated Disruptor ring between the scheduler and the senders. Rules: events are reset and
 * reused, published with static translators (no capturing lambdas), and a custom exception handler
 * turns failures into counted outcomes. No locks, logging or allocation per request. Status: arrives
 * with issue #6.
 */
package dev.stampede.engine.pipeline;
