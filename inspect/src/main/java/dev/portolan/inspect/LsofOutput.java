package dev.portolan.inspect;

import dev.portolan.core.Transport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the output of {@code lsof -nP -iTCP -sTCP:LISTEN -iUDP} or {@code lsof -nP -iTCP -iUDP}
 * (with or without {@code +c 0}); sockets in other TCP states than LISTEN and ESTABLISHED are skipped:
 *
 * <pre>
 * COMMAND     PID   USER   FD   TYPE             DEVICE SIZE/OFF NODE NAME
 * launchd       1   root    7u  IPv6 0x8a1f0c2b3d4e5f61      0t0  TCP *:22 (LISTEN)
 * mDNSRespo   389 _mdnsresponder 8u IPv4 0x8a1f0c2b3d4e5f70  0t0  UDP *:5353
 * </pre>
 *
 * <p>The columns are found by their content, not their width: the first five are COMMAND, PID,
 * USER, FD and TYPE ({@code IPv4} or {@code IPv6}); NODE is the first later column that says
 * {@code TCP} or {@code UDP}, and NAME is the rest of the line. lsof cuts COMMAND to 9 characters
 * unless given {@code +c 0} and writes a space in it as {@code \x20}; both are undone as far as the
 * text allows ({@code Google\x20} stays cut). NAME is {@code LOCAL}, or {@code LOCAL->REMOTE} for a
 * connected socket, then the TCP state in parentheses; {@code *} is the wildcard address. A socket
 * shared by several processes appears once per process with the same DEVICE, and is one socket
 * here with several owners.
 */
final class LsofOutput {
    private final String source;
    private final boolean established;

    LsofOutput(String source, boolean established) {
        this.source = source;
        this.established = established;
    }

    List<LocalSocket> parse(String text) throws InspectException {
        Map<String, LocalSocket> byKey = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (!header) {
                if (!line.startsWith("COMMAND") || !line.contains("PID") || !line.contains("NAME")) {
                    throw error(i + 1, "is not lsof's header", line, "COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME");
                }
                header = true;
                continue;
            }
            line(line, i + 1, byKey);
        }
        return new ArrayList<>(byKey.values());
    }

    private void line(String line, int lineNo, Map<String, LocalSocket> byKey) throws InspectException {
        String[] f = line.strip().split("[ \t]+");
        if (f.length < 7) {
            throw error(lineNo, "has " + f.length + " columns", line, "COMMAND PID USER FD TYPE ... NODE NAME");
        }
        long pid = ProcScanner.pid(f[1]);
        if (pid < 0) {
            throw error(lineNo, "has PID \"" + printable(f[1]) + "\"", line, "a process id");
        }
        AddressFamily family = switch (f[4]) {
            case "IPv4" -> AddressFamily.IPV4;
            case "IPv6" -> AddressFamily.IPV6;
            default -> null;
        };
        if (family == null) {
            throw error(lineNo, "has TYPE \"" + printable(f[4]) + "\"", line, "IPv4 or IPv6");
        }
        int node = -1;
        for (int k = 5; k < f.length - 1; k++) {
            if (f[k].equals("TCP") || f[k].equals("UDP")) {
                node = k;
                break;
            }
        }
        if (node < 0) {
            throw error(lineNo, "has no NODE column", line, "TCP or UDP before the NAME");
        }
        Transport transport = f[node].equals("TCP") ? Transport.TCP : Transport.UDP;
        String device = node > 5 ? f[5] : "";
        String name = String.join(" ", java.util.Arrays.asList(f).subList(node + 1, f.length));
        String stateText = null;
        int paren = name.indexOf(" (");
        if (paren >= 0 && name.endsWith(")")) {
            stateText = name.substring(paren + 2, name.length() - 1);
            name = name.substring(0, paren);
        } else if (name.indexOf(' ') >= 0) {
            throw error(lineNo, "has NAME \"" + printable(name) + "\"", line, "LOCAL, LOCAL->REMOTE, then (STATE)");
        }
        int arrow = name.indexOf("->");
        Endpoints.Endpoint local = Endpoints.parse(arrow < 0 ? name : name.substring(0, arrow));
        Endpoints.Endpoint remote = arrow < 0 ? null : Endpoints.parse(name.substring(arrow + 2));
        if (local == null || (arrow >= 0 && remote == null)) {
            throw error(lineNo, "has NAME \"" + printable(name) + "\"", line, "ADDRESS:PORT or [IPV6]:PORT, optionally ->REMOTE");
        }
        SocketState state = state(transport, stateText, remote != null);
        if (state == null || local.port() < 0 || (!state.isListener() && !established)) {
            return; // another TCP state, or a UDP socket with no local port yet
        }
        String address = local.address().equals("*")
                ? (family == AddressFamily.IPV4 ? Addresses.IPV4_WILDCARD : Addresses.IPV6_WILDCARD) : local.address();
        String remoteAddress = null;
        Integer remotePort = null;
        if (!state.isListener() && remote != null && remote.port() >= 0 && !remote.address().equals("*")) {
            remoteAddress = remote.address();
            remotePort = remote.port();
        }
        String user = f[2];
        SocketOwner owner = new SocketOwner(pid, command(f[0]), null, user);
        String key = device + "|" + transport + "|" + family + "|" + address + "|" + local.port() + "|" + state
                + "|" + remoteAddress + "|" + remotePort;
        LocalSocket before = byKey.get(key);
        if (before == null) {
            byKey.put(key, new LocalSocket(transport, family, address, local.port(), state, remoteAddress, remotePort,
                    user, List.of(owner)));
        } else if (before.owners().stream().noneMatch(o -> o.pid() == pid)) {
            List<SocketOwner> owners = new ArrayList<>(before.owners());
            owners.add(owner);
            byKey.put(key, new LocalSocket(transport, family, address, local.port(), state, remoteAddress, remotePort,
                    before.user(), owners));
        }
    }

    private static @Nullable SocketState state(Transport transport, @Nullable String text, boolean connected) {
        if (transport == Transport.UDP) {
            return connected ? SocketState.ESTABLISHED : SocketState.BOUND;
        }
        if (text == null) {
            return null;
        }
        // lsof's names of TCP states (CLOSED, IDLE and BOUND sockets hold no connection and are left out)
        return SocketState.ofName(text);
    }

    /** COMMAND with lsof's escapes undone: {@code \xNN} for a byte, {@code \\} for a backslash. */
    static String command(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 3 < text.length() && text.charAt(i + 1) == 'x'
                    && Addresses.hex(text.charAt(i + 2)) >= 0 && Addresses.hex(text.charAt(i + 3)) >= 0) {
                out.write(Addresses.hex(text.charAt(i + 2)) * 16 + Addresses.hex(text.charAt(i + 3)));
                i += 3;
            } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                out.write('\\');
                i++;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        // lsof writes each byte of a name it cannot print as \xNN; together they are UTF-8
        return out.toString(StandardCharsets.UTF_8);
    }

    private InspectException error(int lineNo, String problem, String line, String expected) {
        return new InspectException(source + ": line " + lineNo + " " + problem + ", expected " + expected
                + ": \"" + printable(line) + "\"");
    }

    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 120));
        for (int i = 0; i < s.length() && out.length() < 120; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
