package dev.stampede.model.pool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** A data pool: its slots in name order, as written by {@link DataPoolWriter} or read by {@link DataPoolReader}. */
public final class DataPool {

    private final Map<String, PoolSlot> slots = new LinkedHashMap<>();

    DataPool(List<PoolSlot> slots) {
        for (PoolSlot slot : slots) {
            this.slots.put(slot.slot(), slot);
        }
    }

    public List<PoolSlot> slots() {
        return List.copyOf(slots.values());
    }

    /** True when the pool has a slot of this name. */
    public boolean has(String slot) {
        return slots.containsKey(slot);
    }

    /** The slot of this name. */
    public PoolSlot slot(String slot) {
        PoolSlot found = slots.get(slot);
        if (found == null) {
            throw new NoSuchElementException("the data pool has no slot '" + slot + "'; it has " + slots.keySet());
        }
        return found;
    }
}
