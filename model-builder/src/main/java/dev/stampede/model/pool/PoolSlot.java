package dev.stampede.model.pool;

import java.util.List;

/**
 * The data pool of one slot: masked values with weights, largest first, and the tail weight.
 *
 * @param slot the slot's name (with any identity inside it replaced by a token)
 * @param file the file name inside the pool directory, or null for a slot whose values are secrets and
 *     were not written
 * @param kind the identity kind the slot's name gives its values; {@link IdentityKind#NONE} for an
 *     ordinary slot (single values in it may still have been masked by their look)
 * @param rows the values
 * @param tailWeight how many occurrences went to values not listed (see the package documentation)
 */
public record PoolSlot(String slot, String file, IdentityKind kind, List<PoolRow> rows, long tailWeight) {

    public PoolSlot {
        rows = List.copyOf(rows);
    }

    /** Every occurrence: the rows' weights plus the tail. */
    public long totalWeight() {
        long total = tailWeight;
        for (PoolRow row : rows) {
            total += row.weight();
        }
        return total;
    }
}
