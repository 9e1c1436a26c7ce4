package dev.stampede.model.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one slot's sketch into pool rows that are safe to write: every value goes through the
 * {@link Masker} (or becomes a test account's stand-in), values that mask to the same text are merged,
 * and each row's weight is the value's guaranteed count, so no weight overstates the log.
 */
final class PoolMasking {

    private final Masker masker;
    private final TestAccounts accounts;
    private final TestAccountAssigner assigner;

    /** @param accounts the test accounts identities map onto, or null to write tokens */
    PoolMasking(Masker masker, TestAccounts accounts) {
        this.masker = masker;
        this.accounts = accounts;
        this.assigner = accounts == null ? null : new TestAccountAssigner(accounts);
    }

    /** The slot's rows (at most {@code maxRows}) and tail; {@code file} is left to the caller. */
    PoolSlot slot(String slot, String shownName, ValueSketch sketch, int maxRows) {
        IdentityKind role = masker.policy().kindOfName(slot);
        if (role == IdentityKind.SECRET) {
            return new PoolSlot(shownName, null, role, List.of(), 0);
        }
        Map<String, Long> weights = new LinkedHashMap<>();
        long written = 0;
        for (HeavyHitter hitter : sketch.top(sketch.capacity())) {
            long weight = hitter.guaranteed();
            if (weight <= 0) {
                continue;
            }
            String value = written(slot, role, hitter.value());
            if (weights.containsKey(value) || weights.size() < maxRows) {
                weights.merge(value, weight, Long::sum);
                written += weight;
            }
        }
        List<PoolRow> rows = new ArrayList<>(weights.size());
        weights.forEach((value, weight) -> rows.add(new PoolRow(value, weight)));
        // Ties by masked value: ordering by the raw values would tell something about them.
        rows.sort(Comparator.comparingLong(PoolRow::weight).reversed().thenComparing(PoolRow::value));
        return new PoolSlot(shownName, null, role, rows, sketch.total() - written);
    }

    private String written(String slot, IdentityKind role, String value) {
        IdentityKind kind = masker.policy().classify(slot, value);
        IdentityKind standsFor = role.isIdentity() ? role : kind;
        if (assigner != null && kind.isIdentity() && accounts.covers(standsFor)) {
            String standIn = assigner.assign(masker.fingerprint(value)).standIn(standsFor);
            if (standIn != null && !standIn.isEmpty()) {
                return standIn;
            }
        }
        return masker.mask(slot, value);
    }
}
