package dev.portolan.inspect;

import dev.portolan.core.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one line of {@code ss} output ({@code ss -tulpn}, {@code ss -tanp}...): an optional Netid
 * column ({@code tcp}, {@code udp}; without it, {@code UNCONN} is UDP and other states TCP), the
 * state, two queue sizes, the local and the peer address ({@code 127.0.0.53%lo:53},
 * {@code [::]:80}, {@code *:22}), and with {@code -p} the processes:
 * {@code users:(("nginx",pid=900,fd=7),("nginx",pid=901,fd=7))}.
 */
final class SsOutput {
    private static final Pattern USER = Pattern.compile("\\(\"((?:[^\"\\\\]|\\\\.)*)\",pid=(\\d+),fd=\\d+\\)");

    private SsOutput() {}

    /** Whether a line is the header of ss's output. */
    static boolean isHeader(String line) {
        String l = line.strip();
        return (l.startsWith("Netid") || l.startsWith("State")) && l.contains("Recv-Q") && l.contains("Local Address");
    }

    /** The socket of one line. */
    static LocalSocket line(String line, String source, int lineNo) throws InspectException {
        String[] f = line.strip().split("\\s+");
        int at = 0;
        Transport transport = null;
        if (f.length > 0 && (f[0].equals("tcp") || f[0].equals("udp"))) {
            transport = f[0].equals("tcp") ? Transport.TCP : Transport.UDP;
            at = 1;
        }
        if (f.length < at + 5) {
            throw new InspectException(source + ": line " + lineNo + " has " + f.length + " columns, expected "
                    + "[Netid] State Recv-Q Send-Q Local Peer [Process]");
        }
        String stateText = f[at];
        if (transport == null) {
            transport = stateText.equals("UNCONN") ? Transport.UDP : Transport.TCP;
        }
        SocketState state = state(stateText);
        if (state == null) {
            throw new InspectException(source + ": line " + lineNo + " has the state \"" + LsofOutput.printable(stateText)
                    + "\", expected one of ss's (LISTEN, UNCONN, ESTAB, TIME-WAIT...)");
        }
        Endpoint local = endpoint(f[at + 3], source, lineNo);
        Endpoint peer = endpoint(f[at + 4], source, lineNo);
        List<SocketOwner> owners = new ArrayList<>();
        if (f.length > at + 5) {
            Matcher m = USER.matcher(String.join(" ", java.util.Arrays.copyOfRange(f, at + 5, f.length)));
            while (m.find()) {
                owners.add(new SocketOwner(Long.parseLong(m.group(2)), m.group(1), null, null));
            }
        }
        boolean connected = !state.isListener() || (transport == Transport.UDP && peer.port >= 0);
        return new LocalSocket(transport, local.address.contains(":") ? AddressFamily.IPV6 : AddressFamily.IPV4,
                local.address, local.port, state, connected && peer.port >= 0 ? peer.address : null,
                connected && peer.port >= 0 ? peer.port : null, null, owners);
    }

    private static @Nullable SocketState state(String text) {
        return text.equals("UNCONN") ? SocketState.BOUND : SocketState.ofName(text);
    }

    /** An address and port; port -1 for {@code *}. */
    record Endpoint(String address, int port) {}

    /** {@code 127.0.0.1:53}, {@code 127.0.0.53%lo:53}, {@code [::1]:80}, {@code [::]:*}, {@code *:22}, {@code :::80}. */
    static Endpoint endpoint(String text, String source, int lineNo) throws InspectException {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new InspectException(source + ": line " + lineNo + " has the address \"" + LsofOutput.printable(text)
                    + "\", expected ADDRESS:PORT");
        }
        String host = text.substring(0, colon);
        String portText = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("*") || host.isEmpty()) {
            host = Addresses.IPV4_WILDCARD;
        }
        int percent = host.indexOf('%');
        String address = Addresses.normalize(percent >= 0 && host.indexOf(':') < 0 ? host.substring(0, percent) : host);
        if (address == null) {
            throw new InspectException(source + ": line " + lineNo + " has the address \"" + LsofOutput.printable(text)
                    + "\", expected an IPv4 or IPv6 address and a port");
        }
        if (portText.equals("*")) {
            return new Endpoint(address, -1);
        }
        long port = ProcScanner.pid(portText);
        if (port < 0 || port > 65_535) {
            throw new InspectException(source + ": line " + lineNo + " has the port \"" + LsofOutput.printable(portText)
                    + "\", expected 0-65535 or *");
        }
        return new Endpoint(address, (int) port);
    }
}
