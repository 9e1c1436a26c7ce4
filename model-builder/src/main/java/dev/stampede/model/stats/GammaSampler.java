package dev.stampede.model.stats;

import java.util.random.RandomGenerator;

/**
 * Standard gamma draws (scale 1) by Marsaglia and Tsang's squeeze method (ACM TOMS 26(3), 2000): a
 * transformed normal accepted with probability above 0.95 for every shape; shapes below 1 are boosted
 * by {@code U^(1/shape)}. Allocation-free, unlike commons-math3's sampler, which needs a generator
 * bound into a distribution object.
 */
final class GammaSampler {

    private GammaSampler() {}

    static double sample(double shape, RandomGenerator random) {
        if (shape < 1) {
            double boost = Math.pow(random.nextDouble(), 1 / shape);
            return sample(shape + 1, random) * boost;
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            double xx = x * x;
            if (u < 1 - 0.0331 * xx * xx || Math.log(u) < 0.5 * xx + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
