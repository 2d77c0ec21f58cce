package dev.portolan.inspect;

import dev.portolan.core.Transport;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one of Linux's socket tables, {@code /proc/net/tcp}, {@code tcp6}, {@code udp} or {@code
 * udp6}: a header line, then one line per socket,
 *
 * <pre>
 *    sl  local_address rem_address   st tx_queue rx_queue tr tm-&gt;when retrnsmt   uid  timeout inode ...
 *     0: 0100007F:0277 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 16742 ...
 * </pre>
 *
 * <p>Addresses are the kernel's 32-bit words printed in hex in the machine's byte order (so
 * {@code 0100007F} is 127.0.0.1 on x86), four words for IPv6; ports are in hex. The state is
 * the kernel's TCP state number: {@code 0A} listening, {@code 01} established; a UDP socket that
 * is bound but not connected shows {@code 07} (closed). Fields after the inode vary between kernel
 * versions and are ignored.
 *
 * <p>Works on the bytes, without regular expressions or a string per line: with thousands of
 * sockets this is most of a scan.
 */
final class ProcNetTable {
    private static final int TCP_ESTABLISHED = 0x01;
    private static final int TCP_CLOSE = 0x07;
    private static final int TCP_LISTEN = 0x0A;

    /** One socket line, before its owners are known. */
    record Entry(LocalSocket socket, int uid, long inode) {}

    private final String source;
    private final Transport transport;
    private final AddressFamily family;
    private final boolean established;
    private final boolean littleEndian;

    /**
     * @param source the file's name, for messages
     * @param established whether to keep established sockets besides listening and bound ones
     * @param order the byte order of the machine that wrote the table
     */
    ProcNetTable(String source, Transport transport, AddressFamily family, boolean established, ByteOrder order) {
        this.source = source;
        this.transport = transport;
        this.family = family;
        this.established = established;
        this.littleEndian = order == ByteOrder.LITTLE_ENDIAN;
    }

    /** Adds the table's wanted sockets to {@code out}. */
    void parse(byte[] text, List<Entry> out) throws InspectException {
        parse(text, out, -1);
    }

    /**
     * Adds the table's wanted sockets whose local port is {@code onlyPort} (or all, for -1) to
     * {@code out}. A line of another port is read only as far as its local port: the kernel's
     * table of a live scan, not a file someone captured, which is read whole.
     */
    void parse(byte[] text, List<Entry> out, int onlyPort) throws InspectException {
        int pos = 0;
        int lineNo = 0;
        int n = text.length;
        while (pos < n) {
            int end = pos;
            while (end < n && text[end] != '\n') {
                end++;
            }
            lineNo++;
            if (lineNo == 1) {
                if (indexOf(text, pos, end, "local_address") < 0) {
                    throw error(lineNo, "is not the table's header", "a line naming local_address");
                }
            } else if (!blank(text, pos, end)) {
                Entry e = line(text, pos, end, lineNo, onlyPort);
                if (e != null) {
                    out.add(e);
                }
            }
            pos = end + 1;
        }
        if (lineNo == 0) {
            throw new InspectException(source + " is empty: expected a header line and one line per socket");
        }
    }

    /** Field boundaries of the current line, reused. */
    private final int[] starts = new int[10];
    private final int[] ends = new int[10];

    private @Nullable Entry line(byte[] t, int from, int to, int lineNo, int onlyPort)
            throws InspectException {
        int fields = 0;
        int i = from;
        while (fields < 10) {
            while (i < to && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r')) {
                i++;
            }
            if (i >= to) {
                break;
            }
            starts[fields] = i;
            while (i < to && t[i] != ' ' && t[i] != '\t' && t[i] != '\r') {
                i++;
            }
            ends[fields++] = i;
        }
        if (fields < 10) {
            throw error(lineNo, "has " + fields + " fields", "at least 10 (sl, addresses, state, ..., uid, timeout, inode)");
        }
        if (onlyPort >= 0 && ends[1] - starts[1] >= 5 && port(t, ends[1], lineNo, "local address") != onlyPort) {
            return null;
        }
        int state = hexInt(t, starts[3], ends[3], 2, lineNo, "state");
        SocketState kept = keep(state);
        // Everything is checked, also on lines the scan does not keep, so that a damaged table is
        // refused rather than half read.
        byte[] local = address(t, starts[1], ends[1], lineNo, "local address");
        int localPort = port(t, ends[1], lineNo, "local address");
        byte[] remote = address(t, starts[2], ends[2], lineNo, "remote address");
        int remotePort = port(t, ends[2], lineNo, "remote address");
        long uid = decimal(t, starts[7], ends[7], lineNo, "uid");
        long inode = decimal(t, starts[9], ends[9], lineNo, "inode");
        if (uid > 0xFFFF_FFFFL) {
            throw error(lineNo, "has uid " + uid, "a 32-bit user id");
        }
        if (kept == null) {
            return null;
        }
        @Nullable String remoteText = kept.isListener() ? null : text(remote);
        LocalSocket s = new LocalSocket(transport, family, text(local), localPort, kept, remoteText,
                remoteText == null ? null : remotePort, null, List.of());
        return new Entry(s, (int) uid, inode);
    }

    private @Nullable SocketState keep(int state) {
        if (transport == Transport.TCP && state == TCP_LISTEN) {
            return SocketState.LISTEN;
        }
        if (transport == Transport.UDP && state == TCP_CLOSE) {
            return SocketState.BOUND;
        }
        if (!established) {
            return null;
        }
        if (transport == Transport.UDP) {
            return state == TCP_ESTABLISHED ? SocketState.ESTABLISHED : null;
        }
        // The kernel's numbering (include/net/tcp_states.h); 7 (CLOSE) is a socket with no port yet.
        return switch (state) {
            case TCP_ESTABLISHED -> SocketState.ESTABLISHED;
            case 2 -> SocketState.SYN_SENT;
            case 3, 12 -> SocketState.SYN_RECEIVED; // 12: NEW_SYN_RECV, a request not yet a socket
            case 4 -> SocketState.FIN_WAIT_1;
            case 5 -> SocketState.FIN_WAIT_2;
            case 6 -> SocketState.TIME_WAIT;
            case 8 -> SocketState.CLOSE_WAIT;
            case 9 -> SocketState.LAST_ACK;
            case 11 -> SocketState.CLOSING;
            default -> null;
        };
    }

    private String text(byte[] a) {
        return a.length == 4 ? Addresses.ipv4(a[0] & 0xff, a[1] & 0xff, a[2] & 0xff, a[3] & 0xff) : Addresses.ipv6(a);
    }

    /** The address part of {@code HEX:PORT}: 8 hex digits (IPv4) or 32 (IPv6), per this table's family. */
    private byte[] address(byte[] t, int from, int to, int lineNo, String what) throws InspectException {
        int words = family == AddressFamily.IPV4 ? 1 : 4;
        int colon = from + 8 * words;
        if (to - from != 8 * words + 5 || t[colon] != ':') {
            throw error(lineNo, "has " + what + " \"" + ascii(t, from, to) + "\"",
                    (family == AddressFamily.IPV4 ? "8" : "32") + " hex digits, a colon and 4 hex digits");
        }
        byte[] out = new byte[4 * words];
        for (int w = 0; w < words; w++) {
            long v = hexInt(t, from + 8 * w, from + 8 * w + 8, 8, lineNo, what) & 0xFFFF_FFFFL;
            for (int b = 0; b < 4; b++) {
                int shift = littleEndian ? 8 * b : 24 - 8 * b;
                out[4 * w + b] = (byte) (v >>> shift);
            }
        }
        return out;
    }

    private int port(byte[] t, int end, int lineNo, String what) throws InspectException {
        return hexInt(t, end - 4, end, 4, lineNo, what + " port");
    }

    private int hexInt(byte[] t, int from, int to, int digits, int lineNo, String what) throws InspectException {
        if (to - from != digits) {
            throw error(lineNo, "has " + what + " \"" + ascii(t, from, to) + "\"", digits + " hex digits");
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = Addresses.hex((char) (t[i] & 0xff));
            if (d < 0) {
                throw error(lineNo, "has " + what + " \"" + ascii(t, from, to) + "\"", digits + " hex digits");
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private long decimal(byte[] t, int from, int to, int lineNo, String what) throws InspectException {
        if (to - from > 19) {
            throw error(lineNo, "has " + what + " \"" + ascii(t, from, to) + "\"", "a decimal number");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            if (t[i] < '0' || t[i] > '9') {
                throw error(lineNo, "has " + what + " \"" + ascii(t, from, to) + "\"", "a decimal number");
            }
            v = v * 10 + (t[i] - '0');
        }
        return v;
    }

    private InspectException error(int lineNo, String problem, String expected) {
        return new InspectException(source + ": line " + lineNo + " " + problem + ", expected " + expected);
    }

    private static boolean blank(byte[] t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] t, int from, int to, String word) {
        byte[] w = word.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i + w.length <= to; i++) {
            for (int k = 0; k < w.length; k++) {
                if (t[i + k] != w[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The bytes as text safe to show: printable ASCII, anything else as {@code ?}, at most 80 characters. */
    static String ascii(byte[] t, int from, int to) {
        StringBuilder s = new StringBuilder(Math.min(to - from, 80));
        for (int i = from; i < to && s.length() < 80; i++) {
            int c = t[i] & 0xff;
            s.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return s.toString();
    }
}
