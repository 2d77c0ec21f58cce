package dev.portolan.inspect;

import dev.portolan.core.Transport;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads Linux socket tables that someone printed on another machine with {@code cat} or {@code
 * head}: one table or several in a row, each from its header, with or without the separators
 * {@code head} writes between files:
 *
 * <pre>
 * ==&gt; /proc/net/udp &lt;==
 *    sl  local_address rem_address   st tx_queue rx_queue tr tm-&gt;when retrnsmt   uid  timeout inode ref pointer drops
 *   221: 3500007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 15001 2 0000000000000000 0
 * </pre>
 *
 * <p>Each line is read by {@link ProcNetTable} under the header above it. The transport is the
 * separator's file ({@code tcp}, {@code tcp6}, {@code udp}, {@code udp6}) or else the header's: a
 * UDP table names {@code drops} (since Linux 2.6.27), a TCP table does not. The family is the
 * width of each line's local address, 8 hex digits for IPv4 and 32 for IPv6. The addresses are
 * read as a little-endian machine wrote them (x86, ARM, most others); a big-endian machine's table
 * gives byte-swapped addresses. A table names no process: the sockets have no owner, and the
 * socket's uid, as a number, is its user.
 */
final class ProcNetCapture {
    /** The socket tables, by the name of their file. */
    private static final Map<String, Transport> TABLES = Map.of("tcp", Transport.TCP, "tcp6", Transport.TCP,
            "udp", Transport.UDP, "udp6", Transport.UDP);

    private ProcNetCapture() {}

    /** Whether a line is the header of a socket table. */
    static boolean isHeader(String line) {
        return line.contains("local_address") && (line.contains("rem_address") || line.contains("remote_address"));
    }

    static void read(String[] lines, String source, CaptureLedger out) {
        String header = null;
        String file = null; // the file head's last separator named, or null
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int no = i + 1;
            if (line.isBlank()) {
                continue;
            }
            String separated = separator(line);
            if (separated != null) {
                out.heading(no);
                file = separated;
                header = null;
                continue;
            }
            if (isHeader(line)) {
                out.heading(no);
                header = line;
                continue;
            }
            if (header == null) {
                out.unread(no, line, file == null ? "comes before the header of a table, the line naming local_address"
                        : "comes before the header of " + file);
                continue;
            }
            String table = file == null ? null : file.substring(file.lastIndexOf('/') + 1);
            if (table != null && !TABLES.containsKey(table)) {
                out.unread(no, line, "a line of " + file + ", not of a TCP or UDP socket table");
                continue;
            }
            Transport transport = table != null ? TABLES.get(table) : header.contains("drops") ? Transport.UDP : Transport.TCP;
            try {
                List<ProcNetTable.Entry> found = new ArrayList<>(1);
                new ProcNetTable(source, transport, family(line, header), true, ByteOrder.LITTLE_ENDIAN)
                        .parse((header + "\n" + line).getBytes(StandardCharsets.ISO_8859_1), found);
                if (found.isEmpty()) {
                    out.unread(no, line, "has state " + field(line, 3) + ", in which a " + transport.name() + " socket "
                            + (transport == Transport.TCP ? "neither listens nor has a connection" : "is neither bound "
                            + "nor connected") + ": not listed");
                    continue;
                }
                ProcNetTable.Entry e = found.get(0);
                LocalSocket s = e.socket();
                out.socket(new LocalSocket(s.transport(), s.family(), s.address(), s.port(), s.state(),
                        s.remoteAddress(), s.remotePort(), Integer.toUnsignedString(e.uid()), List.of()), no);
            } catch (InspectException e) {
                out.unread(no, line, e);
            }
        }
    }

    /** The file of head's separator {@code ==> /proc/net/tcp <==}, or null for another line. */
    private static @Nullable String separator(String line) {
        String l = line.strip();
        if (l.length() < 9 || !l.startsWith("==> ") || !l.endsWith(" <==")) {
            return null;
        }
        return l.substring(4, l.length() - 4).strip();
    }

    /** IPv6 for a local address of 32 hex digits, IPv4 for 8; otherwise the header's, for its message. */
    private static AddressFamily family(String line, String header) {
        String local = field(line, 1);
        int colon = local.indexOf(':');
        if (colon == 32) {
            return AddressFamily.IPV6;
        }
        if (colon == 8) {
            return AddressFamily.IPV4;
        }
        return header.contains("remote_address") ? AddressFamily.IPV6 : AddressFamily.IPV4;
    }

    /** The {@code n}th field (from 0) of a line split at blanks, or "" when it has fewer. */
    private static String field(String line, int n) {
        String[] f = line.strip().split("[ \t]+");
        return n < f.length ? LsofOutput.printable(f[n]) : "";
    }
}
