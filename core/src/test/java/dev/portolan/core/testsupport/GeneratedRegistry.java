package dev.portolan.core.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Generates registry documents in IANA's XML form: large enough to pass the store's validation
 * without committing a copy of the real registry.
 *
 * <p>Two forms, both of {@code records} records in all:
 *
 * <ul>
 *   <li>{@link #xml}: a title, then {@code fixture-ssh} on 22/tcp with RFC 4251 as reference and a
 *       person as assignee and contact, then generated records, then the list of people;
 *   <li>{@link #bareXml}: generated records only.
 * </ul>
 *
 * <p>The generated records are {@code fixtureN} on port 1024 + N, first tcp then udp, with the
 * description {@code Fixture service N}.
 */
public final class GeneratedRegistry {
    /** Comfortably above the 5,000 records the store asks of a whole registry. */
    public static final int RECORDS = 6_000;

    private GeneratedRegistry() {}

    /** The registry with {@code fixture-ssh} first and a people list. */
    public static String xml(LocalDate updated, int records) {
        StringBuilder s = new StringBuilder(records * 160);
        appendStart(s);
        s.append("  <title>Service Name and Transport Protocol Port Number Registry</title>\n");
        s.append("  <updated>").append(updated).append("</updated>\n");
        s.append("  <record date=\"2001-02-03\">\n");
        s.append("    <name>fixture-ssh</name>\n");
        s.append("    <protocol>tcp</protocol>\n");
        s.append("    <xref type=\"rfc\" data=\"rfc4251\"/>\n");
        s.append("    <description>Fixture secure shell</description>\n");
        s.append("    <number>22</number>\n");
        s.append("    <assignee><xref type=\"person\" data=\"Ada_Lovelace\"/></assignee>\n");
        s.append("    <contact><xref type=\"person\" data=\"Ada_Lovelace\"/></contact>\n");
        s.append("  </record>\n");
        appendFixtureRecords(s, records - 1);
        s.append("  <people>\n");
        s.append("    <person id=\"Ada_Lovelace\">\n");
        s.append("      <name>Ada Lovelace</name>\n");
        s.append("      <updated>2001-02-03</updated>\n");
        s.append("    </person>\n");
        s.append("  </people>\n");
        s.append("</registry>\n");
        return s.toString();
    }

    /** {@link #xml} in UTF-8. */
    public static byte[] xmlBytes(LocalDate updated, int records) {
        return xml(updated, records).getBytes(StandardCharsets.UTF_8);
    }

    /** The registry of generated records only: no title, no {@code fixture-ssh}, no people. */
    public static String bareXml(LocalDate updated, int records) {
        StringBuilder s = new StringBuilder(records * 140);
        appendStart(s);
        s.append("  <updated>").append(updated).append("</updated>\n");
        appendFixtureRecords(s, records);
        s.append("</registry>\n");
        return s.toString();
    }

    /** {@link #bareXml} in UTF-8. */
    public static byte[] bareXmlBytes(LocalDate updated, int records) {
        return bareXml(updated, records).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code content} in UTF-8 to the file {@code name} in {@code dir}. */
    public static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #xml} to the file {@code name} in {@code dir}. */
    public static Path writeXml(Path dir, String name, LocalDate updated, int records) {
        return write(dir, name, xml(updated, records));
    }

    private static void appendStart(StringBuilder s) {
        s.append("<?xml version='1.0' encoding='UTF-8'?>\n");
        s.append("<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n");
    }

    private static void appendFixtureRecords(StringBuilder s, int count) {
        for (int i = 0; i < count; i++) {
            int n = i / 2;
            s.append("  <record>\n");
            s.append("    <name>fixture").append(n).append("</name>\n");
            s.append("    <protocol>").append(i % 2 == 0 ? "tcp" : "udp").append("</protocol>\n");
            s.append("    <description>Fixture service ").append(n).append("</description>\n");
            s.append("    <number>").append(1024 + n).append("</number>\n");
            s.append("  </record>\n");
        }
    }
}
