/**
 * Arrivals: the per-second request curve, the peak window(s) and burstiness, so the engine can replay
 * "the original curve x k" and the fidelity check can compare dispersion.
 *
 * <p>{@link dev.stampede.model.arrival.ArrivalAnalyzer} streams request start times (and optionally
 * session starts) into an immutable {@link dev.stampede.model.arrival.Arrivals}.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Seconds.</b> A request counts in the epoch second its start falls in ({@code floorDiv} of
 *       the microseconds). Times are epoch seconds everywhere here, never formatted dates: the reader
 *       renders them. The curve runs from the first time's second to the last counted second, zeros
 *       included, so gaps in the log are seconds without requests (they weigh in the mean and the
 *       dispersion).
 *   <li><b>Bounded memory.</b> The curve is a long array that doubles on demand: 8 bytes a second of
 *       the log (86,400 longs a day), whatever the number of records. It stops at {@code maxSeconds}
 *       (default 7 days) after the first second: requests from then on are dropped and counted in {@code
 *       droppedRecords}, not thrown for, so a long log still gives the model of its first week.
 *   <li><b>Order.</b> The first time fixes the first second. Later times may be out of order within the
 *       kept curve (each counts in its own second), so session starts may be reported late. A time
 *       before the first second is refused with {@link IllegalArgumentException}: the store is
 *       time-ordered, so it means a broken caller, and the curve does not grow backwards.
 *   <li><b>Peaks.</b> The peak is the N-minute window (default 5) with the most requests, found by a
 *       sliding sum over the curve in O(seconds), ties to the earliest; a log shorter than N minutes is
 *       its own peak, whole. The top k (default 3) are chosen greedily: the peak, then the best window
 *       overlapping none chosen, and so on (ties: earliest); windows lie inside the curve and have at
 *       least one request, so fewer than k come back when no more fit.
 *   <li><b>Burstiness.</b> The dispersion index is the sample variance (divisor n-1) over the mean of
 *       the per-second counts ({@link dev.stampede.model.stats.Distances#dispersionIndex}): 1 for
 *       Poisson arrivals, 0 for a constant rate, above 1 for bursts; NaN for a single second. The
 *       sub-second shape is the share of requests in each of {@code subSecondBuckets} (default 10) equal
 *       parts of a second, over the whole log: it shows requests bunched at the top of the second (cron
 *       jobs, timers), which per-second counts cannot.
 *   <li><b>Scaling.</b> {@link dev.stampede.model.arrival.LargestRemainder} scales a curve by a factor
 *       into whole counts whose total is exactly {@code round(total * factor)}, each within one of its
 *       exact product.
 *   <li><b>Empty.</b> {@code finish()} on an analyzer without counted requests throws {@link
 *       IllegalStateException}: an empty log has no curve and no peak.
 *   <li><b>JSON.</b> {@code Arrivals} and {@code Peak} serialise with Jackson as plain objects (arrays
 *       as JSON arrays, NaN as Jackson writes it) and read back equal.
 * </ul>
 *
 * <h2>Threading and allocation</h2>
 *
 * An analyzer belongs to one thread; its {@code add} allocates only when the curve doubles. {@code
 * Arrivals} and {@code Peak} are immutable (arrays are copied in and out) and may be shared.
 */
package dev.stampede.model.arrival;
