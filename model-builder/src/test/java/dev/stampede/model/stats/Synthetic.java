package dev.stampede.model.stats;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.RealDistribution;

/** Seeded synthetic samples, drawn with commons-math3 so that they do not share code with the fits. */
final class Synthetic {

    private Synthetic() {}

    /** {@code n} draws of {@code source}, all kept (the reservoir holds n). */
    static BoundedSample of(RealDistribution source, int n) {
        BoundedSample sample = new BoundedSample(n, new SplittableRandom(1));
        for (double value : source.sample(n)) {
            sample.add(value);
        }
        return sample;
    }

    /** A sample of {@code n} draws from {@code distribution} with a generator seeded by {@code seed}. */
    static BoundedSample drawn(FittedDistribution distribution, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BoundedSample sample = new BoundedSample(n, new SplittableRandom(2));
        for (int i = 0; i < n; i++) {
            sample.add(distribution.sample(random));
        }
        return sample;
    }

    static BoundedSample of(double... values) {
        BoundedSample sample = new BoundedSample(Math.max(1, values.length), new SplittableRandom(1));
        for (double value : values) {
            sample.add(value);
        }
        return sample;
    }
}
