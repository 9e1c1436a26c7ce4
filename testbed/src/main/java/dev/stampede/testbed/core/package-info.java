/**
 * The trading core: the chain's capacity and its data.
 *
 * <p>{@link dev.stampede.testbed.core.OrderProcessor} runs writes (orders, cancels, IPO subscriptions)
 * on {@code workers} threads, each busy for a sampled {@link dev.stampede.testbed.core.ServiceTime},
 * with room for {@code queue} more waiting; beyond that, a request is refused at once with 503. So the
 * capacity is {@code workers / mean service time}: below it latency is flat, near it queueing grows,
 * beyond it 503s appear. Reads answer without service time.
 *
 * <p>{@link dev.stampede.testbed.core.TradingCore} keeps two {@link dev.stampede.testbed.core.Store}s:
 * requests carrying the {@link dev.stampede.testbed.core.TestMark} use the shadow store, others the
 * live store, and neither ever sees the other's orders. A mark header with an unexpected value is
 * refused (400) rather than treated as live traffic.
 *
 * <p>Threading: workers are plain threads; stores are thread-safe (concurrent maps, adders, per-order
 * locks). Tests replace {@link dev.stampede.testbed.core.Pause} to control workers without real time.
 */
package dev.stampede.testbed.core;
