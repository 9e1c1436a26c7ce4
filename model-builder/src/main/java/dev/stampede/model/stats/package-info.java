/**
 * Statistics for the model: bounded samples, fitted distributions, distribution and Zipf fitting, and
 * the distances the fidelity check reports.
 *
 * <p>Rules of this package:
 *
 * <ul>
 *   <li><b>Bounded memory.</b> A {@link dev.stampede.model.stats.BoundedSample} holds at most its
 *       capacity of values (a uniform reservoir) whatever the input's size; its count, zero count,
 *       min, max, mean and variance are exact over every value seen. Its array grows on demand, so
 *       the many small samples of a model (one per transition) stay small.
 *   <li><b>Seeded randomness only.</b> Every random choice takes a {@link
 *       java.util.random.RandomGenerator} from the caller; nothing here seeds itself.
 *   <li><b>Threads.</b> A {@code BoundedSample} belongs to one thread. Fitted distributions, fit
 *       results and Zipf fits are immutable values, safe to share; {@link
 *       dev.stampede.model.stats.FittedDistribution#sample} is allocation-free and thread-safe when each
 *       thread passes its own generator, so the engine may call it per request.
 *   <li><b>Fitting is off the hot path.</b> The fitters allocate freely; they run once per model build.
 *   <li><b>JSON.</b> Fitted distributions, fit results and Zipf fits are Jackson-serialisable as they
 *       are (records; distributions carry a {@code type} discriminator), and read back equal.
 *   <li><b>Zeros.</b> A zero think time is real (requests fired together). Exact zeros are a point mass
 *       fitted separately from the positive values (a hurdle model, {@link
 *       dev.stampede.model.stats.FittedDistribution.ZeroInflated}); the positive families are fitted to
 *       the positive values only. No epsilon shift: it would put an arbitrary, extreme value into the
 *       log-normal's {@code log x}.
 * </ul>
 */
package dev.stampede.model.stats;
