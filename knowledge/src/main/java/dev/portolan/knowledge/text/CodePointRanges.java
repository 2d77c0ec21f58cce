package dev.portolan.knowledge.text;

import java.util.function.IntUnaryOperator;

/**
 * A property of every character as ranges of characters that share its value: the first code
 * point of each range, ascending from 0, and the value of the range. What the build writes of
 * ICU's properties ({@link Columns}, {@link BidiProperties}) is kept this way: a few thousand
 * ranges instead of a value for each of the 1,114,112 code points.
 */
final class CodePointRanges {
    private final int[] starts;
    private final int[] values;

    /**
     * @param starts the first code point of each range, ascending, the first 0
     * @param values the value of each range
     */
    CodePointRanges(int[] starts, int[] values) {
        if (starts.length == 0 || starts.length != values.length || starts[0] != 0) {
            throw new IllegalArgumentException("ranges must start at code point 0, one value each");
        }
        this.starts = starts;
        this.values = values;
    }

    /** The ranges of a property, asked of every code point (at build time: a million calls). */
    static CodePointRanges of(IntUnaryOperator property) {
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        java.util.List<Integer> values = new java.util.ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int v = property.applyAsInt(cp);
            if (values.isEmpty() || values.get(values.size() - 1) != v) {
                starts.add(cp);
                values.add(v);
            }
        }
        int[] s = new int[starts.size()];
        int[] v = new int[values.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = starts.get(i);
            v[i] = values.get(i);
        }
        return new CodePointRanges(s, v);
    }

    /**
     * A table file the build wrote, from the class path: its bytes, or {@code null} when the build
     * wrote none (the caller then asks ICU).
     */
    static byte @org.jspecify.annotations.Nullable [] file(String name) {
        try {
            return dev.portolan.core.EmbeddedFiles.read(name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The value of a character. */
    int get(int cp) {
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= cp) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return values[low];
    }

    /** How many ranges. */
    int size() {
        return starts.length;
    }

    /** The first code point of range {@code i}. */
    int start(int i) {
        return starts[i];
    }

    /** The value of range {@code i}. */
    int value(int i) {
        return values[i];
    }
}
