package dev.portolan.core.search;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ranks registry entries against a few words, tolerating a typo.
 *
 * <p>Every query word must match the entry (AND). A word scores by its best match, strongest
 * first: the exact service name (100), an alias (90), a prefix of the name (70, less for longer
 * names), a whole part of a hyphenated name (60), a whole word of the description (40), a prefix
 * of a name part (35) or of a description word (25). Ties go to assigned entries, then shorter
 * names, then registry order.
 *
 * <p>Only when no entry matches every word that way does a second pass accept near misses, for
 * words of four letters or more: the start of the name within one edit (two for words longer than
 * six letters), scoring 50 less 15 per edit, or a name part or description word as near, scoring
 * 20 less 5 per edit, counting Damerau-Levenshtein edits. So {@code ntp} ranks the ntp service
 * above nntp, {@code postgers} finds postgresql, and a correctly spelled word is not diluted by
 * its look-alikes.
 *
 * <p>A hand-written scorer rather than Lucene: the command line builds this index in every
 * process, and building a Lucene index over the registry costs several times more than this index
 * and a search together (bench/README.md, {@code SearchEngineComparisonBenchmark}).
 */
public final class SearchIndex {
    /** The longest query accepted. */
    public static final int MAX_QUERY_LENGTH = 200;

    private static final String[] NONE = new String[0];

    private final boolean[] assigned;
    private final String[] names;
    private final String[][] nameParts;
    private final String[][] aliases;
    private final String[][] words;

    /** One ranked hit: an index into the assignment list and its score. */
    public record Hit(int index, int score) {}

    public SearchIndex(List<Assignment> assignments) {
        int n = assignments.size();
        assigned = new boolean[n];
        names = new String[n];
        nameParts = new String[n][];
        aliases = new String[n][];
        words = new String[n][];
        for (int i = 0; i < n; i++) {
            Assignment a = assignments.get(i);
            String name = a.service() == null ? "" : a.service().toLowerCase(Locale.ROOT);
            assigned[i] = a.status() == AssignmentStatus.ASSIGNED;
            names[i] = name;
            nameParts[i] = name.isEmpty() ? NONE : tokens(name);
            List<String> al = a.aliases();
            String[] lower = al.isEmpty() ? NONE : new String[al.size()];
            for (int j = 0; j < lower.length; j++) {
                lower[j] = al.get(j).toLowerCase(Locale.ROOT);
            }
            aliases[i] = lower;
            words[i] = a.status() == AssignmentStatus.UNASSIGNED ? NONE : tokens(a.description());
        }
    }

    /** Splits text into lower-case words of letters and digits. */
    public static String[] tokens(String text) {
        List<String> out = new ArrayList<>(8);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean part = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return out.isEmpty() ? NONE : out.toArray(NONE);
    }

    /** Hits for the query words, best first. An empty word list matches nothing. */
    public List<Hit> search(String[] queryWords) {
        List<Hit> hits = pass(queryWords, false);
        if (hits.isEmpty()) {
            hits = pass(queryWords, true);
        }
        hits.sort(this::compare);
        return hits;
    }

    private List<Hit> pass(String[] queryWords, boolean nearMisses) {
        List<Hit> hits = new ArrayList<>();
        if (queryWords.length == 0) {
            return hits;
        }
        EditDistance scratch = nearMisses ? new EditDistance() : null;
        for (int i = 0; i < names.length; i++) {
            if (names[i].isEmpty() && words[i].length == 0) {
                continue;
            }
            int total = 0;
            for (String w : queryWords) {
                int s = score(i, w);
                if (s == 0 && scratch != null) {
                    s = nearMiss(i, w, scratch);
                }
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
        return hits;
    }

    private int compare(Hit a, Hit b) {
        int c = Integer.compare(b.score(), a.score());
        if (c == 0) {
            c = Boolean.compare(!assigned[a.index()], !assigned[b.index()]);
        }
        if (c == 0) {
            c = Integer.compare(nameLength(a.index()), nameLength(b.index()));
        }
        return c != 0 ? c : Integer.compare(a.index(), b.index());
    }

    private int nameLength(int i) {
        return names[i].isEmpty() ? Integer.MAX_VALUE : names[i].length();
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
        return best;
    }

    private int nearMiss(int i, String w, EditDistance scratch) {
        if (w.length() < 4) {
            return 0;
        }
        int maxEdits = w.length() <= 6 ? 1 : 2;
        String name = names[i];
        if (!name.isEmpty()) {
            int d = scratch.toNearestPrefix(w, name, maxEdits);
            if (d <= maxEdits) {
                return 50 - 15 * d;
            }
        }
        int d = maxEdits + 1;
        for (String p : nameParts[i]) {
            d = Math.min(d, near(w, p, maxEdits, scratch));
        }
        for (String p : words[i]) {
            d = Math.min(d, near(w, p, maxEdits, scratch));
        }
        return d <= maxEdits ? 20 - 5 * d : 0;
    }

    private static int near(String w, String candidate, int maxEdits, EditDistance scratch) {
        if (Math.abs(w.length() - candidate.length()) > maxEdits || candidate.length() < 3) {
            return maxEdits + 1;
        }
        return scratch.between(w, candidate, maxEdits);
    }
}
