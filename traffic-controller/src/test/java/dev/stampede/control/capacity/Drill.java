package dev.stampede.control.capacity;

import dev.stampede.control.ControlLog;
import dev.stampede.control.Traffic;
import dev.stampede.control.live.LiveRate;
import dev.stampede.control.profile.RateProfile;
import java.util.ArrayList;
import java.util.List;

/** A capacity search against a simulated chain, one synthetic 1-second interval at a time. */
final class Drill {

    /** What one second at {@code rate} looks like after {@code secondsAtRate} seconds at it (1: the first). */
    @FunctionalInterface
    interface Chain {
        Traffic second(double rate, int secondsAtRate);
    }

    final List<String> events = new ArrayList<>();
    final List<String> stops = new ArrayList<>();
    final LiveRate rate;
    final CapacitySearch search;
    private final ControlLog log = (who, what) -> events.add(who + ": " + what);
    private int seconds;
    private double lastRate = Double.NaN;
    private int held;

    Drill(CapacitySettings settings) {
        this(settings, LiveRate.UNLIMITED, "req/s");
    }

    Drill(CapacitySettings settings, double ceiling, String unit) {
        rate = new LiveRate(RateProfile.constant(100), ceiling, unit, log);
        search = new CapacitySearch(settings, rate, stops::add, log);
    }

    /** Starts the search and feeds it until it is done (or {@code maxSeconds} pass). */
    CapacityResult run(Chain chain, int maxSeconds) {
        search.start();
        feed(chain, maxSeconds);
        return search.result();
    }

    /** Feeds up to {@code count} more seconds, while the search goes. */
    void feed(Chain chain, int count) {
        for (int i = 0; i < count && !search.done(); i++) {
            double r = rate.rateAt(seconds); // what the scheduler sends at during this second
            held = r == lastRate ? held + 1 : 1;
            lastRate = r;
            seconds++;
            search.onInterval(Traffic.second(seconds, r, chain.second(r, held)));
        }
    }
}
