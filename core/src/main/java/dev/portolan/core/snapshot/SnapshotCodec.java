package dev.portolan.core.snapshot;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.Person;
import dev.portolan.core.PortRange;
import dev.portolan.core.RecordTable;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
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
 * <p>Layout (big-endian): the magic {@code PRTLSNAP} and a format version byte; a string table
 * (count, offsets, UTF-8 bytes; every distinct string once); the source information; footnotes;
 * the people list, sorted by identifier (one person is found by a binary search); the records as
 * fixed-width port columns (first port, last port, transport),
 * an offset per record, and each record's fields as variable-length integers; and a CRC-32 of
 * everything before it. Loading checks the checksum and the structure of the sections, then builds
 * strings, people and records only when they are asked for, so a lookup decodes a handful of
 * records; a record's column entry is checked when it is read (only bytes made to pass the
 * checksum can fail that check, with an unchecked exception).
 * A file with another magic, version or checksum is refused as a whole, never read in part.
 */
public final class SnapshotCodec {
    static final byte[] MAGIC = "PRTLSNAP".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    private static final int NO_TRANSPORT = 0xFF;
    private static final int COLUMN_BYTES = 6;

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

    /** The binary form of {@code snapshot}; equal snapshots give identical bytes. */
    public static byte[] encode(RegistrySnapshot snapshot) {
        return new Encoder().encode(snapshot);
    }

    /**
     * Reads a snapshot from its binary form. The checksum and the sections' bounds are verified
     * here; strings and records are checked and built on first use.
     *
     * @throws CorruptSnapshotException if the bytes are damaged, cut short, or of another format
     */
    public static RegistrySnapshot decode(byte[] bytes) throws CorruptSnapshotException {
        if (bytes.length < MAGIC.length + 5 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptSnapshotException("not a Portolan snapshot (bad magic)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new CorruptSnapshotException("snapshot checksum mismatch (file damaged or cut short)");
        }
        int version = bytes[MAGIC.length] & 0xFF;
        if (version != VERSION) {
            throw new CorruptSnapshotException("snapshot format version " + version
                    + " is not readable by this Portolan (reads version " + VERSION + "); import the registry again");
        }
        try {
            return new Loaded(bytes).snapshot();
        } catch (RuntimeException ex) {
            throw new CorruptSnapshotException("snapshot structure is damaged: " + ex.getMessage(), ex);
        }
    }

    private static final class Encoder {
        private final Map<String, Integer> strings = new LinkedHashMap<>();

        byte[] encode(RegistrySnapshot s) {
            SnapshotInfo info = s.info();
            int labelIndex = index(info.label());

            List<String> anchors = new ArrayList<>(s.footnotes().keySet());
            anchors.sort(null);
            int[] footnoteIndexes = new int[anchors.size() * 2];
            for (int i = 0; i < anchors.size(); i++) {
                footnoteIndexes[2 * i] = index(anchors.get(i));
                footnoteIndexes[2 * i + 1] = index(s.footnotes().get(anchors.get(i)));
            }

            List<Person> people = new ArrayList<>(s.people().values());
            people.sort((a, b) -> a.id().compareTo(b.id()));
            ByteArrayOutputStream peopleBytes = new ByteArrayOutputStream();
            for (Person p : people) {
                varint(peopleBytes, index(p.id()));
                varint(peopleBytes, index(p.name()));
                peopleBytes.write(p.organisation() ? 1 : 0);
                varint(peopleBytes, p.uri() == null ? 0 : index(p.uri()) + 1L);
                varint(peopleBytes, p.updated() == null ? 0 : p.updated().toEpochDay() + 1);
            }

            List<Assignment> records = s.assignments();
            int n = records.size();
            ByteArrayOutputStream columns = new ByteArrayOutputStream(n * COLUMN_BYTES);
            ByteArrayOutputStream payload = new ByteArrayOutputStream(n * 24);
            int[] offsets = new int[n];
            for (int i = 0; i < n; i++) {
                Assignment a = records.get(i);
                PortRange r = a.ports();
                int first = r == null ? 0 : r.first();
                int last = r == null ? 0 : r.last();
                columns.write(first >>> 8);
                columns.write(first);
                columns.write(last >>> 8);
                columns.write(last);
                columns.write(a.transport() == null ? NO_TRANSPORT : a.transport().ordinal());
                columns.write(r == null ? 0 : 1);
                offsets[i] = payload.size();
                record(payload, a);
            }

            List<byte[]> utf8 = new ArrayList<>(strings.size());
            int blobSize = 0;
            for (String str : strings.keySet()) {
                byte[] b = str.getBytes(StandardCharsets.UTF_8);
                utf8.add(b);
                blobSize += b.length;
            }
            int size = MAGIC.length + 1 + 4 + 4 * (utf8.size() + 1) + blobSize + 1 + 4 + 8 + 8 + 4
                    + 8 * anchors.size() + 8 + peopleBytes.size() + 4 + n * (COLUMN_BYTES + 4) + 4
                    + payload.size() + 4;
            ByteBuffer out = ByteBuffer.allocate(size);
            out.put(MAGIC).put((byte) VERSION);
            out.putInt(utf8.size());
            int offset = 0;
            for (byte[] b : utf8) {
                out.putInt(offset);
                offset += b.length;
            }
            out.putInt(offset);
            for (byte[] b : utf8) {
                out.put(b);
            }
            out.put((byte) info.source().ordinal());
            out.putInt(labelIndex);
            out.putLong(info.updated() == null ? 0 : info.updated().toEpochDay() + 1);
            out.putLong(info.importedAt() == null ? 0 : info.importedAt().toEpochMilli() + 1);
            out.putInt(anchors.size());
            for (int idx : footnoteIndexes) {
                out.putInt(idx);
            }
            out.putInt(people.size());
            out.putInt(peopleBytes.size());
            out.put(peopleBytes.toByteArray());
            out.putInt(n);
            out.put(columns.toByteArray());
            for (int o : offsets) {
                out.putInt(o);
            }
            out.putInt(payload.size());
            out.put(payload.toByteArray());
            CRC32 crc = new CRC32();
            crc.update(out.array(), 0, out.position());
            out.putInt((int) crc.getValue());
            if (out.hasRemaining()) {
                throw new IllegalStateException("snapshot size miscounted by " + out.remaining() + " bytes");
            }
            return out.array();
        }

        private void record(ByteArrayOutputStream out, Assignment a) {
            int flags = (a.service() != null ? 1 : 0) | (a.origin() == Assignment.Origin.IMPLIED ? 2 : 0);
            out.write(flags);
            if (a.service() != null) {
                varint(out, index(a.service()));
            }
            varint(out, index(a.description()));
            out.write(a.status().ordinal());
            strings(out, a.aliases());
            strings(out, a.assignees());
            strings(out, a.contacts());
            date(out, a.registered());
            date(out, a.modified());
            varint(out, a.references().size());
            for (Reference r : a.references()) {
                out.write(r.kind().ordinal());
                varint(out, index(r.value()));
            }
            strings(out, a.notes());
            strings(out, a.unauthorized());
            strings(out, a.serviceCodes());
        }

        private static void date(ByteArrayOutputStream out, @Nullable RegistryDate d) {
            varint(out, d == null ? 0 : d.year() * 10_000L + d.month() * 100L + d.day());
        }

        private void strings(ByteArrayOutputStream out, List<String> list) {
            varint(out, list.size());
            for (String s : list) {
                varint(out, index(s));
            }
        }

        private int index(String s) {
            return strings.computeIfAbsent(s, k -> strings.size());
        }

        private static void varint(ByteArrayOutputStream out, long v) {
            long x = v;
            while ((x & ~0x7FL) != 0) {
                out.write((int) ((x & 0x7F) | 0x80));
                x >>>= 7;
            }
            out.write((int) x);
        }
    }

    /** A verified binary snapshot whose strings, people and records are built on first use. */
    private static final class Loaded implements RecordTable {
        private static final Transport[] TRANSPORTS = Transport.values();
        private static final AssignmentStatus[] STATUSES = AssignmentStatus.values();
        private static final Reference.Kind[] KINDS = Reference.Kind.values();
        private static final SnapshotInfo.Source[] SOURCES = SnapshotInfo.Source.values();

        private final byte[] b;
        private final int stringCount;
        private final int stringOffsets;
        private final int blob;
        private final String[] strings;
        private final int blobSize;
        private final int peopleCount;
        private final int peopleStart;
        private final int peopleEnd;
        private final int recordCount;
        private final int columns;
        private final int recordOffsets;
        private final int payload;
        private final int payloadEnd;
        private final Assignment[] built;
        private final SnapshotInfo info;
        private final Map<String, String> footnotes;

        Loaded(byte[] bytes) {
            this.b = bytes;
            int end = bytes.length - 4;
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, end);
            in.position(MAGIC.length + 1);
            stringCount = count(in.getInt(), (end - in.position()) / 4);
            stringOffsets = in.position();
            skip(in, 4L * (stringCount + 1));
            blob = in.position();
            int blobSize = in.getInt(stringOffsets + 4 * stringCount);
            skip(in, blobSize);
            this.blobSize = blobSize;
            // a string's offsets are checked when it is read: a loop over all of them here cost
            // every command line a few milliseconds
            strings = new String[stringCount];
            int source = in.get() & 0xFF;
            if (source >= SOURCES.length) {
                throw new IllegalStateException("unknown source " + source);
            }
            String label = str(in.getInt());
            long updated = in.getLong();
            long imported = in.getLong();
            info = new SnapshotInfo(SOURCES[source], label, updated == 0 ? null : LocalDate.ofEpochDay(updated - 1),
                    imported == 0 ? null : Instant.ofEpochMilli(imported - 1));
            int footnoteCount = count(in.getInt(), (end - in.position()) / 8);
            Map<String, String> notes = new HashMap<>();
            for (int i = 0; i < footnoteCount; i++) {
                notes.put(str(in.getInt()), str(in.getInt()));
            }
            footnotes = notes;
            peopleCount = count(in.getInt(), end);
            int peopleSize = count(in.getInt(), end);
            if (peopleCount > peopleSize) {
                throw new IllegalStateException("people count " + peopleCount + " exceeds its " + peopleSize + " bytes");
            }
            peopleStart = in.position();
            skip(in, peopleSize);
            peopleEnd = in.position();
            recordCount = count(in.getInt(), (end - in.position()) / (COLUMN_BYTES + 4));
            columns = in.position();
            skip(in, (long) recordCount * COLUMN_BYTES);
            recordOffsets = in.position();
            skip(in, 4L * recordCount);
            int payloadSize = count(in.getInt(), end);
            payload = in.position();
            skip(in, payloadSize);
            payloadEnd = in.position();
            if (payloadEnd != end) {
                throw new IllegalStateException((end - payloadEnd) + " unexpected trailing bytes");
            }
            // A record's column entry and offset are checked when it is read (firstPort, transport,
            // get): a loop over all of them here cost every command line several milliseconds.
            built = new Assignment[recordCount];
        }

        RegistrySnapshot snapshot() {
            return RegistrySnapshot.lazy(info, this, new PeopleLoader(), new PersonFinder(), footnotes);
        }

        private static int count(int v, int limit) {
            if (v < 0 || v > limit) {
                throw new IllegalStateException("count " + v + " out of range");
            }
            return v;
        }

        private static void skip(ByteBuffer in, long n) {
            if (n < 0 || n > in.remaining()) {
                throw new IllegalStateException("cut short at byte " + in.position());
            }
            in.position(in.position() + (int) n);
        }

        private String str(int index) {
            if (index < 0 || index >= stringCount) {
                throw new IllegalStateException("string index " + index + " out of range");
            }
            String s = strings[index];
            if (s == null) {
                int from = readInt(stringOffsets + 4 * index);
                int to = readInt(stringOffsets + 4 * index + 4);
                if (from < 0 || to < from || to > blobSize) {
                    throw new IllegalStateException("string table offsets out of order");
                }
                s = new String(b, blob + from, to - from, StandardCharsets.UTF_8);
                strings[index] = s;
            }
            return s;
        }

        private int readInt(int at) {
            return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
        }

        @Override
        public int size() {
            return recordCount;
        }

        @Override
        public int firstPort(int index) {
            int at = columns + index * COLUMN_BYTES;
            if (b[at + 5] == 0) {
                return -1;
            }
            int first = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
            if (first > (((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF))) {
                throw new IllegalStateException("record " + index + " has a damaged column entry");
            }
            return first;
        }

        @Override
        public int lastPort(int index) {
            int at = columns + index * COLUMN_BYTES;
            return b[at + 5] == 0 ? -1 : ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
        }

        @Override
        public @Nullable Transport transport(int index) {
            int t = b[columns + index * COLUMN_BYTES + 4] & 0xFF;
            if (t >= TRANSPORTS.length && t != NO_TRANSPORT) {
                throw new IllegalStateException("record " + index + " has a damaged column entry");
            }
            return t == NO_TRANSPORT ? null : TRANSPORTS[t];
        }

        @Override
        public Assignment get(int index) {
            Assignment a = built[index];
            if (a == null) {
                // Assignments are immutable with final fields, so a racing duplicate build is harmless.
                a = decodeRecord(index);
                built[index] = a;
            }
            return a;
        }

        @Override
        public List<String> names(int index) {
            Assignment a = built[index];
            if (a != null) {
                return RecordTable.super.names(index);
            }
            // the fields up to the aliases, without building the record: flags, service,
            // description, status, aliases
            Cursor c = record(index);
            int flags = c.u8();
            String service = (flags & 1) != 0 ? str(c.index()) : null;
            c.index();
            c.u8();
            int n = c.count();
            if (service == null && n == 0) {
                return List.of();
            }
            String[] out = new String[(service == null ? 0 : 1) + n];
            int at = 0;
            if (service != null) {
                out[at++] = service;
            }
            for (int i = 0; i < n; i++) {
                out[at++] = str(c.index());
            }
            return Arrays.asList(out);
        }

        @Override
        public List<Integer> named(String lowerCaseName) {
            byte[] target = lowerCaseName.getBytes(StandardCharsets.UTF_8);
            List<Integer> out = new ArrayList<>(2);
            for (int i = 0; i < recordCount; i++) {
                if (built[i] != null) {
                    for (String n : RecordTable.super.names(i)) {
                        if (n.toLowerCase(java.util.Locale.ROOT).equals(lowerCaseName)) {
                            out.add(i);
                        }
                    }
                    continue;
                }
                // the fields up to the aliases, as names() reads them
                Cursor c = record(i);
                int flags = c.u8();
                if ((flags & 1) != 0 && isName(c.index(), target, lowerCaseName)) {
                    out.add(i);
                }
                c.index();
                c.u8();
                for (int k = 0, n = c.count(); k < n; k++) {
                    if (isName(c.index(), target, lowerCaseName)) {
                        out.add(i);
                    }
                }
            }
            return out;
        }

        /** Whether the string at a position of the table, lower-cased, is the name (its UTF-8 bytes given). */
        private boolean isName(int index, byte[] target, String lowerCaseName) {
            if (index < 0 || index >= stringCount) {
                throw new IllegalStateException("string index " + index + " out of range");
            }
            String known = strings[index];
            if (known != null) {
                return known.toLowerCase(java.util.Locale.ROOT).equals(lowerCaseName);
            }
            int from = readInt(stringOffsets + 4 * index);
            int to = readInt(stringOffsets + 4 * index + 4);
            if (from < 0 || to < from || to > blobSize) {
                throw new IllegalStateException("string table offsets out of order");
            }
            if (to - from != target.length) {
                // an ASCII name keeps its length in lower case; any other is compared as a string
                return !ascii(from, to) && str(index).toLowerCase(java.util.Locale.ROOT).equals(lowerCaseName);
            }
            for (int k = 0; k < target.length; k++) {
                int c = b[blob + from + k];
                if (c < 0) {
                    return str(index).toLowerCase(java.util.Locale.ROOT).equals(lowerCaseName);
                }
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                }
                if (c != target[k]) {
                    return false;
                }
            }
            return true;
        }

        private boolean ascii(int from, int to) {
            for (int k = from; k < to; k++) {
                if (b[blob + k] < 0) {
                    return false;
                }
            }
            return true;
        }

        private Cursor record(int index) {
            int offset = readInt(recordOffsets + 4 * index);
            if (offset < 0 || offset >= payloadEnd - payload) {
                throw new IllegalStateException("record " + index + " has a damaged column entry");
            }
            return new Cursor(payload + offset, payloadEnd);
        }

        private Assignment decodeRecord(int index) {
            Cursor c = record(index);
            int flags = c.u8();
            String service = (flags & 1) != 0 ? str(c.index()) : null;
            String description = str(c.index());
            AssignmentStatus status = STATUSES[c.u8()];
            List<String> aliases = strings(c);
            List<String> assignees = strings(c);
            List<String> contacts = strings(c);
            RegistryDate registered = date(c);
            RegistryDate modified = date(c);
            int nr = c.count();
            List<Reference> refs = new ArrayList<>(nr);
            for (int i = 0; i < nr; i++) {
                Reference.Kind kind = KINDS[c.u8()];
                refs.add(new Reference(kind, str(c.index())));
            }
            List<String> notes = strings(c);
            List<String> unauthorized = strings(c);
            List<String> codes = strings(c);
            int first = firstPort(index);
            PortRange ports = first < 0 ? null : new PortRange(first, lastPort(index));
            return new Assignment(service, aliases, ports, transport(index), description, status, assignees,
                    contacts, registered, modified, refs, notes, unauthorized, codes,
                    (flags & 2) != 0 ? Assignment.Origin.IMPLIED : Assignment.Origin.LISTED);
        }

        private List<String> strings(Cursor c) {
            int n = c.count();
            if (n == 0) {
                return List.of();
            }
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = str(c.index());
            }
            return Arrays.asList(out);
        }

        private static @Nullable RegistryDate date(Cursor c) {
            long v = c.varint();
            return v == 0 ? null : new RegistryDate((int) (v / 10_000), (int) (v / 100 % 100), (int) (v % 100));
        }

        /** Builds the people list on first use (a class, not a lambda, to keep start-up lean). */
        private final class PeopleLoader implements java.util.function.Supplier<Map<String, Person>> {
            @Override
            public Map<String, Person> get() {
                return people();
            }
        }

        /**
         * Finds one person by identifier without building the list: the people are stored sorted by
         * identifier, so a binary search over their offsets (found by skipping, once) decodes a
         * dozen identifiers instead of every entry.
         */
        private final class PersonFinder implements java.util.function.Function<String, @Nullable Person> {
            private int @Nullable [] offsets;

            @Override
            public @Nullable Person apply(String id) {
                int[] at = offsets();
                int lo = 0;
                int hi = peopleCount - 1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    Cursor c = new Cursor(at[mid], peopleEnd);
                    int cmp = str(c.index()).compareTo(id);
                    if (cmp == 0) {
                        return person(c, id);
                    } else if (cmp < 0) {
                        lo = mid + 1;
                    } else {
                        hi = mid - 1;
                    }
                }
                return null;
            }

            private int[] offsets() {
                int[] at = offsets;
                if (at == null) {
                    at = new int[peopleCount];
                    Cursor c = new Cursor(peopleStart, peopleEnd);
                    for (int i = 0; i < peopleCount; i++) {
                        at[i] = c.pos;
                        c.varint();
                        c.varint();
                        c.u8();
                        c.varint();
                        c.varint();
                    }
                    offsets = at;
                }
                return at;
            }
        }

        /** The rest of a person's entry, after its identifier. */
        private Person person(Cursor c, String id) {
            String name = str(c.index());
            boolean org = c.u8() == 1;
            int uri = c.index();
            long updated = c.varint();
            return new Person(id, name, org, uri == 0 ? null : str(uri - 1),
                    updated == 0 ? null : LocalDate.ofEpochDay(updated - 1));
        }

        private Map<String, Person> people() {
            Map<String, Person> out = new HashMap<>(peopleCount * 2);
            Cursor c = new Cursor(peopleStart, peopleEnd);
            for (int i = 0; i < peopleCount; i++) {
                String id = str(c.index());
                out.put(id, person(c, id));
            }
            return out;
        }

        /** Reads variable-length integers within one section. */
        private final class Cursor {
            private int pos;
            private final int end;

            Cursor(int pos, int end) {
                this.pos = pos;
                this.end = end;
            }

            int u8() {
                if (pos >= end) {
                    throw new IllegalStateException("record cut short");
                }
                return b[pos++] & 0xFF;
            }

            /** A count of following items: each takes at least one byte, so it cannot exceed those left. */
            int count() {
                int n = index();
                if (n > end - pos) {
                    throw new IllegalStateException("count " + n + " exceeds the " + (end - pos) + " bytes left");
                }
                return n;
            }

            int index() {
                long v = varint();
                if (v > Integer.MAX_VALUE) {
                    throw new IllegalStateException("index out of range");
                }
                return (int) v;
            }

            long varint() {
                long result = 0;
                for (int shift = 0; shift < 64; shift += 7) {
                    int x = u8();
                    result |= (long) (x & 0x7F) << shift;
                    if ((x & 0x80) == 0) {
                        return result;
                    }
                }
                throw new IllegalStateException("varint too long");
            }
        }
    }
}
