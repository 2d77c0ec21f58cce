package dev.portolan.knowledge.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Terms and, for each, the ports it is found on: a sorted dictionary in a few flat arrays, so that
 * it is quick to build, to write as the build's compiled form and to read back without creating an
 * object per term.
 *
 * <p>A posting packs the port (16 bits), the {@link Tier} a match on it gives (3 bits), a weight
 * (0-127, how strongly the term stands for the port: a program's main port weighs more than its
 * other ports) and the transports it holds on (4 bits, none when it holds on all); beside it, an
 * index into the table of display names ({@link #name}), or -1. Immutable and thread-safe.
 */
final class TermIndex {
    static final TermIndex EMPTY = new Builder().build();

    private final String blob;
    private final int[] starts;
    private final int[] postingStarts;
    private final int[] postings;
    private final int[] refs;
    private final String[] names;

    private TermIndex(String blob, int[] starts, int[] postingStarts, int[] postings, int[] refs, String[] names) {
        this.blob = blob;
        this.starts = starts;
        this.postingStarts = postingStarts;
        this.postings = postings;
        this.refs = refs;
        this.names = names;
    }

    /** The number of terms. */
    int size() {
        return starts.length - 1;
    }

    /** The term at index {@code i}. */
    String term(int i) {
        return blob.substring(starts[i], starts[i + 1]);
    }

    /** The length of the term at index {@code i}, without creating it. */
    int termLength(int i) {
        return starts[i + 1] - starts[i];
    }

    /** The index of a term, or -1. */
    int find(String term) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, term);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The first term index at or after which every term is at least {@code prefix}. */
    int lowerBound(String prefix) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(mid, prefix) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether the term at index {@code i} starts with {@code prefix}. */
    boolean startsWith(int i, String prefix) {
        return termLength(i) >= prefix.length() && blob.startsWith(prefix, starts[i]);
    }

    /** The term at {@code i} compared with {@code s}, as {@link String#compareTo} would. */
    private int compare(int i, String s) {
        int from = starts[i];
        int len = starts[i + 1] - from;
        int n = Math.min(len, s.length());
        for (int k = 0; k < n; k++) {
            int d = blob.charAt(from + k) - s.charAt(k);
            if (d != 0) {
                return d;
            }
        }
        return len - s.length();
    }

    /** The first posting of term {@code i}. */
    int postingsFrom(int i) {
        return postingStarts[i];
    }

    /** The end (exclusive) of term {@code i}'s postings. */
    int postingsTo(int i) {
        return postingStarts[i + 1];
    }

    /** The packed posting at {@code p}. */
    int posting(int p) {
        return postings[p];
    }

    /** The display name of posting {@code p}, or null. */
    String name(int p) {
        int r = refs[p];
        return r < 0 ? null : names[r];
    }

    static int port(int posting) {
        return posting & 0xffff;
    }

    static Tier tier(int posting) {
        return Tier.values()[(posting >>> 16) & 0x7];
    }

    static int weight(int posting) {
        return (posting >>> 19) & 0x7f;
    }

    static int transports(int posting) {
        return (posting >>> 26) & 0xf;
    }

    static int pack(int port, Tier tier, int weight, int transports) {
        if (port < 0 || port > 0xffff || weight < 0 || weight > 0x7f || transports < 0 || transports > 0xf) {
            throw new IllegalArgumentException("posting out of range: " + port + ", " + weight + ", " + transports);
        }
        return port | tier.ordinal() << 16 | weight << 19 | transports << 26;
    }

    void write(DataOutputStream out) throws IOException {
        writeString(out, blob);
        writeInts(out, starts);
        writeInts(out, postingStarts);
        writeInts(out, postings);
        // Descriptions name nothing: their index leaves the column of names out.
        boolean named = names.length > 0;
        out.writeBoolean(named);
        if (named) {
            writeInts(out, refs);
        }
        out.writeInt(names.length);
        for (String n : names) {
            writeString(out, n);
        }
    }

    static TermIndex read(DataInputStream in) throws IOException {
        String blob = readString(in);
        int[] starts = readInts(in);
        int[] postingStarts = readInts(in);
        int[] postings = readInts(in);
        int[] refs;
        if (in.readBoolean()) {
            refs = readInts(in);
        } else {
            refs = new int[postings.length];
            Arrays.fill(refs, -1);
        }
        int n = in.readInt();
        if (n < 0 || starts.length == 0 || postingStarts.length != starts.length || refs.length != postings.length
                || starts[starts.length - 1] != blob.length()) {
            throw new IOException("damaged term index");
        }
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = readString(in);
        }
        return new TermIndex(blob, starts, postingStarts, postings, refs, names);
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("damaged string length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(values.length * 4);
        b.asIntBuffer().put(values);
        out.write(b.array());
    }

    static int[] readInts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("damaged array length " + n);
        }
        byte[] bytes = in.readNBytes(n * 4);
        if (bytes.length != n * 4) {
            throw new IOException("truncated array");
        }
        int[] out = new int[n];
        java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(out);
        return out;
    }

    /** Collects terms and their postings; not thread-safe. */
    static final class Builder {
        private final Map<String, List<long[]>> terms = new HashMap<>();
        private final Map<String, Integer> nameIds = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        /**
         * Adds a posting for a term (already normalized); a repeat of the same port, tier and
         * name keeps the higher weight.
         *
         * @param name the display name the match shows, or null
         */
        Builder add(String term, int port, Tier tier, int weight, int transports, String name) {
            if (term.isEmpty()) {
                return this;
            }
            int ref = -1;
            if (name != null) {
                ref = nameIds.computeIfAbsent(name, n -> {
                    names.add(n);
                    return names.size() - 1;
                });
            }
            List<long[]> list = terms.computeIfAbsent(term, t -> new ArrayList<>(2));
            int packed = pack(port, tier, weight, transports);
            for (long[] e : list) {
                int p = (int) e[0];
                if (port(p) == port && tier(p) == tier && (int) e[1] == ref) {
                    e[0] = pack(port, tier, Math.max(weight, weight(p)), transports(p) == 0 || transports == 0
                            ? 0 : transports(p) | transports);
                    return this;
                }
            }
            list.add(new long[] {packed, ref});
            return this;
        }

        TermIndex build() {
            String[] sorted = terms.keySet().toArray(new String[0]);
            Arrays.sort(sorted);
            StringBuilder blob = new StringBuilder();
            int[] starts = new int[sorted.length + 1];
            int[] postingStarts = new int[sorted.length + 1];
            int total = 0;
            for (String t : sorted) {
                total += terms.get(t).size();
            }
            int[] postings = new int[total];
            int[] refs = new int[total];
            int p = 0;
            for (int i = 0; i < sorted.length; i++) {
                starts[i] = blob.length();
                blob.append(sorted[i]);
                postingStarts[i] = p;
                for (long[] e : terms.get(sorted[i])) {
                    postings[p] = (int) e[0];
                    refs[p] = (int) e[1];
                    p++;
                }
            }
            starts[sorted.length] = blob.length();
            postingStarts[sorted.length] = p;
            return new TermIndex(blob.toString(), starts, postingStarts, postings, refs, names.toArray(new String[0]));
        }
    }
}
