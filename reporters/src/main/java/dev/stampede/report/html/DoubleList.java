package dev.stampede.report.html;

import java.util.Arrays;

/** A growable list of primitive doubles (no boxing for long series). Not thread-safe. */
final class DoubleList {

    private double[] values = new double[64];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    double get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
