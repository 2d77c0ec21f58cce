package dev.portolan.core.search;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranks registry entries against a few words, tolerating a typo.
 *
 * <p>Every query word must match the entry (AND). A word scores by its best match, strongest
 * first: the exact service name (100), an alias (90), a prefix of the name (70, less for longer
 * names), a whole part of a hyphenated name (60), a whole word of the description (40), a prefix
 * of a name part (35) or of a description word (25), and finally, for words of four letters or
 * more, a near miss of the name's start (50 less 15 per edit) or of a name part or description word
 * (20 less 5 per edit), counting Damerau-Levenshtein edits: one for words up to six letters, two
 * above. So {@code ntp} ranks the ntp service above nntp, and {@code postgers} finds postgresql.
 * Ties go to assigned entries, then shorter names, then registry order.
 *
 * <p>A hand-written scorer rather than Lucene: the command line builds this index at every start
 * over about 14,000 entries in a few milliseconds, where building a Lucene index costs more than
 * the whole lookup budget; see {@code bench/} for the figures.
 */
public final class SearchIndex {
    /** The longest query accepted. */
    public static final int MAX_QUERY_LENGTH = 200;

    private final List<Assignment> assignments;
    private final String[] names;
    private final String[][] nameParts;
    private final String[][] aliases;
    private final String[][] words;

    /** One ranked hit: an index into the assignment list and its score. */
    public record Hit(int index, int score) {}

    public SearchIndex(List<Assignment> assignments) {
        this.assignments = assignments;
        int n = assignments.size();
        names = new String[n];
        nameParts = new String[n][];
        aliases = new String[n][];
        words = new String[n][];
        for (int i = 0; i < n; i++) {
            Assignment a = assignments.get(i);
            String name = a.service() == null ? "" : a.service().toLowerCase(Locale.ROOT);
            names[i] = name;
            nameParts[i] = name.isEmpty() ? new String[0] : tokens(name);
            aliases[i] = a.aliases().stream().map(s -> s.toLowerCase(Locale.ROOT)).toArray(String[]::new);
            words[i] = a.status() == AssignmentStatus.UNASSIGNED ? new String[0] : tokens(a.description());
        }
    }

    /** Splits text into lower-case words of letters and digits. */
    public static String[] tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                cur.append(Character.toLowerCase(c));
            } else if (cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out.toArray(String[]::new);
    }

    /** Hits for the query words, best first. An empty word list matches nothing. */
    public List<Hit> search(String[] queryWords) {
        List<Hit> hits = new ArrayList<>();
        if (queryWords.length == 0) {
            return hits;
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].isEmpty() && words[i].length == 0) {
                continue;
            }
            int total = 0;
            for (String w : queryWords) {
                int s = score(i, w);
                if (s == 0) {
                    total = 0;
                    break;
                }
                total += s;
            }
            if (total > 0) {
                hits.add(new Hit(i, total));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed()
                .thenComparing(h -> assignments.get(h.index()).status() != AssignmentStatus.ASSIGNED)
                .thenComparingInt(h -> names[h.index()].isEmpty() ? Integer.MAX_VALUE : names[h.index()].length())
                .thenComparingInt(Hit::index));
        return hits;
    }

    private int score(int i, String w) {
        String name = names[i];
        if (!name.isEmpty() && name.equals(w)) {
            return 100;
        }
        for (String alias : aliases[i]) {
            if (alias.equals(w)) {
                return 90;
            }
        }
        int best = 0;
        if (!name.isEmpty() && name.startsWith(w)) {
            best = 70 - Math.min(20, name.length() - w.length());
        }
        if (best < 60 && nameParts[i].length > 1) {
            for (String p : nameParts[i]) {
                if (p.equals(w)) {
                    best = 60;
                    break;
                }
            }
        }
        boolean longWord = w.length() >= 3;
        for (String d : words[i]) {
            if (d.equals(w)) {
                best = Math.max(best, 40);
            } else if (longWord && d.startsWith(w)) {
                best = Math.max(best, 25);
            }
        }
        if (best < 35 && longWord) {
            for (String p : nameParts[i]) {
                if (p.startsWith(w)) {
                    best = 35;
                    break;
                }
            }
        }
        if (best > 0 || w.length() < 4) {
            return best;
        }
        int maxEdits = w.length() <= 6 ? 1 : 2;
        if (!name.isEmpty()) {
            int d = nearestPrefix(w, name, maxEdits);
            if (d <= maxEdits) {
                best = 50 - 15 * d;
            }
        }
        if (best == 0) {
            int d = maxEdits + 1;
            for (String p : nameParts[i]) {
                d = Math.min(d, near(w, p, maxEdits));
            }
            for (String p : words[i]) {
                d = Math.min(d, near(w, p, maxEdits));
            }
            if (d <= maxEdits) {
                best = 20 - 5 * d;
            }
        }
        return best;
    }

    /** Fewest edits between the word and a start of the name about as long as it. */
    private static int nearestPrefix(String w, String name, int maxEdits) {
        int best = maxEdits + 1;
        for (int len = Math.max(1, w.length() - maxEdits); len <= Math.min(name.length(), w.length() + maxEdits); len++) {
            best = Math.min(best, EditDistance.damerauLevenshtein(w, name.substring(0, len), maxEdits));
        }
        return best;
    }

    private static int near(String w, String candidate, int maxEdits) {
        if (Math.abs(w.length() - candidate.length()) > maxEdits || candidate.length() < 3) {
            return maxEdits + 1;
        }
        return EditDistance.damerauLevenshtein(w, candidate, maxEdits);
    }
}
