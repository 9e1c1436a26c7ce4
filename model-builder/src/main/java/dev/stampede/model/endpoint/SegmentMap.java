package dev.stampede.model.endpoint;

import java.util.function.BiConsumer;

/**
 * Literal path segments to children, looked up by a char range of the request target so that the hot
 * path never cuts a substring to find a child. Open addressing with linear probing; the hash is {@link
 * String#hashCode()} computed over the range, so stored keys use their cached hash. Not thread-safe
 * while written; a map that is no longer written may be read by any number of threads once published
 * safely (the catalog's final fields do that).
 */
final class SegmentMap<V> {

    private String[] keys;
    private Object[] values;
    private int size;

    SegmentMap() {
        this(4);
    }

    SegmentMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new String[capacity];
        values = new Object[capacity];
    }

    int size() {
        return size;
    }

    V get(String key) {
        return get(key, 0, key.length());
    }

    /** The value stored under the text {@code text[from, to)}, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(String text, int from, int to) {
        int mask = keys.length - 1;
        int slot = spread(hash(text, from, to)) & mask;
        int length = to - from;
        for (String key = keys[slot]; key != null; key = keys[slot]) {
            if (key.length() == length && key.regionMatches(0, text, from, length)) {
                return (V) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /** Stores {@code value} under {@code key}, replacing any value there. */
    void put(String key, V value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = spread(key.hashCode()) & mask;
        for (String existing = keys[slot]; existing != null; existing = keys[slot]) {
            if (existing.equals(key)) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    /** Calls {@code action} for every entry, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<String, V> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                action.accept(keys[i], (V) values[i]);
            }
        }
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                @SuppressWarnings("unchecked")
                V value = (V) oldValues[i];
                put(oldKeys[i], value);
            }
        }
    }

    /** {@link String#hashCode()} of {@code text[from, to)}. */
    private static int hash(String text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
