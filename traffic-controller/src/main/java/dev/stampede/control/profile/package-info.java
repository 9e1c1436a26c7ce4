/**
 * Rate profiles: how hard to push over time. A {@link dev.stampede.control.profile.RateProfile} is a pure
 * function from the seconds since the start to a rate (requests per second, or a replay's speed factor).
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Kinds.</b> {@link dev.stampede.control.profile.ConstantProfile}, {@link
 *       dev.stampede.control.profile.RampProfile}, {@link dev.stampede.control.profile.StepsProfile},
 *       {@link dev.stampede.control.profile.SpikeProfile}, {@link dev.stampede.control.profile.SineProfile},
 *       {@link dev.stampede.control.profile.CurveProfile} (a model's recorded curve x k, compressed or
 *       stretched), and {@link dev.stampede.control.profile.SequenceProfile} (phases one after another).
 *   <li><b>Time.</b> Every profile starts at 0 and covers {@code [0, seconds())}, half open: at its end
 *       and after it the rate is 0 (a sequence's next phase starts exactly there). A time below 0 (or NaN)
 *       reads as 0. Only constant, spike and sine may last for ever, and only as a sequence's last phase.
 *   <li><b>Peak.</b> {@code peak()} is the least upper bound of the rate, exact (a ramp's peak is its
 *       larger end, though only reached in the limit): the engine sizes its ring from it and a production
 *       run checks it against {@code maxRate}.
 *   <li><b>Checked on construction.</b> Constructors refuse negative rates, empty or endless lengths
 *       where they make no sense, and a sine that would go below 0, with {@link
 *       java.lang.IllegalArgumentException}; the scenario loader checks the same values first, to report
 *       them at their place in the file.
 * </ul>
 *
 * <h2>Threading and allocation</h2>
 *
 * Profiles are immutable and thread-safe. {@code rateAt} runs on the scheduler's thread (sampled every
 * millisecond): it allocates nothing, takes no lock and costs a few arithmetic operations (a sequence
 * adds a scan over its phases). Construction, {@code describe()} and reading a model's curve happen once,
 * before the run.
 */
package dev.stampede.control.profile;
