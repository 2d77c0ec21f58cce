package dev.portolan.knowledge.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The labels of every port that has any, computed once by the build for the embedded registry, so
 * that a search there needs neither the knowledge nor the registry's summaries at run time. Each
 * label is kept as one string and read when a result shows it.
 */
final class LabelTable implements IntFunction<SearchLabel> {
    private static final char FIELD = '\u001e';
    private static final char ITEM = '\u001f';

    private final int[] ports;
    /** The labels one after another in UTF-8; label i is blob[starts[i], starts[i + 1]). */
    private final byte[] blob;
    private final int[] starts;

    private LabelTable(int[] ports, byte[] blob, int[] starts) {
        this.ports = ports;
        this.blob = blob;
        this.starts = starts;
    }

    /** The labels of the ports that have one (a name, a service, a program or a description). */
    static LabelTable of(IntFunction<SearchLabel> labels) {
        List<Integer> ports = new ArrayList<>();
        List<String> encoded = new ArrayList<>();
        for (int port = 0; port <= 65_535; port++) {
            SearchLabel l = labels.apply(port);
            if (!l.names().isEmpty() || !l.registered().isEmpty() || !l.programs().isEmpty()
                    || !l.description().isEmpty()) {
                ports.add(port);
                encoded.add(encode(l));
            }
        }
        java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
        int[] starts = new int[encoded.size() + 1];
        for (int i = 0; i < encoded.size(); i++) {
            starts[i] = blob.size();
            blob.writeBytes(encoded.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        starts[encoded.size()] = blob.size();
        return new LabelTable(ports.stream().mapToInt(Integer::intValue).toArray(), blob.toByteArray(), starts);
    }

    /** The label of a port; an empty one for a port of which nothing is known. */
    @Override
    public SearchLabel apply(int port) {
        int i = Arrays.binarySearch(ports, port);
        return i < 0 ? new SearchLabel(List.of(), List.of(), List.of(), 0, "")
                : decode(new String(blob, starts[i], starts[i + 1] - starts[i], java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String encode(SearchLabel l) {
        for (String s : concat(l)) {
            if (s.indexOf(FIELD) >= 0 || s.indexOf(ITEM) >= 0) {
                throw new IllegalArgumentException("a label holds a separator character: " + s);
            }
        }
        return String.join(String.valueOf(ITEM), l.names()) + FIELD + String.join(String.valueOf(ITEM), l.registered())
                + FIELD + String.join(String.valueOf(ITEM), l.programs()) + FIELD + l.morePrograms() + FIELD
                + l.description();
    }

    private static List<String> concat(SearchLabel l) {
        List<String> all = new ArrayList<>(l.names());
        all.addAll(l.registered());
        all.addAll(l.programs());
        all.add(l.description());
        return all;
    }

    private static SearchLabel decode(String s) {
        String[] f = s.split(String.valueOf(FIELD), -1);
        return new SearchLabel(items(f[0]), items(f[1]), items(f[2]), Integer.parseInt(f[3]), f[4]);
    }

    private static List<String> items(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split(String.valueOf(ITEM), -1));
    }

    void write(DataOutputStream out) throws IOException {
        TermIndex.writeInts(out, ports);
        TermIndex.writeBytes(out, blob);
        TermIndex.writeInts(out, starts);
    }

    static LabelTable read(DataInputStream in) throws IOException {
        int[] ports = TermIndex.readInts(in);
        byte[] blob = TermIndex.readBytes(in);
        int[] starts = TermIndex.readInts(in);
        if (starts.length != ports.length + 1 || starts[ports.length] != blob.length) {
            throw new IOException("damaged label table");
        }
        return new LabelTable(ports, blob, starts);
    }
}
