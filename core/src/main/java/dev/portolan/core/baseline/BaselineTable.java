package dev.portolan.core.baseline;

import dev.portolan.core.Assignment;
import dev.portolan.core.PortRange;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the committed baseline table: {@code #} header lines ({@code # package: NAME VERSION},
 * {@code # updated: YYYY-MM-DD}), then one tab-separated line per entry: {@code port}, {@code
 * transport}, {@code service} (may be empty), {@code description}. The script {@code
 * scripts/update-baseline} writes it.
 */
final class BaselineTable {
    private BaselineTable() {}

    static RegistrySnapshot read(Reader reader, String sourceName) throws RegistryFormatException {
        BufferedReader in = new BufferedReader(reader);
        String label = null;
        LocalDate updated = null;
        List<Assignment> records = new ArrayList<>();
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    String h = line.substring(1).strip();
                    if (h.startsWith("package:")) {
                        label = h.substring("package:".length()).strip() + " (npm)";
                    } else if (h.startsWith("updated:")) {
                        updated = RegistryDate.parse(h.substring("updated:".length()))
                                .flatMap(RegistryDate::toLocalDate).orElse(null);
                    }
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new RegistryFormatException(sourceName + ": line " + lineNo + " has " + f.length
                            + " fields, expected 4 (port, transport, service, description)");
                }
                int port;
                try {
                    port = Integer.parseInt(f[0]);
                    PortRange.of(port);
                } catch (IllegalArgumentException e) {
                    throw new RegistryFormatException(sourceName + ": line " + lineNo + " has port \"" + f[0]
                            + "\", expected 0-65535", e);
                }
                final int ln = lineNo;
                Transport t = Transport.parse(f[1]).orElseThrow(() -> new RegistryFormatException(sourceName
                        + ": line " + ln + " has transport \"" + f[1] + "\", expected tcp, udp, sctp or dccp"));
                records.add(Assignment.builder().ports(PortRange.of(port)).transport(t)
                        .service(f[2].isEmpty() ? null : f[2]).description(f[3]).build());
            }
        } catch (IOException e) {
            throw new RegistryFormatException(sourceName + ": could not be read: " + e.getMessage(), e);
        }
        if (label == null) {
            throw new RegistryFormatException(sourceName + ": has no \"# package:\" header line");
        }
        return new RegistrySnapshot(new SnapshotInfo(SnapshotInfo.Source.BASELINE, label, updated, null),
                records, Map.of(), Map.of());
    }
}
