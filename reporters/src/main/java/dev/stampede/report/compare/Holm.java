package dev.stampede.report.compare;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of p-values: a comparison runs one test per changed metric of every
 * endpoint, and at a 1% level each would call noise significant once in a hundred tests; adjusted
 * p-values below the level keep the chance of <em>any</em> false call in the whole comparison at that
 * level, under any dependence between the tests (Holm 1979). Uniformly more powerful than Bonferroni.
 */
final class Holm {

    private Holm() {}

    /**
     * The adjusted p-values, in the order given: for the k-th smallest of m (from 0), {@code max over j <=
     * k of min(1, (m - j) * p(j))}.
     */
    static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            int index = order[k];
            running = Math.max(running, Math.min(1, (m - k) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
