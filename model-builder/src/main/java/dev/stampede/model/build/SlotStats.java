package dev.stampede.model.build;

import dev.stampede.model.SlotModel;
import dev.stampede.model.pool.HeavyHitter;
import dev.stampede.model.pool.IdentityKind;
import dev.stampede.model.pool.Masker;
import dev.stampede.model.pool.ValueSketch;
import dev.stampede.model.stats.BoundedSample;
import dev.stampede.model.stats.DistributionFitter;
import dev.stampede.model.stats.ZipfFit;
import dev.stampede.model.stats.ZipfFitter;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The values one slot took: a heavy-hitter sketch of them (for the data pool and the top values) and,
 * while every value is a number, a sample of them as numbers (price, quantity). Bounded memory.
 */
final class SlotStats {

    static final int TOP_VALUES = 20;
    private static final int MIN_ZIPF_RANKS = 5;

    final String poolName;
    final String name;
    final String kind;
    final String parameter;
    final ValueSketch sketch = new ValueSketch();
    private final BoundedSample numbers;
    private boolean allNumeric = true;

    SlotStats(String poolName, String name, String kind, String parameter, RandomGenerator random) {
        this.poolName = poolName;
        this.name = name;
        this.kind = kind;
        this.parameter = parameter;
        this.numbers = new BoundedSample(2_000, random);
    }

    void add(String value) {
        String v = value == null ? "" : value;
        sketch.add(v);
        if (allNumeric) {
            double number = number(v);
            if (Double.isNaN(number)) {
                allNumeric = false;
            } else {
                numbers.add(number);
            }
        }
    }

    /** A plain decimal number ({@code 12}, {@code -3.5}); NaN for anything else (ids like 600519 included). */
    private static double number(String value) {
        int n = value.length();
        if (n == 0 || n > 18) {
            return Double.NaN;
        }
        int digits = 0;
        boolean dot = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot && i > 0) {
                dot = true;
            } else if (c == '-' && i == 0) {
                continue;
            } else {
                return Double.NaN;
            }
        }
        return digits == 0 ? Double.NaN : Double.parseDouble(value);
    }

    /**
     * The slot's model. Values are masked when the slot carries identity; a numeric distribution is kept
     * only for slots whose values all were numbers with a decimal point or fewer than six digits (codes
     * and ids such as {@code 600519} are categorical, not quantities).
     */
    SlotModel model(Masker masker, String poolFile, DistributionFitter fitter, ZipfFitter zipfFitter) {
        IdentityKind identity = identityOf(masker);
        List<SlotModel.WeightedValue> top = new ArrayList<>();
        for (HeavyHitter hit : sketch.top(TOP_VALUES)) {
            String shown = identity == IdentityKind.SECRET
                    ? null
                    : identity.isIdentity() ? masker.token(identity, hit.value()) : masker.mask(poolName, hit.value());
            if (shown != null) {
                top.add(new SlotModel.WeightedValue(shown, hit.guaranteed()));
            }
        }
        List<HeavyHitter> all = sketch.top(sketch.size());
        ZipfFit zipf = null;
        if (all.size() >= MIN_ZIPF_RANKS) {
            long[] counts = all.stream().mapToLong(HeavyHitter::guaranteed).toArray();
            zipf = zipfFitter.fit(counts);
        }
        boolean quantity = allNumeric && numbers.count() >= 20 && !identity.isIdentity() && looksLikeQuantity();
        return new SlotModel(
                name,
                kind,
                parameter,
                identity == IdentityKind.NONE ? null : identity.name().toLowerCase(java.util.Locale.ROOT),
                poolFile,
                sketch.total(),
                top,
                sketch.total()
                        - top.stream()
                                .mapToLong(SlotModel.WeightedValue::weight)
                                .sum(),
                zipf,
                quantity ? fitter.fit(numbers).distribution() : null);
    }

    private boolean looksLikeQuantity() {
        for (HeavyHitter hit : sketch.top(TOP_VALUES)) {
            String v = hit.value();
            if (v.indexOf('.') < 0 && v.length() >= 6) {
                return false;
            }
        }
        return true;
    }

    IdentityKind identityOf(Masker masker) {
        IdentityKind byName = masker.policy().kindOfName(poolName);
        if (byName != IdentityKind.NONE) {
            return byName;
        }
        for (HeavyHitter hit : sketch.top(TOP_VALUES)) {
            IdentityKind byValue = masker.policy().kindOfValue(hit.value());
            if (byValue != IdentityKind.NONE) {
                return byValue;
            }
        }
        return IdentityKind.NONE;
    }
}
