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
 * <p>Terms are kept as UTF-8 bytes in one array, in byte order (which is code point order), and
 * compared as bytes, so that reading the compiled form creates no strings; a term or a name is
 * decoded only when asked for.
 *
 * <p>A posting packs the port (16 bits), the {@link Tier} a match on it gives (3 bits), a weight
 * (0-127, how strongly the term stands for the port: a program's main port weighs more than its
 * other ports) and the transports it holds on (4 bits, none when it holds on all); beside it, an
 * index into the table of display names ({@link #name}), or -1. Immutable and thread-safe.
 */
final class TermIndex {
    static final TermIndex EMPTY = new Builder().build();

    private final byte[] blob;
    private final int[] starts;
    private final int[] postingStarts;
    private final int[] postings;
    private final int[] refs;
    private final byte[] names;
    private final int[] nameStarts;

    private TermIndex(byte[] blob, int[] starts, int[] postingStarts, int[] postings, int[] refs, byte[] names,
            int[] nameStarts) {
        this.blob = blob;
        this.starts = starts;
        this.postingStarts = postingStarts;
        this.postings = postings;
        this.refs = refs;
        this.names = names;
        this.nameStarts = nameStarts;
    }

    /** A word as the index compares it: its UTF-8 bytes. */
    static byte[] key(String word) {
        return word.getBytes(StandardCharsets.UTF_8);
    }

    /** The number of terms. */
    int size() {
        return starts.length - 1;
    }

    /** The term at index {@code i}. */
    String term(int i) {
        return new String(blob, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8);
    }

    /** The length of the term at index {@code i} in code points, without creating it. */
    int termLength(int i) {
        int n = 0;
        for (int b = starts[i]; b < starts[i + 1]; b++) {
            n += (blob[b] & 0xc0) == 0x80 ? 0 : 1;
        }
        return n;
    }

    /** The index of a term, or -1. */
    int find(String term) {
        return find(key(term));
    }

    /** The index of a term given as {@link #key}, or -1. */
    int find(byte[] term) {
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

    /** The first term index at or after which every term is at least {@code prefix} (a {@link #key}). */
    int lowerBound(byte[] prefix) {
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

    /** Whether the term at index {@code i} starts with {@code prefix} (a {@link #key}). */
    boolean startsWith(int i, byte[] prefix) {
        int from = starts[i];
        return starts[i + 1] - from >= prefix.length
                && Arrays.equals(blob, from, from + prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Whether the term at {@code i} begins with the key's first byte, or with its second (a
     * swapped or a dropped first letter), or has the key's first byte second (an added letter).
     */
    boolean startsNear(int i, byte[] key) {
        int from = starts[i];
        int len = starts[i + 1] - from;
        if (len == 0 || key.length == 0) {
            return false;
        }
        byte first = blob[from];
        return first == key[0] || key.length > 1 && first == key[1] || len > 1 && blob[from + 1] == key[0];
    }

    /** The term at {@code i} compared with a key, in byte order. */
    private int compare(int i, byte[] key) {
        return Arrays.compareUnsigned(blob, starts[i], starts[i + 1], key, 0, key.length);
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
        return r < 0 ? null : new String(names, nameStarts[r], nameStarts[r + 1] - nameStarts[r], StandardCharsets.UTF_8);
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
        writeBytes(out, blob);
        writeInts(out, starts);
        writeInts(out, postingStarts);
        writeInts(out, postings);
        // Descriptions name nothing: their index leaves the column of names out.
        boolean named = nameStarts.length > 1;
        out.writeBoolean(named);
        if (named) {
            writeInts(out, refs);
        }
        writeBytes(out, names);
        writeInts(out, nameStarts);
    }

    static TermIndex read(DataInputStream in) throws IOException {
        byte[] blob = readBytes(in);
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
        byte[] names = readBytes(in);
        int[] nameStarts = readInts(in);
        if (starts.length == 0 || postingStarts.length != starts.length || refs.length != postings.length
                || starts[starts.length - 1] != blob.length || nameStarts.length == 0
                || nameStarts[nameStarts.length - 1] != names.length) {
            throw new IOException("damaged term index");
        }
        return new TermIndex(blob, starts, postingStarts, postings, refs, names, nameStarts);
    }

    static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("damaged length " + n);
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("truncated");
        }
        return b;
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
        /** Per term, its postings so far: pairs of (packed posting, name reference), in order added. */
        private final Map<String, int[]> terms = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();
        private final Map<String, Integer> nameIds = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        /**
         * Adds a posting for a term (already normalized); a repeat of the same port, tier and
         * name keeps the higher weight and the transports of both.
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
            int packed = pack(port, tier, weight, transports);
            int n = counts.getOrDefault(term, 0);
            int[] list = terms.get(term);
            if (list == null || list.length < 2 * (n + 1)) {
                list = Arrays.copyOf(list == null ? new int[4] : list, Math.max(4, 2 * (n + 1) * 2));
                terms.put(term, list);
            }
            list[2 * n] = packed;
            list[2 * n + 1] = ref;
            counts.put(term, n + 1);
            return this;
        }

        TermIndex build() {
            String[] sortedTerms = terms.keySet().toArray(new String[0]);
            byte[][] keys = new byte[sortedTerms.length][];
            for (int i = 0; i < sortedTerms.length; i++) {
                keys[i] = key(sortedTerms[i]);
            }
            Integer[] order = new Integer[keys.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // a class, not a lambda: EMPTY is built so when a search starts (bench/README.md)
            Arrays.sort(order, new java.util.Comparator<Integer>() {
                @Override
                public int compare(Integer a, Integer b) {
                    return Arrays.compareUnsigned(keys[a], keys[b]);
                }
            });
            java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
            int[] starts = new int[keys.length + 1];
            int[] postingStarts = new int[keys.length + 1];
            int total = 0;
            for (int c : counts.values()) {
                total += c;
            }
            int[] postings = new int[total];
            int[] refs = new int[total];
            int p = 0;
            for (int i = 0; i < order.length; i++) {
                String term = sortedTerms[order[i]];
                starts[i] = blob.size();
                blob.writeBytes(keys[order[i]]);
                postingStarts[i] = p;
                p = merge(terms.get(term), counts.get(term), postings, refs, p);
            }
            starts[keys.length] = blob.size();
            postingStarts[keys.length] = p;
            java.io.ByteArrayOutputStream nameBytes = new java.io.ByteArrayOutputStream();
            int[] nameStarts = new int[names.size() + 1];
            for (int i = 0; i < names.size(); i++) {
                nameStarts[i] = nameBytes.size();
                nameBytes.writeBytes(key(names.get(i)));
            }
            nameStarts[names.size()] = nameBytes.size();
            return new TermIndex(blob.toByteArray(), starts, postingStarts, Arrays.copyOf(postings, p),
                    Arrays.copyOf(refs, p), nameBytes.toByteArray(), nameStarts);
        }

        /**
         * Copies a term's postings in the order first added, each (port, tier, name) once with the
         * higher weight and the transports of all (none, meaning every transport, wins).
         */
        private static int merge(int[] list, int n, int[] postings, int[] refs, int p) {
            if (n == 1) {
                postings[p] = list[0];
                refs[p] = list[1];
                return p + 1;
            }
            Map<Long, Integer> seen = new HashMap<>();
            for (int k = 0; k < n; k++) {
                int packed = list[2 * k];
                int ref = list[2 * k + 1];
                long id = ((long) port(packed) << 40) | ((long) tier(packed).ordinal() << 32) | (ref & 0xffffffffL);
                Integer at = seen.putIfAbsent(id, p);
                if (at == null) {
                    postings[p] = packed;
                    refs[p] = ref;
                    p++;
                } else {
                    int old = postings[at];
                    int transports = transports(old) == 0 || transports(packed) == 0 ? 0
                            : transports(old) | transports(packed);
                    postings[at] = pack(port(old), tier(old), Math.max(weight(old), weight(packed)), transports);
                }
            }
            return p;
        }
    }
}
