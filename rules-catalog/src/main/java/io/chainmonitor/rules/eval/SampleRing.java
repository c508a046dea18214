package io.chainmonitor.rules.eval;

import java.util.Arrays;

/**
 * A fixed-capacity ring of (time, height, value) samples in primitive arrays: no boxing and no allocation once made,
 * the oldest sample dropped when full. Index 0 of {@link #value(int)} is the newest sample.
 */
final class SampleRing {

    private final double[] values;
    private final long[] times;
    private final long[] heights;
    private int head; // where the next sample goes
    private int size;

    SampleRing(int capacity) {
        values = new double[capacity];
        times = new long[capacity];
        heights = new long[capacity];
    }

    void add(long time, long height, double value) {
        values[head] = value;
        times[head] = time;
        heights[head] = height;
        head = (head + 1) % values.length;
        if (size < values.length) {
            size++;
        }
    }

    int size() {
        return size;
    }

    int capacity() {
        return values.length;
    }

    boolean isFull() {
        return size == values.length;
    }

    /** The {@code age}-th newest sample's value (0 = newest). */
    double value(int age) {
        return values[index(age)];
    }

    long time(int age) {
        return times[index(age)];
    }

    long height(int age) {
        return heights[index(age)];
    }

    /** Drops the samples older than {@code age} (keeps ages 0..age-1). */
    void keepNewest(int count) {
        size = Math.min(size, count);
    }

    private int index(int age) {
        int index = head - 1 - age;
        return index < 0 ? index + values.length : index;
    }

    /** The samples oldest first, for a snapshot: {times, heights} and values. */
    long[][] timesAndHeights() {
        long[] t = new long[size];
        long[] h = new long[size];
        for (int age = size - 1, i = 0; age >= 0; age--, i++) {
            t[i] = time(age);
            h[i] = height(age);
        }
        return new long[][]{t, h};
    }

    double[] valuesOldestFirst() {
        double[] v = new double[size];
        for (int age = size - 1, i = 0; age >= 0; age--, i++) {
            v[i] = value(age);
        }
        return v;
    }

    /** Refills from a snapshot (oldest first); keeps the newest when the snapshot holds more than fits. */
    void restore(long[] t, long[] h, double[] v) {
        Arrays.fill(values, 0);
        head = 0;
        size = 0;
        for (int i = Math.max(0, v.length - values.length); i < v.length; i++) {
            add(t[i], h[i], v[i]);
        }
    }
}
