package dev.stampede.logparser.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's table of repeated strings (methods, protocols, hosts, header names and values such as
 * user agents and referrers, cookie and field names): each distinct value gets the next id, and records carry the id
 * instead of the bytes. Thread-safe: the parse workers look values up in parallel while encoding.
 *
 * <p>Bounded: values longer than {@link #MAX_VALUE_CHARS} are never kept, and once the kept values
 * reach the character budget the table stops growing and further new values are written in full. A
 * log whose referrers are all different costs a full table and nothing else.
 *
 * <p>An id is published (returned) only after its value is stored, so a writer that has seen a record
 * using id {@code n} finds every id up to {@code n} defined.
 */
public final class StringDictionary {

    /** Longer values are written inline: they rarely repeat and would eat the budget. */
    static final int MAX_VALUE_CHARS = 512;

    private final long budgetChars;
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final List<String> values = new ArrayList<>();
    private long chars;
    private volatile boolean full;

    /** @param budgetChars how many characters of values the table may hold in all */
    public StringDictionary(long budgetChars) {
        this.budgetChars = budgetChars;
    }

    /** The id of {@code value}, assigning one if there is room; -1 when it is to be written inline. */
    int idOf(String value) {
        Integer id = ids.get(value);
        if (id != null) {
            return id;
        }
        if (full || value.length() > MAX_VALUE_CHARS) {
            return -1;
        }
        synchronized (this) {
            id = ids.get(value);
            if (id != null) {
                return id;
            }
            if (chars + value.length() > budgetChars) {
                full = true;
                return -1;
            }
            int next = values.size();
            values.add(value);
            chars += value.length();
            ids.put(value, next);
            return next;
        }
    }

    /** The value of an id already returned by {@link #idOf}. */
    synchronized String value(int id) {
        return values.get(id);
    }

    /** Ids handed out so far (they are 0 to size - 1). */
    public synchronized int size() {
        return values.size();
    }
}
