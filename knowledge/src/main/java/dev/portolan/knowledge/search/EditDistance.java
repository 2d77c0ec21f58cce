package dev.portolan.knowledge.search;

/**
 * Optimal-string-alignment Damerau-Levenshtein distance with an early exit past a bound. An
 * instance keeps its work rows between calls, so a search allocates them once; it is not
 * thread-safe.
 */
final class EditDistance {
    private int[] prev2 = new int[16];
    private int[] prev = new int[16];
    private int[] cur = new int[16];

    /**
     * The number of insertions, deletions, substitutions and adjacent transpositions that turn
     * {@code a} into {@code b}; any value above {@code bound} is returned as {@code bound + 1}.
     */
    int between(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) > bound) {
            return bound + 1;
        }
        return Math.min(run(a, b, b.length(), bound, b.length(), b.length()), bound + 1);
    }

    /**
     * The fewest edits between {@code a} and a start of {@code b} whose length is within {@code
     * bound} of {@code a}'s, in one pass: the last row of the table holds the distance to every
     * prefix of {@code b} at once.
     */
    int toNearestPrefix(String a, String b, int bound) {
        int columns = Math.min(b.length(), a.length() + bound);
        int from = Math.max(1, a.length() - bound);
        if (from > columns) {
            return bound + 1;
        }
        return Math.min(run(a, b, columns, bound, from, columns), bound + 1);
    }

    /** Fills the table of {@code a} against {@code b[0, columns)}; the least of row n in [from, to]. */
    private int run(String a, String b, int columns, int bound, int from, int to) {
        int n = a.length();
        ensure(columns + 1);
        for (int j = 0; j <= columns; j++) {
            prev[j] = j;
        }
        if (n == 0) {
            return from;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = i;
            char ai = a.charAt(i - 1);
            for (int j = 1; j <= columns; j++) {
                char bj = b.charAt(j - 1);
                int cost = ai == bj ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == bj) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > bound) {
                return bound + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        int best = bound + 1;
        for (int j = from; j <= to; j++) {
            best = Math.min(best, prev[j]);
        }
        return best;
    }

    private void ensure(int size) {
        if (prev.length < size) {
            prev2 = new int[size];
            prev = new int[size];
            cur = new int[size];
        }
    }

    /** Convenience for a single comparison. */
    static int damerauLevenshtein(String a, String b, int bound) {
        return new EditDistance().between(a, b, bound);
    }
}
