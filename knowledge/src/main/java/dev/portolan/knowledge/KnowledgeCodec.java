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
 * <p>Layout (big-endian): the magic {@code PRTLKNOW}, a format version byte, a string table (count,
 * each distinct string's length in UTF-8 bytes, then all their bytes), then every kind of fact in a
 * fixed order,
 * strings as indexes into the table and lists as a count and their items, and a CRC-32 of
 * everything before it. Bytes with another magic, version or checksum are refused as a whole.
 */
final class KnowledgeCodec {
    static final byte[] MAGIC = "PRTLKNOW".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 4;
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
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
        try {
            Out out = new Out(new DataOutputStream(body), strings);
            out.citations(parts.citations);
            out.list(parts.programs, out::program);
            out.list(parts.names, n -> {
                out.str(n.name());
                out.str(n.expansion());
                out.str(n.service());
                out.strs(n.programs());
                out.ints(n.ports());
                out.strs(n.cites());
            });
            out.list(parts.protocols, n -> {
                out.str(n.id());
                out.ints(n.ports());
                out.transports(n.transports());
                out.strs(n.cites());
            });
            out.list(parts.security, n -> {
                out.str(n.id());
                out.ints(n.ports());
                out.transports(n.transports());
                out.str(n.kind());
                out.strs(n.cites());
            });
            out.list(parts.malware, m -> {
                out.d.writeShort(m.port());
                out.transports(m.transports());
                out.str(m.name());
                out.str(m.kind());
                out.d.writeShort(m.year());
                out.strs(m.cites());
            });
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

            ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + strings.size() * 16 + 64);
            DataOutputStream head = new DataOutputStream(all);
            head.write(MAGIC);
            head.writeByte(VERSION);
            // The strings as one block of UTF-8 after their lengths: decoding a block is much faster
            // than one modified-UTF-8 string at a time.
            head.writeInt(strings.size());
            List<byte[]> utf8 = new ArrayList<>(strings.size());
            for (String s : strings.keySet()) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                utf8.add(b);
                head.writeInt(b.length);
            }
            for (byte[] b : utf8) {
                head.write(b);
            }
            body.writeTo(head);
            head.flush();
            CRC32 crc = new CRC32();
            byte[] bytes = all.toByteArray();
            crc.update(bytes);
            head.writeInt((int) crc.getValue());
            head.flush();
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
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

        void citations(Map<String, Citation> citations) throws IOException {
            list(new ArrayList<>(citations.values()), c -> {
                str(c.id());
                str(c.title());
                str(c.publisher());
                str(c.url());
                d.writeBoolean(c.secondary());
            });
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
     * Reads the facts back.
     *
     * @throws CorruptKnowledgeException if the bytes are damaged, cut short or of another format
     */
    static KnowledgeReader.Parts decode(byte[] bytes) throws CorruptKnowledgeException {
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
            In in = new In(java.nio.ByteBuffer.wrap(bytes, MAGIC.length + 1, bytes.length - MAGIC.length - 5).slice());
            int count = in.count();
            int[] lengths = new int[count];
            for (int i = 0; i < count; i++) {
                lengths[i] = in.d.getInt();
            }
            in.strings = new String[count];
            byte[] all = bytes;
            int at = MAGIC.length + 1 + in.d.position();
            for (int i = 0; i < count; i++) {
                in.strings[i] = new String(all, at, lengths[i], StandardCharsets.UTF_8);
                at += lengths[i];
            }
            in.d.position(at - MAGIC.length - 1);
            KnowledgeReader.Parts parts = new KnowledgeReader.Parts();
            for (Citation c : in.list(() -> new Citation(in.str(), in.str(), in.str(), in.str(), in.bool()))) {
                parts.citations.put(c.id(), c);
            }
            parts.programs.addAll(in.list(in::program));
            parts.names.addAll(in.list(() -> new CommonName(in.str(), in.str(), in.str(), in.strs(), in.ints(),
                    in.strs())));
            parts.protocols.addAll(in.list(() -> new ProtocolNote(in.str(), in.ints(), in.transports(), in.strs())));
            parts.security.addAll(in.list(() -> new SecurityNote(in.str(), in.ints(), in.transports(), in.str(),
                    in.strs())));
            parts.malware.addAll(in.list(() -> new MalwareAssociation(in.u16(), in.transports(),
                    in.str(), in.str(), in.u16(), in.strs())));
            parts.ephemeral.addAll(in.list(() -> new EphemeralRange(in.str(), in.str(), in.str(), in.str(),
                    in.u16(), in.u16(), in.strs(), in.strs())));
            parts.handling.addAll(in.list(() -> {
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
                return new EphemeralHandling(id, system, seconds, setting, timeWaitCites, show, change, reserve,
                        none, in.str(), in.strs(), in.strs());
            }));
            parts.privileged.addAll(in.list(() -> {
                String id = in.str();
                String system = in.str();
                int below = in.d.getInt();
                return new PrivilegedPorts(id, system, below < 0 ? null : below, in.str(), in.strs(), in.str(),
                        in.str(), in.list(() -> new PrivilegedPorts.Alternative(in.str(), in.str(), in.strs())),
                        in.strs());
            }));
            parts.badPorts.addAll(in.ints());
            parts.badPortCites.addAll(in.strs());
            parts.badPortSchemes.addAll(in.strs());
            for (Map.Entry<Integer, List<String>> e : in.list(() -> Map.entry(in.u16(), in.strs()))) {
                parts.badPortAdditions.put(e.getKey(), new ArrayList<>(e.getValue()));
            }
            parts.events.addAll(in.list(() -> new HistoryEvent(in.str(), in.str(), in.strs())));
            parts.related.addAll(in.list(() -> new RelatedPorts(in.ints(), in.str(), in.strs())));
            parts.ranges.addAll(in.list(() -> new RangeFacts(in.str(), in.u16(),
                    in.u16(), in.strs(), in.strs())));
            parts.deassignments.addAll(in.list(() -> new Deassignment(in.ints(), in.str(), in.str(), in.strs())));
            parts.deassignmentCites.addAll(in.strs());
            if (in.d.hasRemaining()) {
                throw new CorruptKnowledgeException("compiled knowledge has " + in.d.remaining() + " bytes too many");
            }
            return parts;
        } catch (RuntimeException e) {
            throw new CorruptKnowledgeException("compiled knowledge is damaged: " + e);
        }
    }

    private interface Reader<T> {
        T read();
    }

    private static final class In {
        final java.nio.ByteBuffer d;
        String[] strings = new String[0];

        In(java.nio.ByteBuffer d) {
            this.d = d;
        }

        String str() {
            return strings[d.getInt()];
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

        <T> List<T> list(Reader<T> r) {
            int n = count();
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(r.read());
            }
            return out;
        }

        Program program() {
            String id = str();
            String name = str();
            List<String> aliases = strs();
            String field = str();
            List<ProgramPort> ports = list(() -> new ProgramPort(new PortRange(u16(), u16()), transports(), str(), str(),
                    str(), str(), usage(), strs()));
            return new Program(id, name, aliases, field, ports);
        }
    }
}
