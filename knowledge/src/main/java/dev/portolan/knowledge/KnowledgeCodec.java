package dev.portolan.knowledge;

import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * The compact binary form of the knowledge, compiled from the YAML files at build time and read at
 * every start instead of parsing YAML: with hundreds of programs, the YAML took half a second to
 * read, the binary form a few milliseconds.
 *
 * <p>A command line about one port reads only what concerns that port ({@link Indexed}): the
 * strings, citations and programs it names, found through an index, instead of decoding 1,400
 * citations and 800 programs at every start.
 *
 * <p>Layout (big-endian): the magic {@code PRTLKNOW}, a format version byte; a string table (count,
 * the end offset of each distinct string's UTF-8 bytes, then all their bytes); the absolute
 * positions of the four sections and of the checksum; the citations and the programs, each a count,
 * the offset of every item and the items; the other facts in a fixed order; the index (citations
 * and programs in the order of their ids; the single ports some program names, ascending, then
 * where each one's entry starts and where the ranges' entry starts, then the entries: each the
 * program ports that name that port, the last every program port that is a range; the bounds of
 * each of those ranges; then for the
 * common names, protocol notes, security notes and malware, where each item starts among the
 * other facts and, by port, which items name it; and where the facts not filed by port start);
 * and a CRC-32 of everything before it. A port is found by a binary search, with nothing built at
 * start, and only its notes are read. Strings
 * are indexes into the table, lists a count and their items. Bytes with another magic, version or
 * checksum are refused as a whole.
 */
final class KnowledgeCodec {
    static final byte[] MAGIC = "PRTLKNOW".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 6;
    /** The kinds of notes filed by port, in the order of the file. */
    static final int NAMES = 0;
    static final int PROTOCOLS = 1;
    static final int SECURITY = 2;
    static final int MALWARE = 3;
    private static final int NOTE_KINDS = 4;
    /** Where the build puts the compiled knowledge, as a class-path resource. */
    static final String RESOURCE = "knowledge/knowledge.bin";

    private KnowledgeCodec() {}

    /** The knowledge's facts could not be read from bytes that claim to hold them. */
    static final class CorruptKnowledgeException extends Exception {
        CorruptKnowledgeException(String message) {
            super(message);
        }
    }

    // ---- encoding ----

    /** The binary form of {@code parts}; equal parts give identical bytes. */
    static byte[] encode(KnowledgeReader.Parts parts) {
        Map<String, Integer> strings = new LinkedHashMap<>();
        try {
            ByteArrayOutputStream citations = new ByteArrayOutputStream(1 << 18);
            items(citations, strings, new ArrayList<>(parts.citations.values()), (out, c) -> {
                out.str(c.id());
                out.str(c.title());
                out.str(c.publisher());
                out.str(c.url());
                out.d.writeBoolean(c.secondary());
            });
            ByteArrayOutputStream programs = new ByteArrayOutputStream(1 << 18);
            items(programs, strings, parts.programs, Out::program);
            ByteArrayOutputStream restBytes = new ByteArrayOutputStream(1 << 16);
            Out out = new Out(new DataOutputStream(restBytes), strings);
            // the notes filed by port, each item's offset kept for the index
            int[][] noteOffsets = new int[NOTE_KINDS][];
            noteOffsets[NAMES] = notes(out, restBytes, parts.names, n -> {
                out.str(n.name());
                out.str(n.expansion());
                out.str(n.service());
                out.strs(n.programs());
                out.ints(n.ports());
                out.strs(n.cites());
            });
            noteOffsets[PROTOCOLS] = notes(out, restBytes, parts.protocols, n -> {
                out.str(n.id());
                out.ints(n.ports());
                out.transports(n.transports());
                out.strs(n.cites());
            });
            noteOffsets[SECURITY] = notes(out, restBytes, parts.security, n -> {
                out.str(n.id());
                out.ints(n.ports());
                out.transports(n.transports());
                out.str(n.kind());
                out.strs(n.cites());
            });
            noteOffsets[MALWARE] = notes(out, restBytes, parts.malware, m -> {
                out.d.writeShort(m.port());
                out.transports(m.transports());
                out.str(m.name());
                out.str(m.kind());
                out.d.writeShort(m.year());
                out.strs(m.cites());
            });
            out.d.flush();
            int factsStart = restBytes.size();
            out.list(parts.ephemeral, r -> {
                out.str(r.id());
                out.str(r.system());
                out.str(r.since());
                out.str(r.until());
                out.d.writeShort(r.low());
                out.d.writeShort(r.high());
                out.strs(r.settings());
                out.strs(r.cites());
            });
            out.list(parts.handling, h -> {
                out.str(h.id());
                out.str(h.system());
                out.d.writeShort(h.timeWaitSeconds());
                out.str(h.timeWaitSetting());
                out.strs(h.timeWaitCites());
                out.str(h.show().command());
                out.strs(h.show().cites());
                out.str(h.change().command());
                out.strs(h.change().cites());
                out.str(h.reserve() == null ? "" : h.reserve().command());
                out.strs(h.reserve() == null ? List.of() : h.reserve().cites());
                out.d.writeBoolean(h.reserveNone());
                out.str(h.reserveReplaces());
                out.strs(h.reserveCites());
                out.strs(h.connectCites());
            });
            out.list(parts.privileged, p -> {
                out.str(p.id());
                out.str(p.system());
                out.d.writeInt(p.below() == null ? -1 : p.below());
                out.str(p.privilege());
                out.strs(p.settings());
                out.str(p.since());
                out.str(p.exempt());
                out.list(p.alternatives(), a -> {
                    out.str(a.name());
                    out.str(a.since());
                    out.strs(a.cites());
                });
                out.strs(p.cites());
            });
            out.ints(new ArrayList<>(new TreeSet<>(parts.badPorts)));
            out.strs(parts.badPortCites);
            out.strs(parts.badPortSchemes);
            out.list(new ArrayList<>(parts.badPortAdditions.entrySet()), e -> {
                out.d.writeShort(e.getKey());
                out.strs(e.getValue());
            });
            out.list(parts.events, e -> {
                out.str(e.id());
                out.str(e.date());
                out.strs(e.cites());
            });
            out.list(parts.related, r -> {
                out.ints(r.ports());
                out.str(r.relation());
                out.strs(r.cites());
            });
            out.list(parts.ranges, r -> {
                out.str(r.id());
                out.d.writeShort(r.low());
                out.d.writeShort(r.high());
                out.strs(r.procedures());
                out.strs(r.cites());
            });
            out.list(parts.deassignments, d -> {
                out.ints(d.ports());
                out.str(d.date());
                out.str(d.formerService());
                out.strs(d.cites());
            });
            out.strs(parts.deassignmentCites);
            out.d.flush();
            ByteArrayOutputStream index = new ByteArrayOutputStream(1 << 14);
            index(new DataOutputStream(index), parts, noteOffsets, factsStart);

            ByteArrayOutputStream all = new ByteArrayOutputStream(1 << 20);
            DataOutputStream head = new DataOutputStream(all);
            head.write(MAGIC);
            head.writeByte(VERSION);
            // The strings as one block of UTF-8 after their end offsets: a string is decoded when it
            // is first asked for.
            head.writeInt(strings.size());
            List<byte[]> utf8 = new ArrayList<>(strings.size());
            int end = 0;
            for (String s : strings.keySet()) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                utf8.add(b);
                end += b.length;
                head.writeInt(end);
            }
            for (byte[] b : utf8) {
                head.write(b);
            }
            int sections = all.size() + 5 * 4;
            head.writeInt(sections);
            head.writeInt(sections + citations.size());
            head.writeInt(sections + citations.size() + programs.size());
            head.writeInt(sections + citations.size() + programs.size() + restBytes.size());
            head.writeInt(sections + citations.size() + programs.size() + restBytes.size() + index.size());
            citations.writeTo(head);
            programs.writeTo(head);
            restBytes.writeTo(head);
            index.writeTo(head);
            head.flush();
            CRC32 crc = new CRC32();
            crc.update(all.toByteArray());
            head.writeInt((int) crc.getValue());
            head.flush();
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
    }

    /** A list whose items can be read one by one: count, each item's offset, the items. */
    private static <T> void items(ByteArrayOutputStream section, Map<String, Integer> strings, List<T> list,
            ItemWriter<T> w) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
        Out out = new Out(new DataOutputStream(body), strings);
        int[] offsets = new int[list.size()];
        for (int i = 0; i < list.size(); i++) {
            out.d.flush();
            offsets[i] = body.size();
            w.write(out, list.get(i));
        }
        out.d.flush();
        DataOutputStream d = new DataOutputStream(section);
        d.writeInt(list.size());
        for (int o : offsets) {
            d.writeInt(o);
        }
        body.writeTo(d);
        d.flush();
    }

    private interface ItemWriter<T> {
        void write(Out out, T item) throws IOException;
    }

    /**
     * Citations and programs by id (positions in id order), and the program ports of each single
     * port and of ranges, in the order {@link Knowledge} lists a port's uses.
     */
    private static void index(DataOutputStream d, KnowledgeReader.Parts parts, int[][] noteOffsets, int factsStart)
            throws IOException {
        List<String> citationIds = new ArrayList<>(parts.citations.keySet());
        for (int i : byId(citationIds)) {
            d.writeInt(i);
        }
        List<String> programIds = new ArrayList<>();
        parts.programs.forEach(p -> programIds.add(p.id()));
        for (int i : byId(programIds)) {
            d.writeInt(i);
        }
        java.util.TreeMap<Integer, List<int[]>> singles = new java.util.TreeMap<>();
        List<int[]> ranges = new ArrayList<>();
        for (int p = 0; p < parts.programs.size(); p++) {
            List<ProgramPort> ports = parts.programs.get(p).ports();
            for (int e = 0; e < ports.size(); e++) {
                PortRange r = ports.get(e).ports();
                (r.isSingle() ? singles.computeIfAbsent(r.first(), k -> new ArrayList<>()) : ranges).add(new int[] {p, e});
            }
        }
        d.writeInt(singles.size());
        for (int port : singles.keySet()) {
            d.writeShort(port);
        }
        int offset = 0;
        for (List<int[]> refs : singles.values()) {
            d.writeInt(offset);
            offset += 4 + 6 * refs.size();
        }
        d.writeInt(offset);
        for (List<int[]> refs : singles.values()) {
            useRefs(d, refs);
        }
        useRefs(d, ranges);
        // each range's bounds, so that a port reads only the programs whose ranges cover it
        for (int[] r : ranges) {
            PortRange bounds = parts.programs.get(r[0]).ports().get(r[1]).ports();
            d.writeShort(bounds.first());
            d.writeShort(bounds.last());
        }
        // the notes: where each item starts, then by port the items that name it
        for (int[] offsets : noteOffsets) {
            d.writeInt(offsets.length);
            for (int o : offsets) {
                d.writeInt(o);
            }
        }
        List<List<Integer>> portsOfNames = new ArrayList<>();
        parts.names.forEach(n -> portsOfNames.add(n.ports()));
        portTable(d, portsOfNames);
        List<List<Integer>> portsOfProtocols = new ArrayList<>();
        parts.protocols.forEach(n -> portsOfProtocols.add(n.ports()));
        portTable(d, portsOfProtocols);
        List<List<Integer>> portsOfSecurity = new ArrayList<>();
        parts.security.forEach(n -> portsOfSecurity.add(n.ports()));
        portTable(d, portsOfSecurity);
        List<List<Integer>> portsOfMalware = new ArrayList<>();
        parts.malware.forEach(m -> portsOfMalware.add(List.of(m.port())));
        portTable(d, portsOfMalware);
        d.writeInt(factsStart);
    }

    /**
     * The ports items name, ascending, then where each port's list starts, then the lists: the
     * positions of the items that name the port, ascending, each item once.
     */
    private static void portTable(DataOutputStream d, List<List<Integer>> portsOfItems) throws IOException {
        java.util.TreeMap<Integer, java.util.TreeSet<Integer>> byPort = new java.util.TreeMap<>();
        for (int i = 0; i < portsOfItems.size(); i++) {
            for (int port : portsOfItems.get(i)) {
                byPort.computeIfAbsent(port, k -> new java.util.TreeSet<>()).add(i);
            }
        }
        d.writeInt(byPort.size());
        for (int port : byPort.keySet()) {
            d.writeShort(port);
        }
        int start = 0;
        for (java.util.TreeSet<Integer> items : byPort.values()) {
            d.writeInt(start);
            start += items.size();
        }
        d.writeInt(start);
        for (java.util.TreeSet<Integer> items : byPort.values()) {
            for (int i : items) {
                d.writeInt(i);
            }
        }
    }

    /** A list of notes: count, then the items, returning where each item starts in {@code section}. */
    private static <T> int[] notes(Out out, ByteArrayOutputStream section, List<T> list, Writer<T> w)
            throws IOException {
        out.d.writeInt(list.size());
        int[] offsets = new int[list.size()];
        for (int i = 0; i < list.size(); i++) {
            out.d.flush();
            offsets[i] = section.size();
            w.write(list.get(i));
        }
        return offsets;
    }

    private static void useRefs(DataOutputStream d, List<int[]> refs) throws IOException {
        d.writeInt(refs.size());
        for (int[] r : refs) {
            d.writeInt(r[0]);
            d.writeShort(r[1]);
        }
    }

    /** The positions of the ids in ascending order of the ids. */
    private static int[] byId(List<String> ids) {
        Integer[] order = new Integer[ids.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> ids.get(a).compareTo(ids.get(b)));
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = order[i];
        }
        return out;
    }

    private interface Writer<T> {
        void write(T item) throws IOException;
    }

    private static final class Out {
        final DataOutputStream d;
        final Map<String, Integer> strings;

        Out(DataOutputStream d, Map<String, Integer> strings) {
            this.d = d;
            this.strings = strings;
        }

        void str(String s) throws IOException {
            d.writeInt(strings.computeIfAbsent(s, k -> strings.size()));
        }

        void strs(List<String> list) throws IOException {
            d.writeInt(list.size());
            for (String s : list) {
                str(s);
            }
        }

        void ints(List<Integer> list) throws IOException {
            d.writeInt(list.size());
            for (int i : list) {
                d.writeInt(i);
            }
        }

        void transports(Set<Transport> ts) throws IOException {
            int mask = 0;
            for (Transport t : ts) {
                mask |= 1 << t.ordinal();
            }
            d.writeByte(mask);
        }

        <T> void list(List<T> items, Writer<T> w) throws IOException {
            d.writeInt(items.size());
            for (T item : items) {
                w.write(item);
            }
        }

        void program(Program p) throws IOException {
            str(p.id());
            str(p.name());
            strs(p.aliases());
            str(p.field());
            list(p.ports(), pp -> {
                d.writeShort(pp.ports().first());
                d.writeShort(pp.ports().last());
                transports(pp.transports());
                str(pp.role());
                str(pp.component());
                str(pp.since());
                str(pp.until());
                d.writeByte(pp.usage().ordinal());
                strs(pp.cites());
            });
        }
    }

    // ---- decoding ----

    /**
     * Reads every fact back.
     *
     * @throws CorruptKnowledgeException if the bytes are damaged, cut short or of another format
     */
    static KnowledgeReader.Parts decode(byte[] bytes) throws CorruptKnowledgeException {
        Indexed k = open(bytes);
        try {
            KnowledgeReader.Parts parts = new KnowledgeReader.Parts();
            for (Citation c : k.citations()) {
                parts.citations.put(c.id(), c);
            }
            parts.programs.addAll(k.programs());
            k.rest(parts);
            k.checkIndex();
            k.checkNotes(List.of(parts.names, parts.protocols, parts.security, parts.malware));
            return parts;
        } catch (RuntimeException e) {
            throw new CorruptKnowledgeException("compiled knowledge is damaged: " + e);
        }
    }

    /**
     * The compiled knowledge, checked (magic, version, checksum, the table of strings and the
     * sections' bounds) and read only as far as its facts are asked for.
     *
     * @throws CorruptKnowledgeException if the bytes are damaged, cut short or of another format
     */
    static Indexed open(byte[] bytes) throws CorruptKnowledgeException {
        if (bytes.length < MAGIC.length + 9 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptKnowledgeException("not Portolan's compiled knowledge (bad magic)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ((bytes[bytes.length - 4] & 0xFF) << 24) | ((bytes[bytes.length - 3] & 0xFF) << 16)
                | ((bytes[bytes.length - 2] & 0xFF) << 8) | (bytes[bytes.length - 1] & 0xFF);
        if ((int) crc.getValue() != stored) {
            throw new CorruptKnowledgeException("compiled knowledge checksum mismatch (damaged or cut short)");
        }
        if ((bytes[MAGIC.length] & 0xFF) != VERSION) {
            throw new CorruptKnowledgeException("compiled knowledge format version " + (bytes[MAGIC.length] & 0xFF)
                    + ", this program reads version " + VERSION);
        }
        try {
            return new Indexed(bytes);
        } catch (RuntimeException e) {
            throw new CorruptKnowledgeException("compiled knowledge is damaged: " + e);
        }
    }

    /**
     * Compiled knowledge read on demand: a string when it is first used, a citation or a program
     * when it is asked for by id or through the port index, a port's notes when they are asked
     * for, the facts not filed by port all at once when the first of them is. Safe to share between threads: what it builds is immutable, and
     * two threads building the same item build equal ones.
     */
    static final class Indexed {
        private final byte[] b;
        private final java.nio.ByteBuffer buffer;
        private final int stringCount;
        private final int stringEnds;
        private final int blob;
        private final int blobSize;
        private final String[] strings;
        private final int citationCount;
        private final int citationItems;
        private final int programCount;
        private final int programItems;
        private final int restStart;
        private final int indexStart;
        private final Program[] programCache;
        private final int portCount;
        /** Where the single ports' numbers, their entries' offsets and the entries start. */
        private final int portNumbers;
        private final int portEntryOffsets;
        private final int portEntries;
        /** Per kind of note: how many, where their offsets start, and its table of ports. */
        private final int[] noteCount = new int[NOTE_KINDS];
        private final int[] noteOffsets = new int[NOTE_KINDS];
        private final int[] tablePorts = new int[NOTE_KINDS];
        private final int[] tableNumbers = new int[NOTE_KINDS];
        private final int[] tableStarts = new int[NOTE_KINDS];
        private final int[] tableItems = new int[NOTE_KINDS];
        private final Object[][] noteCache = new Object[NOTE_KINDS][];
        private final int factsStart;
        private final int indexEnd;
        /** How many program ports are ranges, where their references and their bounds start. */
        private final int rangeCount;
        private final int rangeRefs;
        private final int rangeBounds;

        private Indexed(byte[] bytes) {
            this.b = bytes;
            this.buffer = java.nio.ByteBuffer.wrap(bytes, 0, bytes.length - 4).slice();
            int limit = bytes.length - 4;
            int at = MAGIC.length + 1;
            stringCount = within(buffer.getInt(at), 0, limit / 4);
            stringEnds = at + 4;
            blob = stringEnds + 4 * stringCount;
            int blobSize = stringCount == 0 ? 0 : buffer.getInt(blob - 4);
            int sections = within(blob + blobSize, blob, limit);
            this.blobSize = blobSize;
            strings = new String[stringCount];
            int citations = within(buffer.getInt(sections), sections + 20, limit);
            int programs = within(buffer.getInt(sections + 4), citations, limit);
            restStart = within(buffer.getInt(sections + 8), programs, limit);
            indexStart = within(buffer.getInt(sections + 12), restStart, limit);
            if (buffer.getInt(sections + 16) != limit) {
                throw new IllegalStateException("sections do not end at the checksum");
            }
            citationCount = within(buffer.getInt(citations), 0, (programs - citations) / 4);
            citationItems = citations + 4 + 4 * citationCount;
            programCount = within(buffer.getInt(programs), 0, (restStart - programs) / 4);
            programItems = programs + 4 + 4 * programCount;
            programCache = new Program[programCount];
            int portsStart = indexStart + 4 * (citationCount + programCount);
            portCount = within(buffer.getInt(portsStart), 0, (limit - portsStart - 8) / 10);
            portNumbers = portsStart + 4;
            portEntryOffsets = portNumbers + 2 * portCount;
            portEntries = portEntryOffsets + 4 * (portCount + 1);
            int ranges = portEntry(portCount);
            rangeCount = within(buffer.getInt(ranges), 0, limit / 10);
            rangeRefs = ranges + 4;
            rangeBounds = rangeRefs + 6 * rangeCount;
            int next = rangeBounds + 4 * rangeCount;
            for (int k = 0; k < NOTE_KINDS; k++) {
                noteCount[k] = within(buffer.getInt(next), 0, (limit - next) / 4);
                noteOffsets[k] = next + 4;
                noteCache[k] = new Object[noteCount[k]];
                next += 4 + 4 * noteCount[k];
            }
            for (int k = 0; k < NOTE_KINDS; k++) {
                tablePorts[k] = within(buffer.getInt(next), 0, (limit - next) / 6);
                tableNumbers[k] = next + 4;
                tableStarts[k] = tableNumbers[k] + 2 * tablePorts[k];
                tableItems[k] = tableStarts[k] + 4 * (tablePorts[k] + 1);
                next = tableItems[k] + 4 * within(buffer.getInt(tableStarts[k] + 4 * tablePorts[k]), 0, limit / 4);
            }
            factsStart = restStart + within(buffer.getInt(next), 0, indexStart - restStart);
            indexEnd = next + 4;
        }

        /**
         * The notes of one kind ({@link #NAMES}, {@link #PROTOCOLS}, {@link #SECURITY},
         * {@link #MALWARE}) that name a port, in file order; each item read once.
         */
        List<Object> notes(int kind, int port) {
            int lo = 0;
            int hi = tablePorts[kind] - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int p = buffer.getShort(tableNumbers[kind] + 2 * mid) & 0xFFFF;
                if (p < port) {
                    lo = mid + 1;
                } else if (p > port) {
                    hi = mid - 1;
                } else {
                    int from = buffer.getInt(tableStarts[kind] + 4 * mid);
                    int to = buffer.getInt(tableStarts[kind] + 4 * mid + 4);
                    if (from < 0 || to < from) {
                        throw new IllegalStateException("port table out of order");
                    }
                    List<Object> out = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        out.add(note(kind, within(buffer.getInt(tableItems[kind] + 4 * i), 0, noteCount[kind] - 1)));
                    }
                    return out;
                }
            }
            return List.of();
        }

        private Object note(int kind, int i) {
            Object n = noteCache[kind][i];
            if (n == null) {
                In in = at(restStart + within(buffer.getInt(noteOffsets[kind] + 4 * i), 0, factsStart - restStart));
                n = switch (kind) {
                    case NAMES -> name(in);
                    case PROTOCOLS -> protocol(in);
                    case SECURITY -> security(in);
                    default -> malware(in);
                };
                noteCache[kind][i] = n;
            }
            return n;
        }

        private static CommonName name(In in) {
            return new CommonName(in.str(), in.str(), in.str(), in.strs(), in.ints(), in.strs());
        }

        private static ProtocolNote protocol(In in) {
            return new ProtocolNote(in.str(), in.ints(), in.transports(), in.strs());
        }

        private static SecurityNote security(In in) {
            return new SecurityNote(in.str(), in.ints(), in.transports(), in.str(), in.strs());
        }

        private static MalwareAssociation malware(In in) {
            return new MalwareAssociation(in.u16(), in.transports(), in.str(), in.str(), in.u16(), in.strs());
        }

        /** Where the entry of the i-th single port starts (i = portCount: the ranges' entry). */
        private int portEntry(int i) {
            return portEntries + within(buffer.getInt(portEntryOffsets + 4 * i), 0, b.length - 4 - portEntries - 4);
        }

        private static int within(int v, int low, int high) {
            if (v < low || v > high) {
                throw new IllegalStateException("value " + v + " outside " + low + ".." + high);
            }
            return v;
        }

        /** The compiled form itself (not a copy: not to be changed). */
        byte[] bytes() {
            return b;
        }

        /** The string at a position of the table. */
        String string(int index) {
            if (index < 0 || index >= stringCount) {
                throw new IllegalStateException("string index " + index + " out of range");
            }
            String s = strings[index];
            if (s == null) {
                int from = index == 0 ? 0 : buffer.getInt(stringEnds + 4 * (index - 1));
                int to = buffer.getInt(stringEnds + 4 * index);
                if (from < 0 || to < from || to > blobSize) {
                    throw new IllegalStateException("string table offsets out of order");
                }
                s = new String(b, blob + from, to - from, StandardCharsets.UTF_8);
                strings[index] = s;
            }
            return s;
        }

        private In at(int position) {
            java.nio.ByteBuffer d = buffer.duplicate();
            d.position(position);
            return new In(d, this);
        }

        private In item(int items, int count, int i) {
            if (i < 0 || i >= count) {
                throw new IllegalStateException("item " + i + " of " + count);
            }
            return at(items + buffer.getInt(items - 4 * count + 4 * i));
        }

        private Citation citation(int i) {
            In in = item(citationItems, citationCount, i);
            return new Citation(in.str(), in.str(), in.str(), in.str(), in.bool());
        }

        /** The program at a position of the file order, built once. */
        Program program(int i) {
            Program p = programCache[within(i, 0, programCount - 1)];
            if (p == null) {
                p = item(programItems, programCount, i).program();
                programCache[i] = p;
            }
            return p;
        }

        /** Every citation, in file order. */
        List<Citation> citations() {
            List<Citation> out = new ArrayList<>(citationCount);
            for (int i = 0; i < citationCount; i++) {
                out.add(citation(i));
            }
            return out;
        }

        /** Every program, in file order. */
        List<Program> programs() {
            List<Program> out = new ArrayList<>(programCount);
            for (int i = 0; i < programCount; i++) {
                out.add(program(i));
            }
            return out;
        }

        /** The citation with this id, found by a binary search over the ids. */
        @org.jspecify.annotations.Nullable Citation citation(String id) {
            int i = find(indexStart, citationCount, id, citationItems, citationCount);
            return i < 0 ? null : citation(i);
        }

        /** The program with this id. */
        @org.jspecify.annotations.Nullable Program program(String id) {
            int i = find(indexStart + 4 * citationCount, programCount, id, programItems, programCount);
            return i < 0 ? null : program(i);
        }

        /** The position of the item whose id (its first string) is {@code id}, or -1. */
        private int find(int order, int n, String id, int items, int count) {
            int lo = 0;
            int hi = n - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int i = buffer.getInt(order + 4 * mid);
                int cmp = item(items, count, i).str().compareTo(id);
                if (cmp == 0) {
                    return i;
                } else if (cmp < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return -1;
        }

        /** The uses of programs that name this single port, in file order. */
        List<ProgramUse> singleUses(int port) {
            int lo = 0;
            int hi = portCount - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int p = buffer.getShort(portNumbers + 2 * mid) & 0xFFFF;
                if (p == port) {
                    return uses(portEntry(mid));
                } else if (p < port) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return List.of();
        }

        /** The uses of programs that name a range covering this port, in file order. */
        List<ProgramUse> rangeUses(int port) {
            List<ProgramUse> out = null;
            for (int i = 0; i < rangeCount; i++) {
                int first = buffer.getShort(rangeBounds + 4 * i) & 0xFFFF;
                int last = buffer.getShort(rangeBounds + 4 * i + 2) & 0xFFFF;
                if (first <= port && port <= last) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    Program p = program(buffer.getInt(rangeRefs + 6 * i));
                    out.add(new ProgramUse(p, p.ports().get(buffer.getShort(rangeRefs + 6 * i + 4) & 0xFFFF)));
                }
            }
            return out == null ? List.of() : List.copyOf(out);
        }

        /** The single ports some program names, ascending. */
        java.util.SortedSet<Integer> portsWithUses() {
            java.util.SortedSet<Integer> out = new TreeSet<>();
            for (int i = 0; i < portCount; i++) {
                out.add(buffer.getShort(portNumbers + 2 * i) & 0xFFFF);
            }
            return out;
        }

        private List<ProgramUse> uses(int at) {
            int n = buffer.getInt(at);
            List<ProgramUse> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Program p = program(buffer.getInt(at + 4 + 6 * i));
                out.add(new ProgramUse(p, p.ports().get(buffer.getShort(at + 8 + 6 * i) & 0xFFFF)));
            }
            return List.copyOf(out);
        }

        /** Reads every use the index lists, so that a damaged index is found by {@link #decode}. */
        void checkIndex() {
            for (int i = 0; i < citationCount + programCount; i++) {
                within(buffer.getInt(indexStart + 4 * i), 0, i < citationCount ? citationCount - 1 : programCount - 1);
            }
            for (int i = 0; i < stringCount; i++) {
                string(i);
            }
            int expected = portEntries;
            for (int i = 0; i <= portCount; i++) {
                if (i > 0 && i < portCount
                        && (buffer.getShort(portNumbers + 2 * i) & 0xFFFF) <= (buffer.getShort(portNumbers + 2 * (i - 1)) & 0xFFFF)) {
                    throw new IllegalStateException("ports of the index out of order");
                }
                if (portEntry(i) != expected) {
                    throw new IllegalStateException("port entry " + i + " not where the one before it ends");
                }
                expected += 4 + 6 * within(buffer.getInt(expected), 0, b.length);
                uses(portEntry(i));
            }
            List<ProgramUse> all = uses(portEntry(portCount));
            for (int i = 0; i < rangeCount; i++) {
                PortRange r = all.get(i).use().ports();
                if (r.first() != (buffer.getShort(rangeBounds + 4 * i) & 0xFFFF)
                        || r.last() != (buffer.getShort(rangeBounds + 4 * i + 2) & 0xFFFF)) {
                    throw new IllegalStateException("the bounds of range " + i + " are not its program's");
                }
            }
            for (int k = 0; k < NOTE_KINDS; k++) {
                for (int i = 0; i < noteCount[k]; i++) {
                    note(k, i);
                }
                for (int i = 0; i < tablePorts[k]; i++) {
                    if (i > 0 && (buffer.getShort(tableNumbers[k] + 2 * i) & 0xFFFF)
                            <= (buffer.getShort(tableNumbers[k] + 2 * (i - 1)) & 0xFFFF)) {
                        throw new IllegalStateException("ports of a note table out of order");
                    }
                    notes(k, buffer.getShort(tableNumbers[k] + 2 * i) & 0xFFFF);
                }
            }
            int end = indexEnd;
            if (end != b.length - 4) {
                throw new IllegalStateException("index ends at " + end + ", not at the checksum");
            }
        }

        /** Checks that the index's notes are the ones read in sequence, kind by kind. */
        void checkNotes(List<List<?>> inSequence) {
            for (int k = 0; k < NOTE_KINDS; k++) {
                if (inSequence.get(k).size() != noteCount[k]) {
                    throw new IllegalStateException("the index lists " + noteCount[k] + " notes of kind " + k + ", not "
                            + inSequence.get(k).size());
                }
                for (int i = 0; i < noteCount[k]; i++) {
                    if (!note(k, i).equals(inSequence.get(k).get(i))) {
                        throw new IllegalStateException("note " + i + " of kind " + k + " is not where the index says");
                    }
                }
            }
        }

        /** Adds the facts other than citations and programs to {@code parts}, in sequence. */
        void rest(KnowledgeReader.Parts parts) {
            notes(parts);
            facts(parts);
        }

        /** Adds every common name, protocol note, security note and malware association to {@code parts}. */
        void notes(KnowledgeReader.Parts parts) {
            // Loops rather than a reader passed as a lambda: each lambda costs a command line's
            // start a fraction of a millisecond to link (bench/README.md).
            In in = at(restStart);
            for (int i = 0, n = in.count(); i < n; i++) {
                parts.names.add(name(in));
            }
            for (int i = 0, n = in.count(); i < n; i++) {
                parts.protocols.add(protocol(in));
            }
            for (int i = 0, n = in.count(); i < n; i++) {
                parts.security.add(security(in));
            }
            for (int i = 0, n = in.count(); i < n; i++) {
                parts.malware.add(malware(in));
            }
            if (in.d.position() != factsStart) {
                throw new IllegalStateException("notes end at " + in.d.position() + ", the facts start at " + factsStart);
            }
        }

        /** Adds the facts that are not filed by port (ephemeral ranges, bad ports, events...) to {@code parts}. */
        void facts(KnowledgeReader.Parts parts) {
            In in = at(factsStart);
            for (int i = 0, n = in.count(); i < n; i++) {
                parts.ephemeral.add(new EphemeralRange(in.str(), in.str(), in.str(), in.str(), in.u16(), in.u16(),
                        in.strs(), in.strs()));
            }
            for (int i = 0, n = in.count(); i < n; i++) {
                String id = in.str();
                String system = in.str();
                int seconds = in.u16();
                String setting = in.str();
                List<String> timeWaitCites = in.strs();
                EphemeralHandling.Step show = new EphemeralHandling.Step(in.str(), in.strs());
                EphemeralHandling.Step change = new EphemeralHandling.Step(in.str(), in.strs());
                String reserveCommand = in.str();
                List<String> reserveStepCites = in.strs();
                EphemeralHandling.Step reserve = reserveCommand.isEmpty() ? null
                        : new EphemeralHandling.Step(reserveCommand, reserveStepCites);
                boolean none = in.bool();
                parts.handling.add(new EphemeralHandling(id, system, seconds, setting, timeWaitCites, show, change,
                        reserve, none, in.str(), in.strs(), in.strs()));
            }
            for (int i = 0, n = in.count(); i < n; i++) {
                String id = in.str();
                String system = in.str();
                int below = in.d.getInt();
                String privilege = in.str();
                List<String> settings = in.strs();
                String since = in.str();
                String exempt = in.str();
                List<PrivilegedPorts.Alternative> alternatives = new ArrayList<>();
                for (int j = 0, m = in.count(); j < m; j++) {
                    alternatives.add(new PrivilegedPorts.Alternative(in.str(), in.str(), in.strs()));
                }
                parts.privileged.add(new PrivilegedPorts(id, system, below < 0 ? null : below, privilege, settings,
                        since, exempt, alternatives, in.strs()));
            }
            parts.badPorts.addAll(in.ints());
            parts.badPortCites.addAll(in.strs());
            parts.badPortSchemes.addAll(in.strs());
            for (int i = 0, n = in.count(); i < n; i++) {
                int port = in.u16();
                parts.badPortAdditions.put(port, new ArrayList<>(in.strs()));
            }
            for (int i = 0, n = in.count(); i < n; i++) {
                parts.events.add(new HistoryEvent(in.str(), in.str(), in.strs()));
            }
            for (int i = 0, n = in.count(); i < n; i++) {
                parts.related.add(new RelatedPorts(in.ints(), in.str(), in.strs()));
            }
            for (int i = 0, n = in.count(); i < n; i++) {
                parts.ranges.add(new RangeFacts(in.str(), in.u16(), in.u16(), in.strs(), in.strs()));
            }
            for (int i = 0, n = in.count(); i < n; i++) {
                parts.deassignments.add(new Deassignment(in.ints(), in.str(), in.str(), in.strs()));
            }
            parts.deassignmentCites.addAll(in.strs());
            if (in.d.position() != indexStart) {
                throw new IllegalStateException("facts end at " + in.d.position() + ", the index starts at " + indexStart);
            }
        }
    }

    /** Reads facts from a position of the bytes, strings through the table. */
    private static final class In {
        final java.nio.ByteBuffer d;
        private final Indexed strings;

        In(java.nio.ByteBuffer d, Indexed strings) {
            this.d = d;
            this.strings = strings;
        }

        String str() {
            return strings.string(d.getInt());
        }

        List<String> strs() {
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(str());
            }
            return out;
        }

        List<Integer> ints() {
            int n = count();
            List<Integer> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(d.getInt());
            }
            return out;
        }

        int u16() {
            return d.getShort() & 0xFFFF;
        }

        boolean bool() {
            return d.get() != 0;
        }

        ProgramPort.Usage usage() {
            return ProgramPort.Usage.values()[d.get()];
        }

        Set<Transport> transports() {
            int mask = d.get() & 0xFF;
            Set<Transport> out = EnumSet.noneOf(Transport.class);
            for (Transport t : Transport.values()) {
                if ((mask & (1 << t.ordinal())) != 0) {
                    out.add(t);
                }
            }
            return out;
        }

        int count() {
            int n = d.getInt();
            if (n < 0 || n > d.remaining()) {
                throw new IllegalStateException("a list of " + n + " items cannot fit in what is left");
            }
            return n;
        }

        Program program() {
            String id = str();
            String name = str();
            List<String> aliases = strs();
            String field = str();
            int n = count();
            List<ProgramPort> ports = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ports.add(new ProgramPort(new PortRange(u16(), u16()), transports(), str(), str(), str(), str(), usage(),
                        strs()));
            }
            return new Program(id, name, aliases, field, ports);
        }
    }
}
