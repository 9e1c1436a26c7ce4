package dev.stampede.testbed.data;

import java.util.SplittableRandom;

/** Random draws the testbed's distributions share (SplittableRandom has no nextGaussian on Java 17). */
public final class Draws {

    private Draws() {}

    /** A standard normal draw (Box-Muller). */
    public static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
