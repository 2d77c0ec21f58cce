package dev.portolan.inspect;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Readers of what Windows prints about its sockets and processes:
 *
 * <ul>
 *   <li>PowerShell, one or more CSV sections as {@code ConvertTo-Csv -NoTypeInformation} writes
 *       them, each starting with its header: {@code Get-NetTCPConnection | Select-Object
 *       LocalAddress,LocalPort,RemoteAddress,RemotePort,State,OwningProcess} and {@code
 *       Get-NetUDPEndpoint | Select-Object LocalAddress,LocalPort,OwningProcess}. A header is a row
 *       with a column named {@code LocalAddress}; columns are found by name, a section with {@code
 *       State} is TCP, one without is UDP. States are the names of
 *       the enumeration ({@code Listen}, {@code Established}) or its numbers (2, 5).
 *   <li>{@code netstat -ano}: lines {@code Proto Local Foreign [State] PID}, anything before the
 *       first TCP or UDP line being headings. netstat translates its headings and states; a TCP
 *       line whose foreign port is 0 is listening in every language, and {@code ESTABLISHED} is
 *       recognised in English only.
 *   <li>{@code tasklist /fo csv [/nh]}: image name and process id in the first two columns; a
 *       header, in any language, is the row whose second column is not a number.
 *   <li>{@code netsh int ipv4 show dynamicport tcp}: the first two numbers after a colon are the
 *       start port and the number of ports (the labels are translated too).
 * </ul>
 */
final class WindowsOutput {
    private WindowsOutput() {}

    /** Sockets from PowerShell's CSV. */
    static List<LocalSocket> powerShell(String text, String source, boolean established) throws InspectException {
        List<LocalSocket> out = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
                .skipEmptyLines(true).ofCsvRecord(text)) {
            Map<String, Integer> columns = null;
            for (CsvRecord row : csv) {
                long line = row.getStartingLineNumber();
                String first = row.getField(0).strip();
                if (first.startsWith("#TYPE")) {
                    continue;
                }
                if (row.getFields().stream().anyMatch(f -> f.strip().equals("LocalAddress"))) {
                    columns = new HashMap<>();
                    for (int i = 0; i < row.getFieldCount(); i++) {
                        columns.put(row.getField(i).strip(), i);
                    }
                    for (String needed : List.of("LocalPort", "OwningProcess")) {
                        if (!columns.containsKey(needed)) {
                            throw new InspectException(source + ": line " + line + " is a header without " + needed);
                        }
                    }
                    continue;
                }
                if (columns == null) {
                    throw new InspectException(source + ": line " + line + " comes before any header, expected a "
                            + "header naming LocalAddress");
                }
                LocalSocket s = powerShellRow(row, columns, source, established);
                if (s != null) {
                    out.add(s);
                }
            }
        } catch (CsvParseException | IOException | UncheckedIOException e) {
            throw new InspectException(source + ": malformed CSV: " + e.getMessage(), e);
        }
        return out;
    }

    private static @Nullable LocalSocket powerShellRow(CsvRecord row, Map<String, Integer> columns, String source,
            boolean established) throws InspectException {
        long line = row.getStartingLineNumber();
        boolean tcp = columns.containsKey("State");
        String address = address(field(row, columns, "LocalAddress"), source, line, "LocalAddress");
        int port = port(field(row, columns, "LocalPort"), source, line, "LocalPort");
        long pid = pid(field(row, columns, "OwningProcess"), source, line, "OwningProcess");
        SocketState state;
        String remoteAddress = null;
        Integer remotePort = null;
        if (tcp) {
            state = tcpState(field(row, columns, "State"));
            if (state == null || (!state.isListener() && !established)) {
                return null;
            }
            if (!state.isListener() && columns.containsKey("RemoteAddress")) {
                remoteAddress = address(field(row, columns, "RemoteAddress"), source, line, "RemoteAddress");
                remotePort = port(field(row, columns, "RemotePort"), source, line, "RemotePort");
            }
        } else {
            state = SocketState.BOUND;
        }
        return new LocalSocket(tcp ? Transport.TCP : Transport.UDP, family(address), address, port, state,
                remoteAddress, remotePort, null, owners(pid));
    }

    /**
     * Get-NetTCPConnection's State, by name ({@code Listen}, {@code TimeWait}) or by number (2,
     * 11); null for Closed (1), DeleteTCB (12) and Bound (100), which hold no connection, and for
     * any other text.
     */
    static @Nullable SocketState tcpState(String text) {
        return switch (text) {
            case "2" -> SocketState.LISTEN;
            case "3" -> SocketState.SYN_SENT;
            case "4" -> SocketState.SYN_RECEIVED;
            case "5" -> SocketState.ESTABLISHED;
            case "6" -> SocketState.FIN_WAIT_1;
            case "7" -> SocketState.FIN_WAIT_2;
            case "8" -> SocketState.CLOSE_WAIT;
            case "9" -> SocketState.CLOSING;
            case "10" -> SocketState.LAST_ACK;
            case "11" -> SocketState.TIME_WAIT;
            default -> SocketState.ofName(text);
        };
    }

    private static String field(CsvRecord row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= row.getFieldCount() ? "" : row.getField(i).strip();
    }

    /** Sockets from {@code netstat -ano}. */
    static List<LocalSocket> netstat(String text, String source, boolean established) throws InspectException {
        List<LocalSocket> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            String[] f = l.split("[ \t]+");
            String proto = f[0].toUpperCase(Locale.ROOT);
            boolean tcp = proto.equals("TCP");
            if (!tcp && !proto.equals("UDP")) {
                continue;
            }
            int lineNo = i + 1;
            if (f.length != (tcp ? 5 : 4)) {
                throw new InspectException(source + ": line " + lineNo + " has " + f.length + " columns, expected "
                        + (tcp ? "5 (TCP local foreign state pid)" : "4 (UDP local foreign pid)") + ": \""
                        + LsofOutput.printable(l) + "\"");
            }
            Endpoints.Endpoint local = endpoint(f[1], source, lineNo);
            Endpoints.Endpoint remote = endpoint(f[2], source, lineNo);
            long pid = pid(f[f.length - 1], source, lineNo, "PID");
            if (local.port() < 0 || local.address().equals("*")) {
                throw new InspectException(source + ": line " + lineNo + " has local address \""
                        + LsofOutput.printable(f[1]) + "\", expected ADDRESS:PORT");
            }
            SocketState state;
            if (!tcp) {
                state = SocketState.BOUND;
            } else if (remote.port() == 0) {
                state = SocketState.LISTEN;
            } else {
                // netstat's English names; other display languages translate them, and those lines
                // are left out (a listener is known in every language by its foreign port 0)
                state = SocketState.ofName(f[3]);
                if (state == null || state == SocketState.LISTEN) {
                    continue;
                }
            }
            if (!state.isListener() && !established) {
                continue;
            }
            boolean connected = !state.isListener() && !remote.address().equals("*") && remote.port() >= 0;
            out.add(new LocalSocket(tcp ? Transport.TCP : Transport.UDP, family(local.address()), local.address(),
                    local.port(), state, connected ? remote.address() : null, connected ? remote.port() : null, null,
                    owners(pid)));
        }
        return out;
    }

    private static Endpoints.Endpoint endpoint(String text, String source, int lineNo) throws InspectException {
        Endpoints.Endpoint e = Endpoints.parse(text);
        if (e == null) {
            throw new InspectException(source + ": line " + lineNo + " has address \"" + LsofOutput.printable(text)
                    + "\", expected ADDRESS:PORT or [IPV6]:PORT");
        }
        return e;
    }

    /** Process names by id from {@code tasklist /fo csv}. */
    static Map<Long, String> tasklist(String text, String source) throws InspectException {
        Map<Long, String> out = new HashMap<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
                .skipEmptyLines(true).ofCsvRecord(text)) {
            boolean first = true;
            for (CsvRecord row : csv) {
                long line = row.getStartingLineNumber();
                String pidText = row.getFieldCount() < 2 ? "" : row.getField(1).strip();
                long pid = ProcScanner.pid(pidText);
                if (pid < 0 && first) {
                    first = false;
                    continue; // the header, in the system's language
                }
                first = false;
                if (pid < 0 || row.getField(0).isBlank()) {
                    throw new InspectException(source + ": line " + line + " has \""
                            + LsofOutput.printable(String.join(",", row.getFields())) + "\", expected \"IMAGE\",\"PID\",...");
                }
                out.put(pid, row.getField(0).strip());
            }
        } catch (CsvParseException | IOException | UncheckedIOException e) {
            throw new InspectException(source + ": malformed CSV: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The port exclusion ranges from {@code netsh int ipv4 show excludedportrange protocol=tcp}:
     * every line of two port numbers (start, end), with a {@code *} after an administered one;
     * headings, rules and the footnote are in the display language and are skipped.
     */
    static List<PortRange> netshExcludedPorts(String text, String source) throws InspectException {
        List<PortRange> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            java.util.regex.Matcher m = EXCLUSION.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long first = ProcScanner.pid(m.group(1));
            long last = ProcScanner.pid(m.group(2));
            if (first < 0 || last < first || last > PortRange.MAX_PORT) {
                throw new InspectException(source + ": line " + lineNo + " has the range \"" + LsofOutput.printable(line.strip())
                        + "\", expected a start and an end port within 0-65535");
            }
            out.add(new PortRange((int) first, (int) last));
        }
        return out;
    }

    private static final java.util.regex.Pattern EXCLUSION = java.util.regex.Pattern.compile(
            "\\s*(\\d{1,6})\\s+(\\d{1,6})(\\s+\\*)?\\s*\\r?");

    /** The dynamic port range from {@code netsh int ipv4 show dynamicport tcp|udp}. */
    static PortRange netshDynamicPorts(String text, String source) throws InspectException {
        long[] numbers = new long[2];
        int found = 0;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || found == 2) {
                continue;
            }
            long v = ProcScanner.pid(line.substring(colon + 1).strip());
            if (v >= 0) {
                numbers[found++] = v;
            }
        }
        if (found < 2 || numbers[0] > PortRange.MAX_PORT || numbers[1] < 1
                || numbers[0] + numbers[1] - 1 > PortRange.MAX_PORT) {
            throw new InspectException(source + " did not give a start port and a number of ports within 0-65535");
        }
        return new PortRange((int) numbers[0], (int) (numbers[0] + numbers[1] - 1));
    }

    static String address(String text, String source, long line, String column) throws InspectException {
        String a = Addresses.normalize(text);
        if (a == null) {
            throw new InspectException(source + ": line " + line + " has " + column + " \"" + LsofOutput.printable(text)
                    + "\", expected an IPv4 or IPv6 address");
        }
        return a;
    }

    static int port(String text, String source, long line, String column) throws InspectException {
        long p = ProcScanner.pid(text);
        if (p < 0 || p > PortRange.MAX_PORT) {
            throw new InspectException(source + ": line " + line + " has " + column + " \"" + LsofOutput.printable(text)
                    + "\", expected a port number from 0 to 65535");
        }
        return (int) p;
    }

    static long pid(String text, String source, long line, String column) throws InspectException {
        long p = ProcScanner.pid(text);
        if (p < 0 || p > 0xFFFF_FFFFL) {
            throw new InspectException(source + ": line " + line + " has " + column + " \"" + LsofOutput.printable(text)
                    + "\", expected a process id");
        }
        return p;
    }

    static AddressFamily family(String address) {
        return address.indexOf(':') >= 0 ? AddressFamily.IPV6 : AddressFamily.IPV4;
    }

    /** The owner of a socket; none for process 0, the idle process Windows names for connections in TIME_WAIT. */
    static List<SocketOwner> owners(long pid) {
        return pid == 0 ? List.of() : List.of(new SocketOwner(pid, null, null, null));
    }
}
