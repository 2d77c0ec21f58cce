package dev.portolan.core.iana;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import dev.portolan.core.Assignment;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads IANA's {@code service-names-port-numbers.csv}: RFC 4180 quoting, with fields that span
 * lines, doubled quotes and rows without a protocol. The CSV has no people list and no registry
 * date, so its snapshot resolves people by identifier only and has no {@code updated} date.
 */
final class IanaCsvReader {
    /** The header IANA writes, column for column. */
    static final List<String> HEADER = List.of("Service Name", "Port Number", "Transport Protocol",
            "Description", "Assignee", "Contact", "Registration Date", "Modification Date", "Reference",
            "Service Code", "Unauthorized Use Reported", "Assignment Notes");

    /** The most fields a record may have; the registry's have {@code HEADER.size()}. */
    private static final int MAX_FIELDS = 64;

    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]*)\\]");
    /** Where FastCSV's wrapping exception names the record: "...record that started in line 7". */
    private static final Pattern RECORD_LINE = Pattern.compile("record that started in line (\\d+)");
    /** FastCSV's reason when a field passes {@code maxFieldSize}. */
    private static final Pattern FIELD_TOO_LONG = Pattern.compile(
            "^Field at index (\\d+) in record starting at line \\d+ exceeds the max field size");
    /** FastCSV's reason when a field outgrows the scanner's buffer before it ends. */
    private static final Pattern BUFFER_TOO_SMALL = Pattern.compile("^The maximum buffer size of \\d+ is insufficient");

    private final String sourceName;

    IanaCsvReader(String sourceName) {
        this.sourceName = sourceName;
    }

    RegistrySnapshot read(Reader in) throws RegistryFormatException {
        List<Assignment> records = new ArrayList<>();
        // FastCSV bounds what it buffers: a field of at most MAX_FIELD_CHARS characters (its scanner
        // needs some room beyond the field), a record of at most MAX_FIELDS fields and as many
        // characters as the header's fields may hold. A header of other columns, up to MAX_FIELDS
        // of them, is still told from the registry's by name below.
        CsvRecordHandler handler = CsvRecordHandler.builder().maxFields(MAX_FIELDS)
                .maxFieldSize(IanaText.MAX_FIELD_CHARS).maxRecordSize(HEADER.size() * IanaText.MAX_FIELD_CHARS)
                .build();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowMissingFields(false).allowExtraFields(false)
                .skipEmptyLines(true).maxBufferSize(2 * IanaText.MAX_FIELD_CHARS).build(handler, in)) {
            Iterator<CsvRecord> rows = csv.iterator();
            if (!rows.hasNext()) {
                throw new RegistryFormatException(sourceName + ": the file is empty");
            }
            CsvRecord header = rows.next();
            List<String> names = header.getFields().stream().map(f -> f.replace("\uFEFF", "").strip()).toList();
            if (!names.equals(HEADER)) {
                throw new RegistryFormatException(sourceName + ": not the IANA port registry CSV (header is \""
                        + IanaText.excerpt(String.join(",", names), 300) + "\", expected \"" + String.join(",", HEADER)
                        + "\")");
            }
            while (rows.hasNext()) {
                CsvRecord row = rows.next();
                records.add(readRow(row));
            }
        } catch (CsvParseException e) {
            throw new RegistryFormatException(sourceName + ": " + malformed(e), e);
        } catch (UncheckedIOException e) {
            throw new RegistryFormatException(sourceName + ": could not be read: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new RegistryFormatException(sourceName + ": could not be read: " + e.getMessage(), e);
        }
        return new RegistrySnapshot(new SnapshotInfo(SnapshotInfo.Source.IANA_CSV, sourceName, null, null),
                records, Map.of(), Map.of());
    }

    /**
     * FastCSV's failure in one line: the record's line, taken from the wrapping exception, and the
     * reason, taken from its cause ("Exception when reading record" alone says neither).
     */
    private static String malformed(CsvParseException e) {
        Throwable reasonOf = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String reason = String.valueOf(reasonOf.getMessage()).strip();
        Matcher lineOf = RECORD_LINE.matcher(String.valueOf(e.getMessage()));
        String record = lineOf.find() ? "the record starting at line " + lineOf.group(1) : "a record";
        String tooLong = " is longer than " + IanaText.MAX_FIELD_CHARS + " characters, the limit for one field";
        Matcher field = FIELD_TOO_LONG.matcher(reason);
        if (field.find()) {
            int index = Integer.parseInt(field.group(1));
            String column = index < HEADER.size() ? "\"" + HEADER.get(index) + "\"" : String.valueOf(index + 1);
            return "field " + column + " of " + record + tooLong + "; it is not the registry, or it is damaged";
        }
        if (BUFFER_TOO_SMALL.matcher(reason).find()) {
            return "a field of " + record + tooLong + " (a quote left open?); it is not the registry, or it is damaged";
        }
        if (reason.length() > 1 && Character.isUpperCase(reason.charAt(0)) && Character.isLowerCase(reason.charAt(1))) {
            reason = Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        return "malformed CSV in " + record + ": " + IanaText.excerpt(reason, 300);
    }

    private Assignment readRow(CsvRecord row) throws RegistryFormatException {
        long line = row.getStartingLineNumber();
        Assignment.Builder b = Assignment.builder();
        String name = row.getField(0).strip();
        b.service(name.isEmpty() ? null : name);
        String number = row.getField(1).strip();
        if (!number.isEmpty()) {
            b.ports(IanaNumbers.parseRange(number).orElseThrow(() -> new RegistryFormatException(sourceName
                    + ": line " + line + " has port number \"" + IanaText.excerpt(number)
                    + "\", expected a port 0-65535 or a range such as 6000-6063")));
        }
        String protocol = row.getField(2).strip();
        if (!protocol.isEmpty()) {
            b.transport(Transport.parse(protocol).orElseThrow(() -> new RegistryFormatException(sourceName
                    + ": line " + line + " has protocol \"" + IanaText.excerpt(protocol)
                    + "\", expected tcp, udp, sctp or dccp")));
        }
        b.description(IanaText.normalize(row.getField(3)));
        List<String> assignees = bracketed(row.getField(4));
        List<String> contacts = bracketed(row.getField(5));
        assignees.forEach(b::assignee);
        contacts.forEach(b::contact);
        b.registered(date(row.getField(6), "registration date", line));
        b.modified(date(row.getField(7), "modification date", line));
        for (String ref : bracketed(row.getField(8))) {
            b.reference(Reference.parse(ref));
        }
        String sc = row.getField(9).strip();
        if (!sc.isEmpty()) {
            for (String code : sc.split("\\s+")) {
                b.serviceCode(code);
            }
        }
        String unauthorized = IanaText.normalize(row.getField(10));
        if (!unauthorized.isEmpty()) {
            b.unauthorized(unauthorized);
        }
        String notes = IanaText.normalize(row.getField(11));
        if (!notes.isEmpty()) {
            b.note(notes);
        }
        return b.build();
    }

    private @Nullable RegistryDate date(String value, String column, long line) throws RegistryFormatException {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        return RegistryDate.parse(v).orElseThrow(() -> new RegistryFormatException(sourceName + ": line " + line
                + " has " + column + " \"" + IanaText.excerpt(v) + "\", expected YYYY, YYYY-MM or YYYY-MM-DD"));
    }

    /** {@code [A][B]} as {@code A, B}; text outside brackets, if any, as one more item. */
    private static List<String> bracketed(String field) {
        List<String> out = new ArrayList<>();
        String f = field.strip();
        if (f.isEmpty()) {
            return out;
        }
        Matcher m = BRACKETED.matcher(f);
        int end = 0;
        StringBuilder outside = new StringBuilder();
        while (m.find()) {
            outside.append(f, end, m.start());
            String v = m.group(1).strip();
            if (!v.isEmpty()) {
                out.add(v);
            }
            end = m.end();
        }
        outside.append(f.substring(end));
        String rest = outside.toString().strip();
        if (!rest.isEmpty()) {
            out.add(rest.toLowerCase(Locale.ROOT).startsWith("rfc") ? rest.replace(" ", "") : rest);
        }
        return out;
    }
}
