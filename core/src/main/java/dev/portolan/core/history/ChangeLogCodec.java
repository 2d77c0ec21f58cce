package dev.portolan.core.history;

import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.Transport;
import dev.portolan.core.history.CanonicalRecord.Field;
import dev.portolan.core.history.RegistryDiff.Change;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * The compact binary form of a change log.
 *
 * <p>Layout: the magic {@code PRTLHIST}, a format version byte, the length of the body as a
 * big-endian 32-bit integer, the body compressed with deflate (zlib format), and a CRC-32 of everything before
 * it (big-endian), as {@code SnapshotCodec} ends its snapshots. The body is a sequence of
 * unsigned variable-length integers (seven bits a byte, low bits first):
 *
 * <ol>
 *   <li>the string table: a count, then each string as a byte count and UTF-8 bytes; every
 *       distinct string once, in order of first use, and referred to by its index after;
 *   <li>the release dates: a count, the first date as days since 1970-01-01, then each later
 *       date as the days since the one before (at least one);
 *   <li>the first release: a count of records, then each record;
 *   <li>for each later release, the diff from the one before: the removed records as positions
 *       in the previous release's records in canonical order (a count, then ascending positions,
 *       each as the distance from the one before), the changed records (a count, then for each
 *       its position coded the same way, a bit set of the fields that differ in {@link Field}
 *       order, and their new values), and the added records (a count, then each record).
 * </ol>
 *
 * <p>A record is a bit set of the fields that are not empty (no name, no port, no transport, an
 * empty text or list, assigned, no date), then their values in {@link Field} order: a name, a
 * description, a text as its string index (plus one where there may be none); a port range as
 * first port plus one (zero for none) and the count of ports after it; a transport or a status
 * as its ordinal (plus one for a transport, zero for none); a date as YYYYMMDD with zeros for a
 * missing month or day (zero for none); a list as a count and its items; a reference as the
 * ordinal of its kind and its value.
 *
 * <p>Decoding checks the magic, the checksum and the version before anything else, then the
 * structure as it reads; input that fails any check is refused as a whole.
 */
final class ChangeLogCodec {
    static final byte[] MAGIC = "PRTLHIST".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** The largest body a change log may declare: 64 MiB, some fifty times that of 2017 to 2025. */
    static final int MAX_BODY_BYTES = 64 << 20;
    private static final int HEADER_BYTES = MAGIC.length + 1 + 4;
    private static final Field[] FIELDS = Field.values();
    private static final Transport[] TRANSPORTS = Transport.values();
    private static final AssignmentStatus[] STATUSES = AssignmentStatus.values();
    private static final Reference.Kind[] KINDS = Reference.Kind.values();

    private ChangeLogCodec() {}

    static byte[] encode(ChangeLog log) {
        byte[] body = new Encoder().body(log);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(body);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        out.writeBytes(MAGIC);
        out.write(VERSION);
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        deflater.end();
        CRC32 crc = new CRC32();
        byte[] bytes = out.toByteArray();
        crc.update(bytes);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    static ChangeLog decode(byte[] bytes) throws HistoryException {
        if (bytes.length < HEADER_BYTES + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new HistoryException("not a Portolan change log (bad magic)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
            throw new HistoryException("change log checksum mismatch (damaged or cut short)");
        }
        int version = bytes[MAGIC.length] & 0xFF;
        if (version != VERSION) {
            throw new HistoryException("change log format version " + version + " is not readable by this Portolan "
                    + "(reads version " + VERSION + "); build the change log again from the registry files");
        }
        int length = ByteBuffer.wrap(bytes, MAGIC.length + 1, 4).getInt();
        try {
            if (length < 0 || length > MAX_BODY_BYTES) {
                throw new IllegalStateException("body length " + Integer.toUnsignedString(length)
                        + " is past the limit of " + MAX_BODY_BYTES + " bytes");
            }
            return new Decoder(inflate(bytes, length)).changeLog();
        } catch (RuntimeException e) {
            throw new HistoryException("change log structure is damaged: " + e.getMessage(), e);
        }
    }

    private static byte[] inflate(byte[] bytes, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES - 4);
            byte[] body = new byte[length];
            int n = 0;
            while (n < length) {
                int got = inflater.inflate(body, n, length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("compressed body ends after " + n + " of its " + length + " bytes");
                }
                n += got;
            }
            if (!inflater.finished() && (inflater.inflate(new byte[1]) > 0 || !inflater.finished())) {
                throw new IllegalStateException("compressed body is longer than its declared " + length + " bytes");
            }
            if (inflater.getRemaining() > 0) {
                throw new IllegalStateException(inflater.getRemaining()
                        + " unexpected bytes after the compressed body");
            }
            return body;
        } catch (DataFormatException e) {
            throw new IllegalStateException("compressed body is not valid deflate data (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    private static final class Encoder {
        private final Map<String, Integer> strings = new LinkedHashMap<>();
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 20);

        byte[] body(ChangeLog log) {
            List<LocalDate> releases = log.releases();
            varint(payload, releases.size());
            long previous = 0;
            for (int i = 0; i < releases.size(); i++) {
                long day = releases.get(i).toEpochDay();
                varint(payload, i == 0 ? day : day - previous);
                previous = day;
            }
            List<CanonicalRecord> records = log.firstRecords();
            varint(payload, records.size());
            for (CanonicalRecord r : records) {
                record(r);
            }
            for (RegistryDiff d : log.diffs()) {
                diff(records, d);
                records = Releases.apply(records, d.changes());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(payload.size() + strings.size() * 24);
            varint(body, strings.size());
            for (String s : strings.keySet()) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                varint(body, b.length);
                body.writeBytes(b);
            }
            body.write(payload.toByteArray(), 0, payload.size());
            return body.toByteArray();
        }

        private void diff(List<CanonicalRecord> previous, RegistryDiff d) {
            Positions positions = new Positions(previous);
            List<Integer> removed = new ArrayList<>();
            Map<Integer, Change> changed = new HashMap<>();
            List<CanonicalRecord> added = new ArrayList<>();
            for (Change c : d.changes()) {
                switch (c.kind()) {
                    case REMOVED -> removed.add(positions.take(c.before()));
                    case CHANGED -> changed.put(positions.take(c.before()), c);
                    case ADDED -> added.add(c.after());
                }
            }
            removed.sort(null);
            positions(removed);
            List<Integer> changedAt = new ArrayList<>(changed.keySet());
            changedAt.sort(null);
            varint(payload, changedAt.size());
            int last = 0;
            for (int at : changedAt) {
                varint(payload, at - last);
                last = at;
                Change c = changed.get(at);
                long mask = 0;
                for (Field f : c.fields()) {
                    mask |= 1L << f.ordinal();
                }
                if (!Objects.equals(c.before().service(), c.after().service())) {
                    // a change of letter case alone is no change, but the new spelling is kept
                    mask |= 1L << Field.SERVICE.ordinal();
                }
                varint(payload, mask);
                for (Field f : FIELDS) {
                    if ((mask & (1L << f.ordinal())) != 0) {
                        value(f, c.after());
                    }
                }
            }
            varint(payload, added.size());
            for (CanonicalRecord r : added) {
                record(r);
            }
        }

        private void positions(List<Integer> ascending) {
            varint(payload, ascending.size());
            int last = 0;
            for (int at : ascending) {
                varint(payload, at - last);
                last = at;
            }
        }

        private void record(CanonicalRecord r) {
            long mask = 0;
            for (Field f : FIELDS) {
                if (!isEmpty(f, r)) {
                    mask |= 1L << f.ordinal();
                }
            }
            varint(payload, mask);
            for (Field f : FIELDS) {
                if ((mask & (1L << f.ordinal())) != 0) {
                    value(f, r);
                }
            }
        }

        private void value(Field f, CanonicalRecord r) {
            switch (f) {
                case SERVICE -> optionalString(r.service());
                case PORTS -> {
                    PortRange p = r.ports();
                    varint(payload, p == null ? 0 : p.first() + 1L);
                    if (p != null) {
                        varint(payload, p.last() - p.first());
                    }
                }
                case TRANSPORT -> varint(payload, r.transport() == null ? 0 : r.transport().ordinal() + 1L);
                case DESCRIPTION -> varint(payload, index(r.description()));
                case STATUS -> varint(payload, r.status().ordinal());
                case ASSIGNEES -> strings(r.assignees());
                case CONTACTS -> strings(r.contacts());
                case REGISTERED -> date(r.registered());
                case MODIFIED -> date(r.modified());
                case REFERENCES -> {
                    varint(payload, r.references().size());
                    for (Reference ref : r.references()) {
                        varint(payload, ref.kind().ordinal());
                        varint(payload, index(ref.value()));
                    }
                }
                case NOTES -> strings(r.notes());
                case UNAUTHORIZED -> strings(r.unauthorized());
                case SERVICE_CODES -> strings(r.serviceCodes());
                case ALIASES -> strings(r.aliases());
            }
        }

        private void optionalString(@Nullable String s) {
            varint(payload, s == null ? 0 : index(s) + 1L);
        }

        private void strings(List<String> list) {
            varint(payload, list.size());
            for (String s : list) {
                varint(payload, index(s));
            }
        }

        private void date(@Nullable RegistryDate d) {
            varint(payload, d == null ? 0 : d.year() * 10_000L + d.month() * 100L + d.day());
        }

        private int index(String s) {
            Integer i = strings.get(s);
            if (i == null) {
                i = strings.size();
                strings.put(s, i);
            }
            return i;
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

    private static boolean isEmpty(Field f, CanonicalRecord r) {
        return switch (f) {
            case SERVICE -> r.service() == null;
            case PORTS -> r.ports() == null;
            case TRANSPORT -> r.transport() == null;
            case DESCRIPTION -> r.description().isEmpty();
            case STATUS -> r.status() == AssignmentStatus.ASSIGNED;
            case ASSIGNEES -> r.assignees().isEmpty();
            case CONTACTS -> r.contacts().isEmpty();
            case REGISTERED -> r.registered() == null;
            case MODIFIED -> r.modified() == null;
            case REFERENCES -> r.references().isEmpty();
            case NOTES -> r.notes().isEmpty();
            case UNAUTHORIZED -> r.unauthorized().isEmpty();
            case SERVICE_CODES -> r.serviceCodes().isEmpty();
            case ALIASES -> r.aliases().isEmpty();
        };
    }

    /** The positions of records in a release's canonical order; equal records get their positions in turn. */
    private static final class Positions {
        private final List<CanonicalRecord> records;
        private final Map<CanonicalRecord, Integer> next = new HashMap<>();

        Positions(List<CanonicalRecord> records) {
            this.records = records;
        }

        int take(@Nullable CanonicalRecord r) {
            Integer at = next.get(r);
            if (at == null) {
                int i = Collections.binarySearch(records, r);
                if (i < 0) {
                    throw new IllegalStateException("a diff of the change log changes " + r + ", absent before");
                }
                while (i > 0 && records.get(i - 1).equals(r)) {
                    i--;
                }
                at = i;
            }
            next.put(r, at + 1);
            return at;
        }
    }

    private static final class Decoder {
        private final byte[] b;
        private int pos;
        private String[] strings = new String[0];

        Decoder(byte[] body) {
            this.b = body;
        }

        ChangeLog changeLog() {
            int stringCount = count();
            strings = new String[stringCount];
            for (int i = 0; i < stringCount; i++) {
                int n = count();
                strings[i] = new String(b, pos, n, StandardCharsets.UTF_8);
                pos += n;
            }
            int releaseCount = count();
            if (releaseCount == 0) {
                throw new IllegalStateException("no release");
            }
            LocalDate[] dates = new LocalDate[releaseCount];
            long day = 0;
            for (int i = 0; i < releaseCount; i++) {
                long v = varint();
                if (i > 0 && v == 0) {
                    throw new IllegalStateException("release " + (i + 1) + " has the date of the one before");
                }
                day += v;
                if (day > LocalDate.MAX.toEpochDay()) {
                    throw new IllegalStateException("release date out of range");
                }
                dates[i] = LocalDate.ofEpochDay(day);
            }
            int n = count();
            List<CanonicalRecord> first = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                first.add(record());
            }
            first.sort(null);
            List<CanonicalRecord> records = first;
            List<RegistryDiff> diffs = new ArrayList<>(releaseCount - 1);
            for (int i = 1; i < releaseCount; i++) {
                List<Change> changes = diff(records);
                if (changes.isEmpty()) {
                    throw new IllegalStateException("the release of " + dates[i] + " is the same as the one before");
                }
                RegistryDiff d = new RegistryDiff(dates[i - 1], dates[i], changes);
                diffs.add(d);
                records = Releases.apply(records, changes);
            }
            if (pos != b.length) {
                throw new IllegalStateException((b.length - pos) + " unexpected bytes after the last release");
            }
            return new ChangeLog(dates[0], first, diffs);
        }

        private List<Change> diff(List<CanonicalRecord> previous) {
            List<Change> changes = new ArrayList<>();
            BitSet used = new BitSet(previous.size());
            int removed = count();
            int at = 0;
            for (int i = 0; i < removed; i++) {
                at = position(at, i, previous.size(), used);
                changes.add(Change.removed(previous.get(at)));
            }
            int changed = count();
            at = 0;
            for (int i = 0; i < changed; i++) {
                at = position(at, i, previous.size(), used);
                CanonicalRecord before = previous.get(at);
                Object[] values = values(before);
                long mask = mask();
                if (mask == 0) {
                    throw new IllegalStateException("a changed record changes no field");
                }
                for (Field f : FIELDS) {
                    if ((mask & (1L << f.ordinal())) != 0) {
                        values[f.ordinal()] = value(f);
                    }
                }
                changes.add(Change.changed(before, build(values)));
            }
            int added = count();
            for (int i = 0; i < added; i++) {
                changes.add(Change.added(record()));
            }
            return changes;
        }

        /** The next position of an ascending list, each used once over a diff. */
        private int position(int last, int i, int size, BitSet used) {
            long v = varint();
            long at = (i == 0 ? 0 : last) + v;
            if ((i > 0 && v == 0) || at >= size || used.get((int) at)) {
                throw new IllegalStateException("position " + at + " of a diff is out of order or taken");
            }
            used.set((int) at);
            return (int) at;
        }

        private CanonicalRecord record() {
            Object[] values = values(null);
            long mask = mask();
            for (Field f : FIELDS) {
                if ((mask & (1L << f.ordinal())) != 0) {
                    values[f.ordinal()] = value(f);
                }
            }
            return build(values);
        }

        private long mask() {
            long mask = varint();
            if (mask >>> FIELDS.length != 0) {
                throw new IllegalStateException("unknown fields in mask " + Long.toBinaryString(mask));
            }
            return mask;
        }

        private Object value(Field f) {
            return switch (f) {
                case SERVICE -> optional(optionalString());
                case PORTS -> {
                    long raw = varint();
                    if (raw == 0) {
                        yield NONE;
                    }
                    long first = raw - 1;
                    long span = first >= 0 && first <= PortRange.MAX_PORT ? varint() : 0;
                    long last = first + span;
                    if (first < 0 || first > PortRange.MAX_PORT || span < 0 || last > PortRange.MAX_PORT) {
                        throw new IllegalStateException("port " + Long.toUnsignedString(first < 0 || first
                                > PortRange.MAX_PORT ? first : last) + " is outside 0-65535");
                    }
                    yield new PortRange((int) first, (int) last);
                }
                case TRANSPORT -> {
                    int t = (int) bounded(TRANSPORTS.length, "transport");
                    yield t == 0 ? NONE : TRANSPORTS[t - 1];
                }
                case DESCRIPTION -> string();
                case STATUS -> STATUSES[(int) bounded(STATUSES.length - 1, "status")];
                case REGISTERED, MODIFIED -> optional(date());
                case REFERENCES -> {
                    int n = count();
                    List<Reference> refs = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        Reference.Kind kind = KINDS[(int) bounded(KINDS.length - 1, "reference kind")];
                        refs.add(new Reference(kind, string()));
                    }
                    yield refs;
                }
                case ASSIGNEES, CONTACTS, NOTES, UNAUTHORIZED, SERVICE_CODES, ALIASES -> {
                    int n = count();
                    List<String> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(string());
                    }
                    yield list;
                }
            };
        }

        private @Nullable RegistryDate date() {
            long v = bounded(99_991_231L, "date");
            return v == 0 ? null : new RegistryDate((int) (v / 10_000), (int) (v / 100 % 100), (int) (v % 100));
        }

        private @Nullable String optionalString() {
            long i = bounded(strings.length, "string index");
            return i == 0 ? null : strings[(int) i - 1];
        }

        private String string() {
            return strings[(int) bounded(strings.length - 1L, "string index")];
        }

        private long bounded(long max, String what) {
            long v = varint();
            if (v < 0 || v > max) {
                throw new IllegalStateException(what + " " + v + " out of range");
            }
            return v;
        }

        /** A count of items that follow, each at least a byte: no more than the bytes left. */
        private int count() {
            return (int) bounded(b.length - pos, "count");
        }

        private long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= b.length) {
                    throw new IllegalStateException("cut short");
                }
                int x = b[pos++] & 0xFF;
                result |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalStateException("variable-length integer too long");
        }
    }

    /** Stands for an absent value in a record's field array. */
    private static final Object NONE = new Object();

    private static Object optional(@Nullable Object value) {
        return value == null ? NONE : value;
    }

    /** The fields of a record, or of an empty record, by {@link Field} ordinal. */
    private static Object[] values(@Nullable CanonicalRecord r) {
        if (r == null) {
            return new Object[] {NONE, NONE, NONE, "", AssignmentStatus.ASSIGNED, List.of(), List.of(), NONE, NONE,
                List.of(), List.of(), List.of(), List.of(), List.of()};
        }
        return new Object[] {optional(r.service()), optional(r.ports()), optional(r.transport()), r.description(),
            r.status(), r.assignees(), r.contacts(), optional(r.registered()), optional(r.modified()),
            r.references(), r.notes(), r.unauthorized(), r.serviceCodes(), r.aliases()};
    }

    @SuppressWarnings("unchecked")
    private static CanonicalRecord build(Object[] v) {
        return new CanonicalRecord(nullable(v[0], String.class), nullable(v[1], PortRange.class),
                nullable(v[2], Transport.class), (String) v[3], (AssignmentStatus) v[4], (List<String>) v[5],
                (List<String>) v[6], nullable(v[7], RegistryDate.class), nullable(v[8], RegistryDate.class),
                (List<Reference>) v[9], (List<String>) v[10], (List<String>) v[11], (List<String>) v[12],
                (List<String>) v[13]);
    }

    private static <T> @Nullable T nullable(Object v, Class<T> type) {
        return v == NONE ? null : type.cast(v);
    }
}
