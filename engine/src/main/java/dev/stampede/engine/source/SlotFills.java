package dev.stampede.engine.source;

import dev.stampede.model.SlotModel;
import dev.stampede.model.pool.IdentityKind;
import dev.stampede.model.pool.PoolRow;
import dev.stampede.model.pool.PoolSlot;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the {@link SlotFill} of a model slot. The rules:
 *
 * <ul>
 *   <li><b>Kept values</b> come from the slot's data-pool file by weight ({@link PoolDraw}); without a
 *       pool file, from the model's top values (the heaviest twenty) and its tail count.
 *   <li><b>The tail</b> (values the pool did not keep): from the numeric fit when the slot has one
 *       ({@link NumericDraw}); else a fresh value shaped like a kept one ({@link FreshValues}), or, with
 *       fresh tail values turned off, a kept value (warmer caches than production, but every value
 *       real).
 *   <li><b>Identity slots</b> take the session's test account's stand-in for their kind ({@code
 *       TestAccount.standIn}: account, user name, phone, e-mail, id card); where the account has none,
 *       or without test accounts, the pool's masked values (tokens).
 *   <li><b>Secret slots</b> (passwords, PINs: never in the pool) take the test account's password, and
 *       are empty without test accounts.
 * </ul>
 */
final class SlotFills {

    private SlotFills() {}

    /** The identity kind of a model slot ({@code NONE} for an ordinary one or a kind this code does not know). */
    static IdentityKind kindOf(SlotModel slot) {
        if (slot.identity() == null) {
            return IdentityKind.NONE;
        }
        try {
            return IdentityKind.ofLabel(slot.identity());
        } catch (IllegalArgumentException e) {
            return IdentityKind.NONE;
        }
    }

    /**
     * @param slot the model's slot
     * @param pool its data-pool file, or null
     * @param freshTail draw the tail as fresh values (true) or from the kept values (false)
     */
    static SlotFill of(SlotModel slot, PoolSlot pool, boolean freshTail) {
        IdentityKind kind = kindOf(slot);
        if (kind == IdentityKind.SECRET) {
            return (random, account) -> account == null ? "" : account.password();
        }
        SlotFill values = values(slot, pool, freshTail);
        if (!kind.isIdentity()) {
            return values;
        }
        return (random, account) -> {
            String standIn = account == null ? null : account.standIn(kind);
            return standIn != null ? standIn : values.draw(random, account);
        };
    }

    private static SlotFill values(SlotModel slot, PoolSlot pool, boolean freshTail) {
        List<String> values = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        long tailWeight;
        if (pool != null) {
            for (PoolRow row : pool.rows()) {
                values.add(row.value());
                weights.add(row.weight());
            }
            tailWeight = pool.tailWeight();
        } else {
            if (slot.top() != null) {
                for (SlotModel.WeightedValue top : slot.top()) {
                    values.add(top.value());
                    weights.add(top.weight());
                }
            }
            tailWeight = slot.tail();
        }
        PoolDraw[] kept = new PoolDraw[1];
        SlotFill tail;
        if (slot.numeric() != null) {
            tail = new NumericDraw(slot.numeric(), NumericDraw.decimalsOf(values));
        } else if (values.isEmpty()) {
            tail = null;
        } else if (freshTail) {
            tail = (random, account) -> FreshValues.like(kept[0].keptValue(random), random);
        } else {
            tail = (random, account) -> kept[0].keptValue(random);
        }
        kept[0] = new PoolDraw(values, weights, tailWeight, tail);
        return kept[0];
    }
}
