package dev.stampede.model.endpoint;

import java.util.Arrays;
import java.util.List;

/**
 * A query string split into parameters, sorted by name (stable, so repeated names keep their order).
 * Names are percent-decoded ({@code +} is a space) because they identify the endpoint; values stay raw
 * because they are slot values. Pieces are separated by {@code &}; empty pieces are skipped; a piece
 * without {@code =} is a name with the empty value.
 */
final class QueryParameters {

    /** More parameters than this and the query is kept whole as one slot (bounded work per request). */
    static final int MAX_PARAMETERS = 64;

    private final String[] names;
    private final String[] values;
    private final int count;

    private QueryParameters(String[] names, String[] values, int count) {
        this.names = names;
        this.values = values;
        this.count = count;
    }

    /** The parameters of {@code uri[from, to)}, or {@code null} when there are more than {@link #MAX_PARAMETERS}. */
    static QueryParameters parse(String uri, int from, int to) {
        int pieces = 0;
        for (int i = from; i < to; i++) {
            if (uri.charAt(i) != '&' && (i == from || uri.charAt(i - 1) == '&') && ++pieces > MAX_PARAMETERS) {
                return null;
            }
        }
        String[] names = new String[pieces];
        String[] values = new String[pieces];
        int count = 0;
        int start = from;
        while (start < to) {
            int end = indexOf(uri, '&', start, to);
            if (end < 0) {
                end = to;
            }
            if (end > start) {
                int equals = indexOf(uri, '=', start, end);
                names[count] = name(uri, start, equals < 0 ? end : equals);
                values[count] = equals < 0 ? "" : uri.substring(equals + 1, end);
                count++;
            }
            start = end + 1;
        }
        sort(names, values, count);
        return new QueryParameters(names, values, count);
    }

    private static String name(String uri, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = uri.charAt(i);
            if (c == '%' || c == '+') {
                return PercentDecoding.decode(uri, from, to, true);
            }
        }
        return uri.substring(from, to);
    }

    private static int indexOf(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Insertion sort by name: stable, and queries are short. */
    private static void sort(String[] names, String[] values, int count) {
        for (int i = 1; i < count; i++) {
            String name = names[i];
            String value = values[i];
            int j = i - 1;
            while (j >= 0 && names[j].compareTo(name) > 0) {
                names[j + 1] = names[j];
                values[j + 1] = values[j];
                j--;
            }
            names[j + 1] = name;
            values[j + 1] = value;
        }
    }

    int count() {
        return count;
    }

    String value(int index) {
        return values[index];
    }

    /** The sorted names joined with {@code &}: what identifies the query's shape. */
    String shapeKey() {
        if (count == 1) {
            return names[0];
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                key.append('&');
            }
            key.append(names[i]);
        }
        return key.toString();
    }

    List<String> names() {
        return List.of(Arrays.copyOf(names, count));
    }
}
