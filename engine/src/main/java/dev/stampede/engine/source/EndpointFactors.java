package dev.stampede.engine.source;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Pattern;

/**
 * Per-endpoint factors on top of the run's rate (the scenario's {@code load.endpoints}): a request whose
 * {@code "METHOD /path"} matches a pattern (the first that matches) is sent {@code factor(t)} times as
 * often: whole copies, and one more with the fraction's probability; below 1 some are left out. A source
 * applies them where it decides what is sent (the publishing thread); reading is allocation-free.
 */
public final class EndpointFactors {

    /** No factors: every request once. */
    public static final EndpointFactors NONE = new EndpointFactors(List.of(), List.of());

    private final Pattern[] patterns;
    private final DoubleUnaryOperator[] factors;

    /**
     * @param patterns matched with {@code find()} against {@code "METHOD /path"}, in order
     * @param factors each pattern's factor at a number of seconds since the start, 0 or more
     */
    public EndpointFactors(List<Pattern> patterns, List<DoubleUnaryOperator> factors) {
        if (patterns.size() != factors.size()) {
            throw new IllegalArgumentException("one factor per pattern");
        }
        this.patterns = patterns.toArray(new Pattern[0]);
        this.factors = factors.toArray(new DoubleUnaryOperator[0]);
    }

    /** True without factors. */
    public boolean isEmpty() {
        return patterns.length == 0;
    }

    /** The factor of the first pattern matching {@code methodAndPath}, or null when none matches. */
    public DoubleUnaryOperator of(String methodAndPath) {
        for (int i = 0; i < patterns.length; i++) {
            if (patterns[i].matcher(methodAndPath).find()) {
                return factors[i];
            }
        }
        return null;
    }

    /** Each endpoint's factor, by index of {@code endpointNames} (null where none matches). */
    public DoubleUnaryOperator[] byEndpoint(List<String> endpointNames) {
        DoubleUnaryOperator[] byEndpoint = new DoubleUnaryOperator[endpointNames.size()];
        for (int e = 0; e < byEndpoint.length; e++) {
            byEndpoint[e] = of(endpointNames.get(e));
        }
        return byEndpoint;
    }

    /**
     * How many times a request goes out at factor {@code factor}: its whole part, plus one when {@code
     * uniform} (in [0, 1)) falls below the fraction.
     */
    public static int copies(double factor, double uniform) {
        if (!(factor > 0)) {
            return 0;
        }
        int whole = (int) Math.min(Math.floor(factor), 1_000_000);
        return uniform < factor - whole ? whole + 1 : whole;
    }
}
