package dev.portolan.core.update;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Generates registry documents in IANA's XML form, large enough to pass the store's validation. */
final class RegistryXml {
    /** Comfortably above the 5,000 records the store asks of a whole registry. */
    static final int RECORDS = 6_000;

    private RegistryXml() {}

    static byte[] of(LocalDate updated, int records) {
        StringBuilder s = new StringBuilder(records * 140);
        s.append("<?xml version='1.0' encoding='UTF-8'?>\n");
        s.append("<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n");
        s.append("  <updated>").append(updated).append("</updated>\n");
        for (int i = 0; i < records; i++) {
            int n = i / 2;
            s.append("  <record>\n");
            s.append("    <name>fixture").append(n).append("</name>\n");
            s.append("    <protocol>").append(i % 2 == 0 ? "tcp" : "udp").append("</protocol>\n");
            s.append("    <description>Fixture service ").append(n).append("</description>\n");
            s.append("    <number>").append(1024 + n).append("</number>\n");
            s.append("  </record>\n");
        }
        s.append("</registry>\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
