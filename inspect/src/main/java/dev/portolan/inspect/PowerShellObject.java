package dev.portolan.inspect;

import dev.portolan.core.Transport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One object that {@code Get-NetTCPConnection} or {@code Get-NetUDPEndpoint} printed, read from
 * its properties as PowerShell shows them, in a table or a list: {@code LocalAddress} and {@code
 * LocalPort}; a TCP connection's {@code State} ({@code Listen}, {@code Established}...) and, unless
 * it listens, its {@code RemoteAddress} and {@code RemotePort}; {@code OwningProcess} where shown
 * (process 0, which Windows names for connections in TIME_WAIT, is no owner). An object that shows
 * none of State, RemoteAddress, RemotePort and AppliedSetting is a UDP endpoint, bound. Other
 * properties are not read.
 *
 * <p>A value PowerShell cut short to fit the console ({@code fe80::1c2d:3e4f:...}, or {@code …}
 * in PowerShell 7) is not read: the address or number it stood for is not known.
 */
final class PowerShellObject {
    /** The properties that only a TCP connection has. */
    static final Set<String> TCP_ONLY = Set.of("RemoteAddress", "RemotePort", "State", "AppliedSetting");

    /** The properties of the default views of both cmdlets, and the one of the CSV export they miss. */
    static final List<String> NAMES = List.of("LocalAddress", "LocalPort", "RemoteAddress", "RemotePort", "State",
            "AppliedSetting", "OwningProcess");

    /** States of Get-NetTCPConnection that hold no connection and do not listen. */
    private static final Set<String> NOT_LISTED = Set.of("Closed", "DeleteTCB", "Bound", "1", "12", "100");

    /** A prompt of PowerShell: {@code PS C:\Users\alice>}. */
    private static final Pattern PROMPT = Pattern.compile("PS [^>]*>.*");

    /** A property's text as shown, and the line it was read from. */
    record Property(String text, int line) {}

    private PowerShellObject() {}

    /** Whether a line is PowerShell's prompt, perhaps with the command typed after it. */
    static boolean isPrompt(String line) {
        return PROMPT.matcher(line.strip()).matches();
    }

    /**
     * The socket of an object.
     *
     * @param properties the properties shown with a value
     * @param tcp whether the object is a TCP connection (it shows one of {@link #TCP_ONLY}, perhaps
     *     without a value), else a UDP endpoint
     * @param line the object's first line, named when a property is missing
     * @throws InspectException naming the source, the line and the property that is missing, cut
     *     short or not what the cmdlet prints
     */
    static LocalSocket read(Map<String, Property> properties, boolean tcp, String source, int line)
            throws InspectException {
        String address = WindowsOutput.address(whole(properties, "LocalAddress", source, line), source,
                properties.get("LocalAddress").line(), "LocalAddress");
        int port = WindowsOutput.port(whole(properties, "LocalPort", source, line), source,
                properties.get("LocalPort").line(), "LocalPort");
        List<SocketOwner> owners = List.of();
        if (properties.containsKey("OwningProcess")) {
            owners = WindowsOutput.owners(WindowsOutput.pid(whole(properties, "OwningProcess", source, line), source,
                    properties.get("OwningProcess").line(), "OwningProcess"));
        }
        if (!tcp) {
            return new LocalSocket(Transport.UDP, WindowsOutput.family(address), address, port, SocketState.BOUND,
                    null, null, null, owners);
        }
        if (!properties.containsKey("State")) {
            throw new InspectException(source + ": line " + line + " has no State, expected the state of the TCP "
                    + "connection: was its column left out for the console's width?");
        }
        String stateText = whole(properties, "State", source, line);
        SocketState state = WindowsOutput.tcpState(stateText);
        int stateLine = properties.get("State").line();
        if (state == null) {
            throw new InspectException(source + ": line " + stateLine + " has State \"" + LsofOutput.printable(stateText)
                    + "\", " + (NOT_LISTED.contains(stateText) ? "which neither listens nor holds a connection: not listed"
                            : "expected one of Get-NetTCPConnection's (Listen, Established, TimeWait...)"));
        }
        String remoteAddress = null;
        Integer remotePort = null;
        if (!state.isListener() && properties.containsKey("RemoteAddress") && properties.containsKey("RemotePort")) {
            remoteAddress = WindowsOutput.address(whole(properties, "RemoteAddress", source, line), source,
                    properties.get("RemoteAddress").line(), "RemoteAddress");
            remotePort = WindowsOutput.port(whole(properties, "RemotePort", source, line), source,
                    properties.get("RemotePort").line(), "RemotePort");
        }
        return new LocalSocket(Transport.TCP, WindowsOutput.family(address), address, port, state, remoteAddress,
                remotePort, null, owners);
    }

    /** The text of a property that must be there and whole. */
    private static String whole(Map<String, Property> properties, String name, String source, int line)
            throws InspectException {
        Property p = properties.get(name);
        if (p == null) {
            throw new InspectException(source + ": line " + line + " has no " + name + ", expected LocalAddress and "
                    + "LocalPort");
        }
        if (isCut(p.text())) {
            throw new InspectException(source + ": line " + p.line() + " has " + name + " \""
                    + LsofOutput.printable(p.text()) + "\", cut short by the console's width: capture it again in a "
                    + "wider console, with | Format-List, or with | ConvertTo-Csv");
        }
        return p.text();
    }

    /**
     * Whether PowerShell cut a value short: it ends it with {@code ...} (Windows PowerShell) or
     * {@code …} (PowerShell 7), which a console's code page 1252 writes as the byte 0x85.
     */
    static boolean isCut(String text) {
        return text.endsWith("...") || text.endsWith("\u2026") || text.endsWith("\u0085");
    }
}
