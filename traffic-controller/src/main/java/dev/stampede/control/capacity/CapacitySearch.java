package dev.stampede.control.capacity;

import dev.stampede.control.ControlLog;
import dev.stampede.control.IntervalStats;
import dev.stampede.control.RunStopper;
import dev.stampede.control.live.LiveRate;
import dev.stampede.control.live.RateRefusedException;
import dev.stampede.control.profile.Rates;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the highest rate the chain sustains, driven by the interval feed:
 *
 * <ol>
 *   <li><b>Ramp:</b> {@code from}, {@code from + step}, ... up to {@code upTo}, each held for {@code stepFor}.
 *       A good step at {@code upTo} ends the search: no knee up to the bound. A bad first step ends it
 *       too: the knee is below {@code from}.
 *   <li><b>Bisect:</b> after the first bad step, the midpoint of the last good and the first bad rate, until
 *       they are within the resolution.
 *   <li><b>Confirm:</b> the last good rate held for {@code confirmFor}. Good: that is the maximum sustainable
 *       rate. Bad: one resolution lower, confirmed again, at most {@value #MAX_CONFIRMATIONS} times.
 * </ol>
 *
 * <p>A step is judged on its intervals after the settle time: bad when a judged SLO guard is above its
 * threshold over them, or when the achieved rate is below {@code minAchieved} of the target by more
 * than the noise of a Poisson count (three times the square root of the requests the step asked for: 5%
 * at 100 req/s over 4 judged seconds, 1% at 10,000 req/s) (for a replay, whose rate is a speed factor: when fewer than {@code minAchieved} of the scheduled requests were
 * sent). Each step is recorded in the {@link ControlLog} as {@value #WHO}, each rate set through {@link
 * LiveRate#setRate}; at the end the search stops the run with its summary.
 *
 * <p>Thread-safe: the engine's statistics thread feeds it, others may read {@link #result()}.
 */
public final class CapacitySearch {

    /** Who the search is in the run's events. */
    public static final String WHO = "capacity search";

    /** How many confirmations the search tries before it gives up. */
    public static final int MAX_CONFIRMATIONS = 5;

    private final CapacitySettings settings;
    private final LiveRate rate;
    private final RunStopper stopper;
    private final ControlLog log;
    private final boolean requestsPerSecond;
    private final List<CapacityStep> steps = new ArrayList<>();
    private StepRecorder step;
    private double lastElapsedSeconds;
    private int rampIndex;
    private double good = Double.NaN; // the bracket: the highest good and the lowest bad rate
    private double bad = Double.NaN;
    private int failedConfirmations;
    private CapacityResult result;

    /**
     * @param settings how the search goes
     * @param rate the run's rate, which the search sets; its unit ({@code req/s}, or {@code x} for a
     *     replay) says how the achieved rate is judged
     * @param stopper stops the run when the search is over
     * @param log where steps and the result are recorded
     */
    public CapacitySearch(CapacitySettings settings, LiveRate rate, RunStopper stopper, ControlLog log) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rate = Objects.requireNonNull(rate, "rate");
        this.stopper = Objects.requireNonNull(stopper, "stopper");
        this.log = Objects.requireNonNull(log, "log");
        this.requestsPerSecond = "req/s".equals(rate.unit());
    }

    /** Sets the first step's rate: call it as the run starts sending (or before). */
    public synchronized void start() {
        if (step != null || result != null) {
            throw new IllegalStateException("the search has started");
        }
        log.record(
                WHO,
                "start: from " + Rates.format(settings.fromRate()) + " by " + Rates.format(settings.stepRate())
                        + " up to " + Rates.format(settings.upToRate()) + " " + rate.unit() + ", resolution "
                        + settings.resolution().describe(rate.unit()));
        begin(CapacityStep.Phase.RAMP, settings.fromRate());
    }

    /** Adds the interval to the current step; when the step is over, judges it and moves on. */
    public synchronized void onInterval(IntervalStats interval) {
        lastElapsedSeconds = interval.elapsedSeconds();
        if (step == null || result != null || !step.add(interval)) {
            return;
        }
        CapacityStep done = step.finish(requestsPerSecond, settings.minAchieved(), rate.unit());
        steps.add(done);
        log.record(WHO, done.describe(rate.unit()));
        next(done);
    }

    /** True when the search is over. */
    public synchronized boolean done() {
        return result != null;
    }

    /** The result, or the search so far ({@link CapacityOutcome#SEARCHING}) while it goes. */
    public synchronized CapacityResult result() {
        return result != null ? result : result(CapacityOutcome.SEARCHING, Double.NaN, "searching");
    }

    /**
     * Ends a search the run outlived (the run stopped or its duration ran out first): the outcome is
     * {@link CapacityOutcome#STOPPED}. Nothing happens when the search is over.
     */
    public synchronized CapacityResult end(String why) {
        if (result == null) {
            result = result(CapacityOutcome.STOPPED, Double.NaN, "stopped before the end: " + why);
            log.record(WHO, result.summary());
        }
        return result;
    }

    private void next(CapacityStep done) {
        double target = done.targetRate();
        if (done.good()) {
            good = target;
        } else {
            bad = Double.isNaN(bad) ? target : Math.min(bad, target);
        }
        switch (done.phase()) {
            case RAMP -> afterRamp(done);
            case BISECT -> narrowOrConfirm();
            case CONFIRM -> afterConfirm(done);
        }
    }

    private void afterRamp(CapacityStep done) {
        if (!done.good()) {
            if (steps.size() == 1) {
                finish(
                        CapacityOutcome.KNEE_BELOW_START,
                        Double.NaN,
                        "the first step (" + rates(done.targetRate()) + ") was bad: the knee is below it");
            } else {
                narrowOrConfirm();
            }
        } else if (done.targetRate() >= settings.upToRate()) {
            finish(
                    CapacityOutcome.UPPER_BOUND_REACHED,
                    done.targetRate(),
                    "no knee up to " + rates(settings.upToRate()) + ": every step was good");
        } else {
            rampIndex++;
            begin(
                    CapacityStep.Phase.RAMP,
                    Math.min(settings.fromRate() + rampIndex * settings.stepRate(), settings.upToRate()));
        }
    }

    private void narrowOrConfirm() {
        if (settings.resolution().reached(good, bad)) {
            begin(CapacityStep.Phase.CONFIRM, good);
        } else {
            begin(CapacityStep.Phase.BISECT, (good + bad) / 2);
        }
    }

    private void afterConfirm(CapacityStep done) {
        if (done.good()) {
            finish(
                    CapacityOutcome.KNEE_FOUND,
                    done.targetRate(),
                    "max sustainable rate " + rates(done.targetRate()) + " (held for "
                            + seconds(settings.confirmFor().toNanos() / 1e9) + "); bad at " + rates(bad));
            return;
        }
        failedConfirmations++;
        double lower = settings.resolution().below(done.targetRate());
        if (failedConfirmations >= MAX_CONFIRMATIONS || !(lower > 0)) {
            finish(
                    CapacityOutcome.NOT_CONFIRMED,
                    Double.NaN,
                    failedConfirmations + " confirmations were bad, the last at " + rates(done.targetRate()));
        } else {
            begin(CapacityStep.Phase.CONFIRM, lower);
        }
    }

    private void begin(CapacityStep.Phase phase, double target) {
        try {
            rate.setRate(target, WHO);
        } catch (RateRefusedException e) {
            finish(CapacityOutcome.STOPPED, Double.NaN, "rate " + rates(target) + " refused: " + e.getMessage());
            return;
        }
        double length =
                (phase == CapacityStep.Phase.CONFIRM ? settings.confirmFor() : settings.stepFor()).toNanos() / 1e9;
        step = new StepRecorder(
                steps.size() + 1,
                phase,
                target,
                lastElapsedSeconds,
                settings.settle().toNanos() / 1e9,
                length,
                settings.slo());
    }

    private void finish(CapacityOutcome outcome, double maxSustainable, String summary) {
        result = result(outcome, maxSustainable, summary);
        step = null;
        log.record(WHO, "done: " + summary);
        stopper.stop(WHO + " done: " + summary);
    }

    private CapacityResult result(CapacityOutcome outcome, double maxSustainable, String summary) {
        double lastGood = Double.NaN;
        double firstBad = Double.NaN;
        for (CapacityStep s : steps) {
            if (s.good()) {
                lastGood = s.targetRate();
            } else if (!(s.targetRate() >= firstBad)) {
                firstBad = s.targetRate();
            }
        }
        return new CapacityResult(outcome, maxSustainable, lastGood, firstBad, rate.unit(), settings, steps, summary);
    }

    private String rates(double value) {
        return Rates.format(value) + " " + rate.unit();
    }

    private static String seconds(double value) {
        return Rates.format(value) + "s";
    }
}
