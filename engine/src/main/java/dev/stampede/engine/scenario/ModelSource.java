package dev.stampede.engine.scenario;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Sessions generated from a model: they arrive as an open process at a rate, each walking the model's
 * transitions with sampled think times.
 *
 * @param dir the model directory ({@code stampede model} writes it; holds {@code model.json}), absolute
 * @param ratePerSec requests per second, above 0
 * @param arrivals {@link Arrivals#POISSON} (default) or {@link Arrivals#UNIFORM}
 * @param seed seed of arrivals and sampling: the same seed gives the same run (default 1)
 * @param testAccounts a CSV of test accounts for logins, absolute; null without one
 */
public record ModelSource(Path dir, double ratePerSec, Arrivals arrivals, long seed, Path testAccounts)
        implements SourceSpec {

    /** Checks for nulls. */
    public ModelSource {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(arrivals, "arrivals");
    }

    /** The model in {@code dir} at {@code ratePerSec}, Poisson arrivals, seed 1, no test accounts. */
    public static ModelSource of(Path dir, double ratePerSec) {
        return new ModelSource(dir, ratePerSec, Arrivals.POISSON, 1, null);
    }

    @Override
    public String kind() {
        return "model";
    }

    /** This model at another rate. */
    public ModelSource withRatePerSec(double newRate) {
        return new ModelSource(dir, newRate, arrivals, seed, testAccounts);
    }

    /** Another model directory at this rate. */
    public ModelSource withDir(Path newDir) {
        return new ModelSource(newDir, ratePerSec, arrivals, seed, testAccounts);
    }
}
