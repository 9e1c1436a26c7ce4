package dev.stampede.engine.source;

import dev.stampede.model.pool.TestAccount;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A slot's kept values drawn by weight, and the tail share handed to another fill: one uniform draw
 * over the total weight, then a binary search of the cumulative weights (about ten steps for the
 * pool's thousand values), so a value comes back as often as the log had it. No allocation.
 */
final class PoolDraw implements SlotFill {

    private final String[] values;
    private final long[] cumulative;
    private final long kept;
    private final long total;
    private final SlotFill tail;

    /**
     * @param values the kept values
     * @param weights their weights, in the same order (0 allowed)
     * @param tailWeight the weight of values not kept
     * @param tail what draws a value not kept, or null when there is none to draw (then the tail share
     *     goes to the kept values)
     */
    PoolDraw(List<String> values, List<Long> weights, long tailWeight, SlotFill tail) {
        this.values = values.toArray(new String[0]);
        this.cumulative = new long[values.size()];
        long sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += Math.max(0, weights.get(i));
            cumulative[i] = sum;
        }
        this.kept = sum;
        this.total = tail == null ? sum : sum + Math.max(0, tailWeight);
        this.tail = tail;
    }

    /** Whether there is no value to draw at all. */
    boolean isEmpty() {
        return total == 0;
    }

    @Override
    public String draw(RandomGenerator random, TestAccount account) {
        if (total == 0) {
            return "";
        }
        long u = random.nextLong(total);
        return u < kept ? values[indexOf(u)] : tail.draw(random, account);
    }

    /** A kept value by weight (the shape of a fresh one), or "" when none is kept. */
    String keptValue(RandomGenerator random) {
        return kept == 0 ? "" : values[indexOf(random.nextLong(kept))];
    }

    private int indexOf(long u) {
        int i = Arrays.binarySearch(cumulative, u + 1); // the first cumulative weight above u
        return i >= 0 ? firstOf(i) : -i - 1;
    }

    private int firstOf(int i) {
        while (i > 0 && cumulative[i - 1] == cumulative[i]) {
            i--; // skip values of weight 0
        }
        return i;
    }
}
