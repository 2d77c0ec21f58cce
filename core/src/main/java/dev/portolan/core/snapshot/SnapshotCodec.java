package dev.portolan.core.snapshot;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.Person;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * The compact binary form of a snapshot, loaded at every start instead of parsing XML.
 *
 * <p>Layout: the magic {@code PRTLSNAP}, a format version, a table of distinct strings (each
 * stored once; records refer to them by index), the source information, people, footnotes and
 * records as variable-length integers, and a CRC-32 of everything before it. A file with another
 * magic, version or checksum is refused as a whole, never read in part.
 */
public final class SnapshotCodec {
    static final byte[] MAGIC = "PRTLSNAP".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    private SnapshotCodec() {}

    /** Thrown when bytes are not a snapshot this version of Portolan can read. */
    public static final class CorruptSnapshotException extends Exception {
        CorruptSnapshotException(String message) {
            super(message);
        }

        CorruptSnapshotException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static byte[] encode(RegistrySnapshot snapshot) {
        Encoder e = new Encoder();
        return e.encode(snapshot);
    }

    public static RegistrySnapshot decode(byte[] bytes) throws CorruptSnapshotException {
        if (bytes.length < MAGIC.length + 8 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptSnapshotException("not a Portolan snapshot (bad magic)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ((bytes[bytes.length - 4] & 0xff) << 24) | ((bytes[bytes.length - 3] & 0xff) << 16)
                | ((bytes[bytes.length - 2] & 0xff) << 8) | (bytes[bytes.length - 1] & 0xff);
        if ((int) crc.getValue() != stored) {
            throw new CorruptSnapshotException("snapshot checksum mismatch (file damaged or cut short)");
        }
        try {
            return new Decoder(bytes, MAGIC.length, bytes.length - 4).decode();
        } catch (RuntimeException ex) {
            throw new CorruptSnapshotException("snapshot cannot be decoded: " + ex, ex);
        }
    }

    private static final class Encoder {
        private final Map<String, Integer> strings = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);

        byte[] encode(RegistrySnapshot s) {
            SnapshotInfo info = s.info();
            body.write(info.source().ordinal());
            str(info.label());
            varint(info.updated() == null ? 0 : info.updated().toEpochDay() + 1);
            varlong(info.importedAt() == null ? 0 : info.importedAt().toEpochMilli() + 1);
            List<Person> people = new ArrayList<>(s.people().values());
            people.sort((a, b) -> a.id().compareTo(b.id()));
            varint(people.size());
            for (Person p : people) {
                str(p.id());
                str(p.name());
                body.write(p.organisation() ? 1 : 0);
                optStr(p.uri());
                varint(p.updated() == null ? 0 : p.updated().toEpochDay() + 1);
            }
            List<String> anchors = new ArrayList<>(s.footnotes().keySet());
            anchors.sort(null);
            varint(anchors.size());
            for (String a : anchors) {
                str(a);
                str(s.footnotes().get(a));
            }
            varint(s.assignments().size());
            for (Assignment a : s.assignments()) {
                assignment(a);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + strings.size() * 16 + 64);
            out.writeBytes(MAGIC);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            writeVarint(head, VERSION);
            writeVarint(head, strings.size());
            for (String str : strings.keySet()) {
                byte[] b = str.getBytes(StandardCharsets.UTF_8);
                writeVarint(head, b.length);
                head.writeBytes(b);
            }
            out.writeBytes(head.toByteArray());
            out.writeBytes(body.toByteArray());
            CRC32 crc = new CRC32();
            byte[] all = out.toByteArray();
            crc.update(all);
            int c = (int) crc.getValue();
            out.write(c >>> 24);
            out.write(c >>> 16);
            out.write(c >>> 8);
            out.write(c);
            return out.toByteArray();
        }

        private void assignment(Assignment a) {
            int flags = (a.service() != null ? 1 : 0) | (a.ports() != null ? 2 : 0)
                    | (a.transport() != null ? 4 : 0) | (a.origin() == Assignment.Origin.IMPLIED ? 8 : 0);
            body.write(flags);
            if (a.service() != null) {
                str(a.service());
            }
            if (a.ports() != null) {
                varint(a.ports().first());
                varint(a.ports().last() - a.ports().first());
            }
            if (a.transport() != null) {
                body.write(a.transport().ordinal());
            }
            str(a.description());
            body.write(a.status().ordinal());
            strs(a.aliases());
            strs(a.assignees());
            strs(a.contacts());
            date(a.registered());
            date(a.modified());
            varint(a.references().size());
            for (Reference r : a.references()) {
                body.write(r.kind().ordinal());
                str(r.value());
            }
            strs(a.notes());
            strs(a.unauthorized());
            strs(a.serviceCodes());
        }

        private void date(@Nullable RegistryDate d) {
            varint(d == null ? 0 : d.year() * 10_000 + d.month() * 100 + d.day());
        }

        private void strs(List<String> list) {
            varint(list.size());
            for (String s : list) {
                str(s);
            }
        }

        private void optStr(@Nullable String s) {
            if (s == null) {
                varint(0);
            } else {
                varint(index(s) + 1);
            }
        }

        private void str(String s) {
            varint(index(s));
        }

        private int index(String s) {
            return strings.computeIfAbsent(s, k -> strings.size());
        }

        private void varint(long v) {
            writeVarint(body, v);
        }

        private void varlong(long v) {
            writeVarint(body, v);
        }

        private static void writeVarint(ByteArrayOutputStream out, long v) {
            long x = v;
            while ((x & ~0x7FL) != 0) {
                out.write((int) ((x & 0x7F) | 0x80));
                x >>>= 7;
            }
            out.write((int) x);
        }
    }

    private static final class Decoder {
        private static final Transport[] TRANSPORTS = Transport.values();
        private static final AssignmentStatus[] STATUSES = AssignmentStatus.values();
        private static final Reference.Kind[] KINDS = Reference.Kind.values();
        private static final SnapshotInfo.Source[] SOURCES = SnapshotInfo.Source.values();

        private final byte[] b;
        private int pos;
        private final int end;
        private String[] strings = new String[0];

        Decoder(byte[] bytes, int start, int end) {
            this.b = bytes;
            this.pos = start;
            this.end = end;
        }

        RegistrySnapshot decode() throws CorruptSnapshotException {
            int version = (int) varint();
            if (version != VERSION) {
                throw new CorruptSnapshotException("snapshot format version " + version
                        + " is not readable by this Portolan (reads version " + VERSION + ")");
            }
            int n = count();
            strings = new String[n];
            for (int i = 0; i < n; i++) {
                int len = count();
                check(len);
                strings[i] = new String(b, pos, len, StandardCharsets.UTF_8);
                pos += len;
            }
            SnapshotInfo.Source source = SOURCES[u8()];
            String label = str();
            long upd = varint();
            long imp = varint();
            SnapshotInfo info = new SnapshotInfo(source, label, upd == 0 ? null : LocalDate.ofEpochDay(upd - 1),
                    imp == 0 ? null : Instant.ofEpochMilli(imp - 1));
            int np = count();
            Map<String, Person> people = new HashMap<>(np * 2);
            for (int i = 0; i < np; i++) {
                String id = str();
                String name = str();
                boolean org = u8() == 1;
                long uri = varint();
                long pu = varint();
                people.put(id, new Person(id, name, org, uri == 0 ? null : strings[(int) uri - 1],
                        pu == 0 ? null : LocalDate.ofEpochDay(pu - 1)));
            }
            int nf = count();
            Map<String, String> footnotes = new HashMap<>();
            for (int i = 0; i < nf; i++) {
                footnotes.put(str(), str());
            }
            int na = count();
            List<Assignment> assignments = new ArrayList<>(na);
            for (int i = 0; i < na; i++) {
                assignments.add(assignment());
            }
            if (pos != end) {
                throw new CorruptSnapshotException("snapshot has " + (end - pos) + " unexpected trailing bytes");
            }
            return new RegistrySnapshot(info, assignments, people, footnotes);
        }

        private Assignment assignment() {
            int flags = u8();
            String service = (flags & 1) != 0 ? str() : null;
            PortRange ports = null;
            if ((flags & 2) != 0) {
                int first = count();
                ports = new PortRange(first, first + count());
            }
            Transport transport = (flags & 4) != 0 ? TRANSPORTS[u8()] : null;
            String description = str();
            AssignmentStatus status = STATUSES[u8()];
            List<String> aliases = strs();
            List<String> assignees = strs();
            List<String> contacts = strs();
            RegistryDate registered = date();
            RegistryDate modified = date();
            int nr = count();
            List<Reference> refs = nr == 0 ? List.of() : new ArrayList<>(nr);
            for (int i = 0; i < nr; i++) {
                Reference.Kind kind = KINDS[u8()];
                refs.add(new Reference(kind, str()));
            }
            List<String> notes = strs();
            List<String> unauthorized = strs();
            List<String> codes = strs();
            return new Assignment(service, aliases, ports, transport, description, status, assignees, contacts,
                    registered, modified, refs, notes, unauthorized, codes,
                    (flags & 8) != 0 ? Assignment.Origin.IMPLIED : Assignment.Origin.LISTED);
        }

        private @Nullable RegistryDate date() {
            int v = count();
            return v == 0 ? null : new RegistryDate(v / 10_000, v / 100 % 100, v % 100);
        }

        private List<String> strs() {
            int n = count();
            if (n == 0) {
                return List.of();
            }
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = str();
            }
            return Arrays.asList(out);
        }

        private String str() {
            return strings[count()];
        }

        private int u8() {
            check(1);
            return b[pos++] & 0xff;
        }

        private int count() {
            long v = varint();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new IllegalStateException("count out of range: " + v);
            }
            return (int) v;
        }

        private long varint() {
            long result = 0;
            int shift = 0;
            while (true) {
                check(1);
                byte x = b[pos++];
                result |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return result;
                }
                shift += 7;
                if (shift > 63) {
                    throw new IllegalStateException("varint too long");
                }
            }
        }

        private void check(int n) {
            if (n < 0 || pos + n > end) {
                throw new IllegalStateException("snapshot cut short at byte " + pos);
            }
        }
    }
}
