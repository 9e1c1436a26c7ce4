package dev.stampede.model.endpoint;

import java.util.Arrays;
import java.util.List;

/**
 * The slot values of one classified request, in the order of its endpoint's {@link Endpoint#slots()}.
 * Mutable and reusable, for the hot path: {@link EndpointCatalog#classify(String, String, SlotValues)}
 * clears and fills it. One per thread.
 */
public final class SlotValues {

    private String[] values = new String[8];
    private int size;

    public int size() {
        return size;
    }

    /** The raw value of slot {@code index} (as sent: percent-encoding kept). */
    public String get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("slot " + index + " of " + size);
        }
        return values[index];
    }

    /** A copy as an immutable list. */
    public List<String> toList() {
        return List.of(Arrays.copyOf(values, size));
    }

    void clear() {
        // The old strings are overwritten by the next request's values; no need to null them.
        size = 0;
    }

    void add(String value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }
}
