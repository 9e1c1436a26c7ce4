package dev.stampede.control.guard;

import dev.stampede.control.ControlLog;
import dev.stampede.control.IntervalStats;
import dev.stampede.control.RunStopper;
import dev.stampede.control.live.LiveRate;
import dev.stampede.control.profile.Rates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A run's SLO guards: fed one {@link IntervalStats} per interval, each guard judges its sliding window and
 * acts when it trips.
 *
 * <ul>
 *   <li><b>Judged windows only.</b> A guard is judged once its window is full and holds at least its
 *       {@link GuardRule#minRequests()}; until then it is {@link GuardState#WAITING} and never trips.
 *   <li><b>Once per trip.</b> A guard acts when its window first goes above the threshold, and not again
 *       while it stays above; a window within the threshold is a recovery, and a later breach a new trip.
 *       Every trip and recovery is recorded in the {@link ControlLog} as {@code guard NAME}.
 *   <li><b>Actions.</b> {@code abort} stops the run; {@code hold} caps the rate at {@link LiveRate#current()};
 *       {@code backOff} returns to {@link #lastGoodRate()}. Guards named judge-only (a capacity search's
 *       SLO, which owns the rate) record a breach and take no action.
 * </ul>
 *
 * <p>Thread-safe: the engine's statistics thread calls {@link #onInterval}, the console and the control
 * API read {@link #status()} from theirs.
 */
public final class Guards {

    private final List<GuardTrack> tracks = new ArrayList<>();
    private final LiveRate rate;
    private final RunStopper stopper;
    private final ControlLog log;
    private double lastGoodRate = Double.NaN;
    private double lowestRate = Double.NaN;

    /** Guards that all act. */
    public Guards(List<GuardRule> rules, LiveRate rate, RunStopper stopper, ControlLog log) {
        this(rules, Set.of(), rate, stopper, log);
    }

    /**
     * @param rules the guards, with unique names
     * @param judgeOnly names of guards that are judged and recorded but take no action
     * @param rate the rate that {@code hold} and {@code backOff} change
     * @param stopper what {@code abort} calls
     * @param log where trips and recoveries are recorded
     */
    public Guards(
            List<GuardRule> rules, Collection<String> judgeOnly, LiveRate rate, RunStopper stopper, ControlLog log) {
        this.rate = Objects.requireNonNull(rate, "rate");
        this.stopper = Objects.requireNonNull(stopper, "stopper");
        this.log = Objects.requireNonNull(log, "log");
        Set<String> names = new HashSet<>();
        for (GuardRule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("two guards are named " + rule.name());
            }
            tracks.add(new GuardTrack(rule, judgeOnly.contains(rule.name())));
        }
        for (String name : judgeOnly) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("no guard is named " + name);
            }
        }
    }

    /** Judges every guard on the windows that end with {@code interval}, and acts on new trips. */
    public synchronized void onInterval(IntervalStats interval) {
        double target = interval.targetRate();
        if (target > 0 && !(target >= lowestRate)) { // !(>=): also when lowestRate is NaN
            lowestRate = target;
        }
        List<GuardTrack.Verdict> verdicts = new ArrayList<>(tracks.size());
        boolean anyPass = false;
        boolean anyFail = false;
        for (GuardTrack track : tracks) {
            GuardTrack.Verdict verdict = track.add(interval);
            verdicts.add(verdict);
            anyPass |= verdict == GuardTrack.Verdict.PASS;
            anyFail |= verdict == GuardTrack.Verdict.FAIL;
        }
        if (anyPass && !anyFail) {
            lastGoodRate = lowestTargetOfWindows();
        }
        for (int i = 0; i < tracks.size(); i++) {
            judge(tracks.get(i), verdicts.get(i));
        }
    }

    /**
     * The rate {@code backOff} returns to: the lowest target rate of the longest window in the latest
     * interval where no guard failed and at least one was judged (the whole window was good at that rate
     * or above). Before such an interval: the lowest target rate above 0 seen so far; before any, 0.
     */
    public synchronized double lastGoodRate() {
        if (!Double.isNaN(lastGoodRate)) {
            return lastGoodRate;
        }
        return Double.isNaN(lowestRate) ? 0 : lowestRate;
    }

    /** Every guard's state after the latest interval, in rule order. */
    public synchronized List<GuardStatus> status() {
        return tracks.stream().map(GuardTrack::status).toList();
    }

    /** Every guard as a pass/fail SLO over the run so far, in rule order. */
    public synchronized List<SloResult> results() {
        return tracks.stream().map(GuardTrack::result).toList();
    }

    /** The rules, in order. */
    public List<GuardRule> rules() {
        return tracks.stream().map(track -> track.rule).toList();
    }

    private double lowestTargetOfWindows() {
        double lowest = Double.NaN;
        for (GuardTrack track : tracks) {
            double rateOfWindow = track.window.lowestTargetRate();
            if (!(rateOfWindow >= lowest)) {
                lowest = rateOfWindow;
            }
        }
        return lowest;
    }

    private void judge(GuardTrack track, GuardTrack.Verdict verdict) {
        boolean above = track.state == GuardState.TRIPPED || track.state == GuardState.BREACHED;
        switch (verdict) {
            case FAIL -> {
                if (!above) {
                    trip(track);
                }
            }
            case PASS -> {
                if (above) {
                    log.record(who(track), "recovered: " + track.measured("within"));
                }
                track.state = GuardState.OK;
            }
            case WAIT -> {
                if (!above) {
                    track.state = GuardState.WAITING;
                }
            }
        }
    }

    private void trip(GuardTrack track) {
        track.trips++;
        String who = who(track);
        String measured = track.measured("above");
        if (track.judgeOnly) {
            track.state = GuardState.BREACHED;
            log.record(who, "breached: " + measured + "; judged only, no action");
            return;
        }
        track.state = GuardState.TRIPPED;
        switch (track.rule.action()) {
            case ABORT -> {
                log.record(who, "tripped: " + measured + "; action: abort");
                stopper.stop(who + " tripped: " + measured);
            }
            case HOLD -> {
                double now = rate.current();
                log.record(who, "tripped: " + measured + "; action: hold at " + Rates.format(now) + " " + rate.unit());
                rate.hold(now, who);
            }
            case BACK_OFF -> {
                double to = lastGoodRate();
                log.record(
                        who, "tripped: " + measured + "; action: back off to " + Rates.format(to) + " " + rate.unit());
                rate.backOff(to, who);
            }
        }
    }

    private static String who(GuardTrack track) {
        return "guard " + track.rule.name();
    }
}
