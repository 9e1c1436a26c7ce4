package dev.stampede.logparser.format.json;

import java.util.Arrays;

/**
 * The mapped values of one JSON line, by slot: the text of each (a scalar's text, or the raw JSON of an
 * object or array), the column it starts at, and the rank of the spelling it was found under, so that a
 * literal dotted key wins over a nested walk whatever their order in the line. Reused line after line by
 * one parser.
 */
final class Extraction {

    private final String[] values;
    private final int[] columns;
    private final int[] ranks;

    Extraction(int slots) {
        values = new String[slots];
        columns = new int[slots];
        ranks = new int[slots];
    }

    void reset() {
        Arrays.fill(values, null);
        Arrays.fill(ranks, Integer.MAX_VALUE);
    }

    /** A value found for {@code slot}; kept unless a better-ranked spelling already gave one. */
    void offer(int slot, int rank, String value, int column) {
        // "<=": of two values under the same spelling (a duplicate key), the last wins, as in JavaScript.
        if (rank <= ranks[slot]) {
            values[slot] = value;
            columns[slot] = column;
            ranks[slot] = rank;
        }
    }

    /** The value of {@code slot}, or {@code null} when the line has none (JSON {@code null} included). */
    String value(int slot) {
        return values[slot];
    }

    /** The column (from 1) where the value of {@code slot} starts. */
    int column(int slot) {
        return columns[slot];
    }
}
