package dev.stampede.testbed.users;

import java.util.List;
import java.util.SplittableRandom;

/** Picks one of a few items with fixed probabilities (a cumulative table and a linear scan: rows are short). */
final class WeightedChoice<T> {

    private final List<T> items;
    private final double[] cumulative;

    WeightedChoice(List<T> items, double[] weights) {
        if (items.isEmpty() || items.size() != weights.length) {
            throw new IllegalArgumentException("need as many weights as items, and at least one");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
    }

    T pick(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    double probabilityOf(T item) {
        int i = items.indexOf(item);
        if (i < 0) {
            return 0;
        }
        return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }
}
