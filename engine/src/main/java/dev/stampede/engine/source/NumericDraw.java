package dev.stampede.engine.source;

import dev.stampede.model.pool.TestAccount;
import dev.stampede.model.stats.FittedDistribution;
import java.util.random.RandomGenerator;

/**
 * A quantity drawn from a slot's numeric fit (prices, quantities), written with as many decimals as
 * the slot's kept values have (none: a whole number), never negative. Used for the tail share of a
 * numeric slot: kept values are drawn from the pool, which keeps real tick sizes and lot sizes; values
 * the pool did not keep come from the fit.
 */
final class NumericDraw implements SlotFill {

    private final FittedDistribution distribution;
    private final int decimals;
    private final double scale;

    NumericDraw(FittedDistribution distribution, int decimals) {
        this.distribution = distribution;
        this.decimals = Math.min(decimals, 9);
        this.scale = Math.pow(10, this.decimals);
    }

    /** The most decimals among {@code values} (digits after a '.'). */
    static int decimalsOf(Iterable<String> values) {
        int most = 0;
        for (String value : values) {
            int dot = value.indexOf('.');
            if (dot >= 0) {
                most = Math.max(most, value.length() - dot - 1);
            }
        }
        return most;
    }

    @Override
    public String draw(RandomGenerator random, TestAccount account) {
        double x = distribution.sample(random);
        long scaled = Math.round(Math.max(0, Double.isFinite(x) ? x : 0) * scale);
        if (decimals == 0) {
            return Long.toString(scaled);
        }
        StringBuilder digits = new StringBuilder(Long.toString(scaled));
        while (digits.length() <= decimals) {
            digits.insert(0, '0');
        }
        return digits.insert(digits.length() - decimals, '.').toString();
    }
}
