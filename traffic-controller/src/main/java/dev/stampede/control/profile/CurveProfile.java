package dev.stampede.control.profile;

import dev.stampede.model.BehaviourModel;
import dev.stampede.model.ModelFiles;
import dev.stampede.model.arrival.Arrivals;
import dev.stampede.model.arrival.Peak;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The recorded arrival curve, {@code factor} times as busy and {@code compress} times as fast: {@code
 * curve: {model: ./model, factor: 1.5, compress: 60}}.
 *
 * <p>The rule, which keeps the total: played second {@code t} is recorded second {@code r = t *
 * compress}, and the rate there is {@code factor * compress * curve(r)}, so one recorded minute played
 * in one second (compress 60) sends its requests times {@code factor} in that second. The phase lasts
 * {@code recordedSeconds / compress} and sends {@code factor} times the recorded requests in all. A
 * compress below 1 stretches (0.5: a recorded second plays over two, at half the rate).
 *
 * <p>{@code curve(r)} is the recorded count of second {@code i} at the middle of that second ({@code r
 * = i + 0.5}), straight lines between middles, and flat over the first and last half second. Under that
 * shape the area of each second is still its count (the half seconds at the ends make up exactly what
 * the trapezoids between middles lose), so nothing is gained or lost by interpolating.
 */
public final class CurveProfile implements RateProfile {

    private final double[] counts;
    private final double factor;
    private final double compress;
    private final double scale;
    private final double seconds;
    private final double peak;
    private final long recorded;
    private final String origin;

    /**
     * @param perSecond requests in each recorded second, at least one second, none negative
     * @param factor how many times as busy, above 0
     * @param compress how many times as fast, above 0 (below 1: slower)
     * @param origin where the curve comes from, for {@link #describe()}
     */
    public CurveProfile(long[] perSecond, double factor, double compress, String origin) {
        if (perSecond.length == 0) {
            throw new IllegalArgumentException("an arrival curve has at least one second");
        }
        this.factor = Args.positive("factor", factor);
        this.compress = Args.positive("compress", compress);
        this.counts = new double[perSecond.length];
        long total = 0;
        long max = 0;
        for (int i = 0; i < perSecond.length; i++) {
            if (perSecond[i] < 0) {
                throw new IllegalArgumentException("second " + i + " of the curve is negative: " + perSecond[i]);
            }
            counts[i] = perSecond[i];
            total += perSecond[i];
            max = Math.max(max, perSecond[i]);
        }
        this.scale = factor * compress;
        this.seconds = perSecond.length / compress;
        this.peak = scale * max;
        this.recorded = total;
        this.origin = origin;
    }

    /**
     * The arrival curve of the model in {@code modelDir} (a directory holding {@code model.json}, or the
     * file), or only its peak window.
     *
     * @throws IOException when the model cannot be read
     * @throws IllegalArgumentException when it is no model, of another version, or has no arrival curve
     */
    public static CurveProfile fromModel(Path modelDir, double factor, double compress, boolean peakOnly)
            throws IOException {
        BehaviourModel model = ModelFiles.read(modelDir);
        Arrivals arrivals = model.arrivals();
        if (arrivals == null || arrivals.seconds() == 0) {
            throw new IllegalArgumentException(
                    "the model in " + modelDir + " has no arrival curve (rebuild it with stampede model)");
        }
        long[] curve = arrivals.perSecond();
        String origin = modelDir.toString();
        if (peakOnly) {
            Peak peak = arrivals.peak();
            int from = (int) (peak.startSecond() - arrivals.firstSecond());
            curve = Arrays.copyOfRange(curve, from, from + (int) peak.seconds());
            origin = origin + " (peak window)";
        }
        return new CurveProfile(curve, factor, compress, origin);
    }

    @Override
    public double rateAt(double seconds) {
        double t = Args.clampTime(seconds);
        if (!(t < this.seconds)) {
            return 0;
        }
        double r = t * compress - 0.5; // from the middle of the first recorded second
        int last = counts.length - 1;
        if (r <= 0) {
            return scale * counts[0];
        }
        int i = (int) r;
        if (i >= last) {
            return scale * counts[last];
        }
        return scale * (counts[i] + (counts[i + 1] - counts[i]) * (r - i));
    }

    /** The recorded curve's length in seconds. */
    public int recordedSeconds() {
        return counts.length;
    }

    /** What the phase sends in all: the recorded requests times the factor. */
    public double requests() {
        return recorded * factor;
    }

    @Override
    public double seconds() {
        return seconds;
    }

    @Override
    public double peak() {
        return peak;
    }

    @Override
    public String describe() {
        return "curve of " + origin + " x" + Rates.format(factor) + ", " + Rates.format(compress) + "x as fast: "
                + Rates.duration(counts.length) + " recorded in " + Rates.duration(seconds) + ", "
                + Rates.format(requests()) + " requests";
    }
}
