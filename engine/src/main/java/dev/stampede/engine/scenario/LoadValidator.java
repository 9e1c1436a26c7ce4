package dev.stampede.engine.scenario;

import dev.stampede.control.profile.ConstantProfile;
import dev.stampede.control.profile.CurveProfile;
import dev.stampede.control.profile.RampProfile;
import dev.stampede.control.profile.RateProfile;
import dev.stampede.control.profile.Rates;
import dev.stampede.control.profile.SequenceProfile;
import dev.stampede.control.profile.SineProfile;
import dev.stampede.control.profile.SpikeProfile;
import dev.stampede.control.profile.StepsProfile;
import java.util.List;

/**
 * Checks how {@code load} fits the rest: a ceiling above 0, a profile the source can follow (a flat-out
 * url has no rate to shape; a replay's rates are speed factors, so no recorded curve), and no phase, or
 * source rate, above the ceiling.
 */
final class LoadValidator {

    private LoadValidator() {}

    static void check(Scenario.Builder b, Problems problems) {
        LoadSpec load = b.load();
        boolean ceiling = load.maxRate() > 0;
        if (!ceiling) {
            problems.add("load.maxRate", "must be above 0, got " + Checks.number(load.maxRate()));
        }
        SourceSpec source = b.source();
        boolean flatOut = source instanceof UrlSource url && url.flatOut();
        if (!load.endpoints().isEmpty() && source instanceof UrlSource) {
            problems.add(
                    "load.endpoints",
                    "a url source sends one endpoint: its rate is load.profile's (endpoint factors are for a replay"
                            + " or a model)");
        }
        if (load.profile() == null) {
            if (flatOut && load.hasCeiling()) {
                problems.add(
                        "load.maxRate",
                        "a url source without rate sends as fast as the connections allow: no ceiling holds it"
                                + " (give source.url.rate)");
            } else if (ceiling) {
                sourceRate(source, load.maxRate(), problems);
            }
            return;
        }
        if (flatOut) {
            problems.add(
                    "load.profile",
                    "a url source without rate sends as fast as the connections allow, which no profile paces"
                            + " (give source.url.rate; the profile then sets the rate)");
            return;
        }
        List<RateProfile> phases =
                load.profile() instanceof SequenceProfile sequence ? sequence.phases() : List.of(load.profile());
        for (int i = 0; i < phases.size(); i++) {
            RateProfile phase = phases.get(i);
            String at = FieldPath.child(FieldPath.item("load.profile", i), kind(phase));
            if (source instanceof ReplaySource && phase instanceof CurveProfile) {
                problems.add(
                        at,
                        "a replay's profile is its speed factor, and a replay follows its own recorded curve"
                                + " (use a model or url source, or speed)");
            } else if (ceiling && phase.peak() > load.maxRate()) {
                problems.add(
                        at,
                        "reaches " + Rates.format(phase.peak()) + ", above load.maxRate "
                                + Rates.format(load.maxRate()));
            } else if (!(source instanceof ReplaySource) && phase.peak() > Checks.MAX_RATE_PER_SEC) {
                problems.add(at, "reaches " + Rates.format(phase.peak()) + " requests per second (at most 10000000)");
            }
        }
    }

    /** Without a profile, the source's own rate (or a replay's speed) must be within the ceiling. */
    private static void sourceRate(SourceSpec source, double maxRate, Problems problems) {
        String field = null;
        double rate = 0;
        if (source instanceof UrlSource url) {
            field = "source.url.rate";
            rate = url.ratePerSec();
        } else if (source instanceof ModelSource model) {
            field = "source.model.rate";
            rate = model.ratePerSec();
        } else if (source instanceof ReplaySource replay) {
            field = "source.replay.speed";
            rate = replay.speed();
        }
        if (field != null && rate > maxRate) {
            problems.add(field, "is above load.maxRate " + Rates.format(maxRate) + ", got " + Checks.number(rate));
        }
    }

    /** The key a phase is written with. */
    private static String kind(RateProfile phase) {
        if (phase instanceof ConstantProfile) {
            return "constant";
        } else if (phase instanceof RampProfile) {
            return "ramp";
        } else if (phase instanceof StepsProfile) {
            return "steps";
        } else if (phase instanceof SpikeProfile) {
            return "spike";
        } else if (phase instanceof SineProfile) {
            return "sine";
        }
        return "curve";
    }
}
