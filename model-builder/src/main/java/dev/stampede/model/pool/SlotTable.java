package dev.stampede.model.pool;

import java.util.Arrays;

/**
 * An open-addressing hash table from a value to its counter slot in a {@link ValueSketch}: linear probing
 * over a power-of-two array of slot numbers, with deletion by backward shift (no tombstones), so lookups
 * and updates allocate nothing and touch one small array. The values themselves live in the sketch.
 */
final class SlotTable {

    private static final int EMPTY = -1;

    private final String[] values;
    private final int[] table;
    private final int mask;

    /** @param values the sketch's value per slot, read (never written) by this table */
    SlotTable(String[] values) {
        this.values = values;
        int size = Integer.highestOneBit(Math.max(2, values.length) * 2 - 1) * 2; // load factor <= 1/2
        this.table = new int[size];
        this.mask = size - 1;
        Arrays.fill(table, EMPTY);
    }

    /** The slot holding {@code value}, or -1. */
    int find(String value) {
        for (int i = home(value); ; i = (i + 1) & mask) {
            int slot = table[i];
            if (slot == EMPTY || values[slot].equals(value)) {
                return slot;
            }
        }
    }

    /** Records that {@code slot} now holds {@code values[slot]}, which must not be in the table. */
    void insert(int slot) {
        int i = home(values[slot]);
        while (table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        table[i] = slot;
    }

    /** Forgets {@code value}, which must be in the table. */
    void remove(String value) {
        int hole = home(value);
        while (!values[table[hole]].equals(value)) {
            hole = (hole + 1) & mask;
        }
        // Backward shift: move later entries of the probe run into the hole when their home allows it.
        for (int i = (hole + 1) & mask; table[i] != EMPTY; i = (i + 1) & mask) {
            int home = home(values[table[i]]);
            boolean movable = hole <= i ? home <= hole || home > i : home <= hole && home > i;
            if (movable) {
                table[hole] = table[i];
                hole = i;
            }
        }
        table[hole] = EMPTY;
    }

    void clear() {
        Arrays.fill(table, EMPTY);
    }

    private int home(String value) {
        int h = value.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
