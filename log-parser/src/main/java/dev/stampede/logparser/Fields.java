package dev.stampede.logparser;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A record's few named values (headers, cookies, extras) in insertion order: two small arrays searched
 * front to back, cleared and reused with the record. Read-only through the {@code Map} interface; the
 * record adds with {@link #set}. A hash map per record was a tenth of the parse workers' time.
 */
final class Fields extends AbstractMap<String, String> {

    private String[] names = new String[4];
    private String[] values = new String[4];
    private int size;

    /** Sets {@code name} to {@code value}, replacing an earlier value of the same name. */
    void set(String name, String value) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                values[i] = value;
                return;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    void clear0() {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    Fields copy() {
        Fields copy = new Fields();
        copy.names = names.clone();
        copy.values = values.clone();
        copy.size = size;
        return copy;
    }

    /** The name of field {@code i} (0 to size - 1), in insertion order. */
    String name(int i) {
        return names[i];
    }

    /** The value of field {@code i}. */
    String value(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
