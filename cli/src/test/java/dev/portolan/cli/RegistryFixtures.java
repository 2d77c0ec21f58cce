package dev.portolan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Generates registry files in IANA's XML form: large enough to pass the store's validation
 * without committing a copy of the real registry.
 *
 * <p>The first record is {@code fixture-ssh} on 22/tcp, with RFC 4251 as reference and a person
 * as assignee; the others are {@code fixtureN} on ports from 1024 up, alternately tcp and udp.
 */
final class RegistryFixtures {
    /** Comfortably above the 5,000 records the store asks of a whole registry. */
    static final int RECORDS = 6_000;

    private RegistryFixtures() {}

    static String xml(LocalDate updated, int records) {
        StringBuilder s = new StringBuilder(records * 160);
        s.append("<?xml version='1.0' encoding='UTF-8'?>\n");
        s.append("<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n");
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
        for (int i = 1; i < records; i++) {
            int n = (i - 1) / 2;
            s.append("  <record>\n");
            s.append("    <name>fixture").append(n).append("</name>\n");
            s.append("    <protocol>").append(i % 2 == 1 ? "tcp" : "udp").append("</protocol>\n");
            s.append("    <description>Fixture service ").append(n).append("</description>\n");
            s.append("    <number>").append(1024 + n).append("</number>\n");
            s.append("  </record>\n");
        }
        s.append("  <people>\n");
        s.append("    <person id=\"Ada_Lovelace\">\n");
        s.append("      <name>Ada Lovelace</name>\n");
        s.append("      <updated>2001-02-03</updated>\n");
        s.append("    </person>\n");
        s.append("  </people>\n");
        s.append("</registry>\n");
        return s.toString();
    }

    static byte[] xmlBytes(LocalDate updated, int records) {
        return xml(updated, records).getBytes(StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeXml(Path dir, String name, LocalDate updated, int records) {
        return write(dir, name, xml(updated, records));
    }
}
