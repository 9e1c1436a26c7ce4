package dev.stampede.control.profile;

import java.util.List;
import java.util.StringJoiner;

/**
 * Phases played one after another, each from its own time 0: a {@code load.profile} list. Only the last
 * phase may never end. Past the end of a finite sequence the rate is 0, and {@link #seconds()} says when
 * that is (a run without a duration ends there).
 */
public final class SequenceProfile implements RateProfile {

    private final RateProfile[] phases;
    private final double[] starts;
    private final double seconds;
    private final double peak;

    /**
     * @param phases at least one; all but the last finite
     * @throws IllegalArgumentException when there is none, or a phase before the last never ends
     */
    public SequenceProfile(List<RateProfile> phases) {
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a sequence has at least one phase");
        }
        this.phases = phases.toArray(new RateProfile[0]);
        this.starts = new double[this.phases.length];
        double at = 0;
        double highest = 0;
        for (int i = 0; i < this.phases.length; i++) {
            RateProfile phase = this.phases[i];
            if (Double.isInfinite(at)) {
                throw new IllegalArgumentException("phase " + (i - 1) + " (" + this.phases[i - 1].describe()
                        + ") never ends, so no phase can follow it");
            }
            starts[i] = at;
            at += phase.seconds();
            highest = Math.max(highest, phase.peak());
        }
        this.seconds = at;
        this.peak = highest;
    }

    /** The phases in order. */
    public List<RateProfile> phases() {
        return List.of(phases);
    }

    /** When phase {@code index} starts, in seconds since the start. */
    public double startOf(int index) {
        return starts[index];
    }

    @Override
    public double rateAt(double seconds) {
        double t = Args.clampTime(seconds);
        if (!(t < this.seconds)) {
            return 0;
        }
        int i = phases.length - 1;
        while (starts[i] > t) {
            i--; // a handful of phases: a scan from the end beats a search
        }
        RateProfile phase = phases[i];
        double local = t - starts[i];
        if (local >= phase.seconds()) {
            local = Math.nextDown(phase.seconds()); // rounding of the starts: still this phase's last instant
        }
        return phase.rateAt(local);
    }

    @Override
    public double seconds() {
        return seconds;
    }

    @Override
    public double peak() {
        return peak;
    }

    /** One line per phase: {@code at 30s: ramp 1000 -> 5000 over 1m}. */
    @Override
    public String describe() {
        StringJoiner lines = new StringJoiner("\n");
        for (int i = 0; i < phases.length; i++) {
            lines.add("at " + Rates.duration(starts[i]) + ": " + phases[i].describe());
        }
        return lines.toString();
    }
}
