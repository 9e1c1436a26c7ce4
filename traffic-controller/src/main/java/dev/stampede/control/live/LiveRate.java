package dev.stampede.control.live;

import dev.stampede.control.ControlLog;
import dev.stampede.control.profile.RateProfile;
import dev.stampede.control.profile.Rates;
import java.util.Objects;

/**
 * The rate a run sends at, now and from now on: the scenario's {@link RateProfile} under live changes.
 * The engine's scheduler reads {@link #rateAt} (lock-free, allocation-free); the control API, the guards
 * and the capacity search change it, each change recorded in the {@link ControlLog} with its old and new
 * value.
 *
 * <p>The rate at {@code t} seconds is, in order:
 *
 * <ol>
 *   <li>0 while paused;
 *   <li>else the manual rate when one was set ({@link #setRate}), else the profile's rate times the
 *       multiplier ({@link #multiply});
 *   <li>at most the hold cap (a guard's {@code hold} or {@code back-off}) and at most the ceiling
 *       ({@code maxRate}): no profile value and no live change ever exceeds the ceiling.
 * </ol>
 *
 * <p>A change that would ask for more than the ceiling right now is refused (not silently clamped), so
 * whoever asked learns it; profile values above it are clamped (a production scenario's profile is
 * checked against the ceiling before the run).
 */
public final class LiveRate {

    /** No ceiling or cap. */
    public static final double UNLIMITED = Double.POSITIVE_INFINITY;

    private final RateProfile profile;
    private final double ceiling;
    private final String unit;
    private final ControlLog log;

    private volatile double multiplier = 1;
    private volatile double manual = Double.NaN; // NaN: the profile drives
    private volatile double cap = UNLIMITED;
    private volatile boolean paused;
    private volatile double lastSeconds; // the latest time the scheduler asked about
    private volatile Runnable onChange = () -> {};

    /**
     * @param profile the scenario's rate over time
     * @param ceiling the most it may ever be ({@code maxRate}), or {@link #UNLIMITED}
     * @param unit the unit of rates for people: {@code req/s}, or {@code x} for a replay's speed
     * @param log where every change is recorded
     */
    public LiveRate(RateProfile profile, double ceiling, String unit, ControlLog log) {
        this.profile = Objects.requireNonNull(profile, "profile");
        if (!(ceiling > 0)) {
            throw new IllegalArgumentException("the ceiling is above 0, got " + ceiling);
        }
        this.ceiling = ceiling;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Runs {@code action} after every change (the engine wakes its scheduler); set before the run. */
    public void onChange(Runnable action) {
        this.onChange = Objects.requireNonNull(action, "action");
    }

    /** The rate at {@code seconds} since the start. Scheduler thread; lock-free, allocation-free. */
    public double rateAt(double seconds) {
        lastSeconds = seconds;
        if (paused) {
            return 0;
        }
        double set = manual;
        double rate = set == set ? set : profile.rateAt(seconds) * multiplier; // set == set: not NaN
        return Math.min(rate, Math.min(cap, ceiling));
    }

    /** The rate now: at the latest time the scheduler asked about. */
    public double current() {
        return rateAt(lastSeconds);
    }

    /** The unit of rates: {@code req/s} or {@code x}. */
    public String unit() {
        return unit;
    }

    /** The ceiling ({@link #UNLIMITED} without one). */
    public double ceiling() {
        return ceiling;
    }

    /** The scenario's profile. */
    public RateProfile profile() {
        return profile;
    }

    /** What the controller is doing now, for {@code stampede ctl status}. */
    public synchronized Status status() {
        String mode = paused ? "paused" : manual == manual ? "manual" : "profile";
        return new Status(current(), mode, multiplier, cap, ceiling, unit, lastSeconds);
    }

    /**
     * Sends at {@code rate} from now on, whatever the profile says (the profile no longer drives).
     *
     * @throws RateRefusedException when the rate is negative, not a number, or above the ceiling
     */
    public synchronized void setRate(double rate, String who) throws RateRefusedException {
        checkRate(rate);
        double old = current();
        manual = rate;
        changed(who, "rate " + Rates.format(old) + " -> " + Rates.format(current()) + " " + unit + capNote(rate));
    }

    /**
     * Multiplies the rate by {@code factor} from now on: the manual rate when one is set, else the
     * profile's multiplier.
     *
     * @throws RateRefusedException when the factor is not above 0, or the rate now would exceed the ceiling
     */
    public synchronized void multiply(double factor, String who) throws RateRefusedException {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new RateRefusedException("a factor is above 0, got " + factor);
        }
        double old = current();
        if (manual == manual) {
            checkRate(manual * factor);
            manual = manual * factor;
        } else {
            double wanted = profile.rateAt(lastSeconds) * multiplier * factor;
            if (wanted > ceiling) {
                throw new RateRefusedException("x" + Rates.format(factor) + " would ask for " + Rates.format(wanted)
                        + " " + unit + ", above the ceiling maxRate " + Rates.format(ceiling));
            }
            multiplier = multiplier * factor;
        }
        changed(
                who,
                "multiply x" + Rates.format(factor) + ": " + Rates.format(old) + " -> " + Rates.format(current()) + " "
                        + unit);
    }

    /** Sends nothing until {@link #resume}; requests in flight finish. Pausing a paused run changes nothing. */
    public synchronized void pause(String who) {
        if (paused) {
            return;
        }
        double old = current();
        paused = true;
        changed(who, "pause " + Rates.format(old) + " -> 0 " + unit);
    }

    /** Sends again after {@link #pause}, at the rate it would have now. */
    public synchronized void resume(String who) {
        if (!paused) {
            return;
        }
        paused = false;
        changed(who, "resume 0 -> " + Rates.format(current()) + " " + unit);
    }

    /** True while paused. */
    public boolean paused() {
        return paused;
    }

    /** Stops the rate from rising above {@code limit} (a guard's hold); a lower cap replaces a higher one. */
    public synchronized void hold(double limit, String who) {
        if (!(limit >= 0) || limit >= cap) {
            return;
        }
        double old = current();
        cap = limit;
        changed(
                who,
                "hold at most " + Rates.format(limit) + " " + unit + ": " + Rates.format(old) + " -> "
                        + Rates.format(current()) + " " + unit);
    }

    /** Returns to {@code rate} (the last good one) and holds there: a guard's back-off. */
    public synchronized void backOff(double rate, String who) {
        if (!(rate >= 0)) {
            return;
        }
        double old = current();
        manual = Math.min(rate, ceiling);
        cap = Math.min(cap, manual);
        changed(who, "back off " + Rates.format(old) + " -> " + Rates.format(current()) + " " + unit);
    }

    /** The hold cap ({@link #UNLIMITED} when no guard holds). */
    public double cap() {
        return cap;
    }

    private void checkRate(double rate) throws RateRefusedException {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new RateRefusedException("a rate is 0 or more, got " + rate);
        }
        if (rate > ceiling) {
            throw new RateRefusedException(Rates.format(rate) + " " + unit + " is above the ceiling maxRate "
                    + Rates.format(ceiling) + " " + unit);
        }
    }

    private String capNote(double asked) {
        return asked > cap ? " (held at most " + Rates.format(cap) + " by a guard)" : "";
    }

    private void changed(String who, String what) {
        log.record(who, what);
        onChange.run();
    }

    /**
     * The controller's state.
     *
     * @param rate the rate now
     * @param mode {@code profile}, {@code manual} or {@code paused}
     * @param multiplier the profile's live multiplier
     * @param cap a guard's hold cap, {@link #UNLIMITED} for none
     * @param ceiling the ceiling, {@link #UNLIMITED} for none
     * @param unit {@code req/s} or {@code x}
     * @param elapsedSeconds the schedule's time of the latest reading
     */
    public record Status(
            double rate,
            String mode,
            double multiplier,
            double cap,
            double ceiling,
            String unit,
            double elapsedSeconds) {}
}
