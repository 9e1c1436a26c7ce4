/**
 * Capacity search: a stepped ramp, bisection to the knee, confirmation just below it, and the step table
 * in {@code capacity.json}.
 *
 * <p>{@link dev.stampede.control.capacity.CapacitySearch} is driven by the same interval feed as the
 * guards and sets the rate through {@code LiveRate.setRate} (who: {@code capacity search}); {@link
 * dev.stampede.control.capacity.CapacitySettings} says how it goes; {@link
 * dev.stampede.control.capacity.CapacityResult} is what it found, and {@link
 * dev.stampede.control.capacity.CapacityJsonWriter} writes it.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Judged after settling.</b> A step's first {@code settle} seconds are not judged (queues of the
 *       step before); the rest is summed exactly (counts added, latency histograms merged).
 *   <li><b>Bad step.</b> A judged SLO guard above its threshold over the step (a guard with fewer requests
 *       than its minimum is not judged and passes), or an achieved rate below {@code minAchieved} of the
 *       target: when timeouts bound the latency, falling short is what the knee looks like. For a replay,
 *       whose rate is a speed factor, the share of scheduled requests sent stands in for it.
 *   <li><b>Bounded.</b> Ramp steps: {@code ceil((upTo - from) / step) + 1} at most; bisection halves the
 *       gap until it is within the resolution; at most {@link
 *       dev.stampede.control.capacity.CapacitySearch#MAX_CONFIRMATIONS} confirmations.
 * </ul>
 *
 * <h2>{@code capacity.json}</h2>
 *
 * <pre>{@code
 * {
 *   "format": "stampede-capacity",  "formatVersion": 1,
 *   "outcome": "kneeFound" | "upperBoundReached" | "kneeBelowStart" | "notConfirmed" | "stopped" | "searching",
 *   "summary": "max sustainable rate 2875 req/s (held for 30s); bad at 3000 req/s",
 *   "unit": "req/s" | "x",                 // x: a replay's speed factor
 *   "maxSustainableRate": 2875,            // confirmed (kneeFound) or the bound (upperBoundReached); else null
 *   "lastGoodRate": 2875,                  // the rate of the latest good step, or null
 *   "firstBadRate": 3000,                  // the lowest rate of a bad step, or null
 *   "settings": {
 *     "from": 500, "step": 500, "upTo": 20000,
 *     "stepForSeconds": 20, "confirmForSeconds": 30, "settleSeconds": 5,
 *     "resolution": {"kind": "share" | "rate", "value": 0.05},
 *     "minAchieved": 0.95,
 *     "slo": [{"guard": "p99", "rule": "p99 latency above 500ms over 10s", "threshold": 500000000,
 *              "thresholdUnit": "ns" | "ratio"}]
 *   },
 *   "steps": [{
 *     "step": 1, "phase": "ramp" | "bisect" | "confirm",
 *     "targetRate": 500, "achievedRatePerSec": 499.8,
 *     "startSeconds": 0, "endSeconds": 20, "judgedSeconds": 15,
 *     "requests": 7497,
 *     "p50Nanos": 1234567, "p99Nanos": 2345678, "p999Nanos": 3456789,   // null without a response
 *     "errorRatio": 0, "unsentRatio": 0,                               // null without a request
 *     "sendLagP99Nanos": 81000,
 *     "slo": [{"guard": "p99", "value": 2345678, "judged": true, "passed": true}],
 *     "verdict": "good" | "bad",
 *     "why": ""                              // for a bad step, every reason, separated by "; "
 *   }]
 * }
 * }</pre>
 *
 * <p>Latencies are from the intended send time, in nanoseconds, at the histograms' precision; ratios are
 * from 0 to 1; rates are in {@code unit}, the achieved rate always in requests per second.
 *
 * <h2>Threading and allocation</h2>
 *
 * Off the hot path: once per interval on the engine's statistics thread. {@link
 * dev.stampede.control.capacity.CapacitySearch} is synchronized, so others may read its result.
 */
package dev.stampede.control.capacity;
