package dev.stampede.engine.control;

import dev.stampede.control.ControlLog;
import dev.stampede.control.IntervalStats;
import dev.stampede.control.RunStopper;
import dev.stampede.control.capacity.CapacityResult;
import dev.stampede.control.capacity.CapacitySearch;
import dev.stampede.control.guard.GuardRule;
import dev.stampede.control.guard.GuardStatus;
import dev.stampede.control.guard.Guards;
import dev.stampede.control.guard.SloResult;
import dev.stampede.control.live.LiveRate;
import dev.stampede.control.profile.RateProfile;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.scenario.GuardSpec;
import dev.stampede.engine.scenario.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * What watches a run and acts on it, interval by interval: the scenario's guards and its capacity
 * search, fed the engine's snapshots as {@link IntervalStats}. Guards named in the search's SLO only
 * judge (the search owns the rate); the others act (abort, hold, back off). Called on the interval
 * thread; the status methods from any.
 */
public final class RunSupervision {

    private final LiveRate rate;
    private final Guards guards; // null without guards
    private final CapacitySearch search; // null without a search

    private RunSupervision(LiveRate rate, Guards guards, CapacitySearch search) {
        this.rate = rate;
        this.guards = guards;
        this.search = search;
    }

    /**
     * The supervision {@code scenario} asks for.
     *
     * @param rate the run's live rate; null for a flat-out run (then only abort guards, as the scenario's
     *     checks ensure)
     */
    public static RunSupervision of(Scenario scenario, LiveRate rate, RunStopper stopper, ControlLog log) {
        List<GuardRule> rules =
                scenario.guards().stream().map(GuardSpec::toRule).toList();
        LiveRate guarded = rate != null ? rate : new LiveRate(RateProfile.constant(0), 1, "req/s", ControlLog.NONE);
        Guards guards = null;
        if (!rules.isEmpty()) {
            List<String> judgeOnly = scenario.capacity() == null
                    ? List.of()
                    : scenario.guards().stream()
                            .map(GuardSpec::name)
                            .filter(scenario.capacity()::judgesBy)
                            .toList();
            guards = new Guards(rules, judgeOnly, guarded, stopper, log);
        }
        CapacitySearch search = null;
        if (scenario.capacity() != null) {
            if (rate == null) {
                throw new IllegalArgumentException("a capacity search needs a rate to set: this run is flat out");
            }
            search = new CapacitySearch(scenario.capacity().toSettings(scenario.guards()), rate, stopper, log);
        }
        return new RunSupervision(rate, guards, search);
    }

    /** Whether there is anything to watch (guards or a search). */
    public boolean active() {
        return guards != null || search != null;
    }

    /** Starts the capacity search (sets its first rate); call just before the run starts sending. */
    public void start() {
        if (search != null) {
            search.start();
        }
    }

    /** Judges the interval that {@code snapshot} ends. Interval thread. */
    public void onSnapshot(LiveSnapshot snapshot) {
        if (!active() || snapshot.sequence() == 0 || snapshot.intervalNanos() <= 0) {
            return;
        }
        IntervalStats stats = ControlStats.of(snapshot, rate == null ? Double.NaN : rate.current());
        if (guards != null) {
            guards.onInterval(stats);
        }
        if (search != null && !search.done()) {
            search.onInterval(stats);
        }
    }

    /** Each guard after the latest interval (empty without guards). */
    public List<GuardStatus> guardStatus() {
        return guards == null ? List.of() : guards.status();
    }

    /** Each guard as a pass/fail SLO over the run so far (empty without guards). */
    public List<SloResult> sloResults() {
        return guards == null ? List.of() : guards.results();
    }

    /** The capacity search's result, ending it with {@code why} when the run ended first; empty without one. */
    public Optional<CapacityResult> capacity(String why) {
        if (search == null) {
            return Optional.empty();
        }
        return Optional.of(search.done() ? search.result() : search.end(why));
    }
}
