package dev.portolan.inspect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a person captured on another machine and pasted here: the output of {@code ss}
 * ({@code -tulpn}, {@code -tanp}), Linux {@code netstat -tulpn}, {@code lsof -i} (with or without
 * {@code -n -P}), Windows {@code netstat -ano} or {@code -anob}, the Linux socket tables {@code
 * /proc/net/tcp}, {@code tcp6}, {@code udp} and {@code udp6} as {@code cat} or {@code head} print
 * them (see {@link ProcNetCapture}), or PowerShell's {@code Get-NetTCPConnection} and {@code
 * Get-NetUDPEndpoint} as they print by default, in a table (see {@link PowerShellTable}), piped to
 * {@code Format-List} (see {@link PowerShellList}) or to {@code ConvertTo-Csv}. A capture may be
 * UTF-8 or, after its byte order mark, UTF-16 (what Windows PowerShell's {@code >} writes). The
 * format is found from the text; every line is read on its own, or with the lines of its entry
 * (a list's, a wrapped row's), and a line that is not a socket of that format is kept with the
 * reason, never dropped in silence.
 */
public final class CapturedOutput {
    /** The most bytes a capture may have. */
    public static final int MOST_BYTES = 8 * 1024 * 1024;
    private static final Pattern WINDOWS_SOCKET = Pattern.compile("\\s*(TCP|UDP)\\s+\\S+:\\S+\\s+.*");
    private static final String PROC_NET = "/proc/net tables";
    private static final String POWERSHELL_TABLE = "PowerShell table";
    private static final String POWERSHELL_LIST = "PowerShell list";
    private static final Pattern BRACKETED = Pattern.compile("\\s*\\[(.+)]\\s*");

    private CapturedOutput() {}

    /** What a capture held. */
    public record Reading(String format, List<LocalSocket> sockets, List<Unread> unread) {
        public Reading {
            sockets = List.copyOf(sockets);
            unread = List.copyOf(unread);
        }
    }

    /** A line that is not a socket of the capture's format, and why. */
    public record Unread(int line, String text, String why) {}

    /**
     * Reads a capture.
     *
     * @throws InspectException if it is too large, not text, or in no format this class knows
     */
    public static Reading read(byte[] bytes, String source) throws InspectException {
        return ledger(bytes, source).reading();
    }

    /** Reads a capture and gives the account of each of its lines. */
    static CaptureLedger ledger(byte[] bytes, String source) throws InspectException {
        if (bytes.length > MOST_BYTES) {
            throw new InspectException(source + " has " + bytes.length + " bytes; a capture may have at most "
                    + MOST_BYTES + " (8 MiB)");
        }
        String text = text(bytes, source);
        if (text.indexOf('\0') >= 0) {
            throw new InspectException(source + " is not text (it holds NUL bytes): give the output of ss, netstat, lsof, "
                    + "cat /proc/net/tcp or PowerShell as text");
        }
        String[] lines = text.split("\r?\n", -1);
        String format = format(lines);
        if (format == null) {
            throw new InspectException(source + " is not output this command knows: give ss -tulpn or -tanp, netstat "
                    + "-tulpn (Linux) or -ano (Windows), lsof -i, cat /proc/net/tcp (tcp6, udp, udp6), or "
                    + "Get-NetTCPConnection or Get-NetUDPEndpoint as PowerShell prints them, with | Format-List or with "
                    + "| ConvertTo-Csv");
        }
        CaptureLedger out = new CaptureLedger(format, source, lines);
        switch (format) {
            case PROC_NET -> ProcNetCapture.read(lines, source, out);
            case POWERSHELL_TABLE -> PowerShellTable.read(lines, source, out);
            case POWERSHELL_LIST -> PowerShellList.read(lines, source, out);
            default -> lineByLine(lines, format, source, out);
        }
        return out;
    }

    /**
     * The text of a capture: UTF-16 after its byte order mark (what {@code >} and {@code Out-File}
     * write in Windows PowerShell), UTF-8 with or without one, else byte for byte.
     */
    private static String text(byte[] bytes, String source) throws InspectException {
        Charset utf16 = null;
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            utf16 = StandardCharsets.UTF_16LE;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            utf16 = StandardCharsets.UTF_16BE;
        }
        if (utf16 != null) {
            try {
                return strict(utf16, bytes, 2);
            } catch (CharacterCodingException e) {
                throw new InspectException(source + " starts with the byte order mark of " + utf16.name()
                        + " but is not " + utf16.name() + " text: save the capture again, or as UTF-8");
            }
        }
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return strict(StandardCharsets.UTF_8, bytes, from);
        } catch (CharacterCodingException e) {
            // Windows consoles write their code page: read it byte for byte (the numbers and names are ASCII)
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String strict(Charset charset, byte[] bytes, int from) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
    }

    /** Reads the formats whose every line stands alone (a bracketed program name of netstat -anob aside). */
    private static void lineByLine(String[] lines, String format, String source, CaptureLedger out) {
        String header = null;
        boolean started = false;
        boolean nameable = false; // whether the last netstat line was read as a socket that a [program] line may name
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int no = i + 1;
            if (line.isBlank()) {
                continue;
            }
            try {
                switch (format) {
                    case "ss" -> {
                        if (SsOutput.isHeader(line)) {
                            out.heading(no);
                            continue;
                        }
                        out.socket(SsOutput.line(line, source, no), no);
                    }
                    case "netstat (Linux)" -> {
                        if (NetstatOutput.isHeader(line) || NetstatOutput.isPreamble(line)) {
                            out.heading(no);
                            continue;
                        }
                        if (line.startsWith("unix") || line.startsWith("Proto RefCnt")) {
                            out.unread(no, line, "a unix socket, not a network one");
                            continue;
                        }
                        out.socket(NetstatOutput.line(line, source, no), no);
                    }
                    case "lsof" -> {
                        if (line.startsWith("COMMAND")) {
                            header = line;
                            out.heading(no);
                            continue;
                        }
                        List<LocalSocket> one = new LsofOutput(source, true).parse(header + "\n" + line);
                        if (one.isEmpty()) {
                            out.unread(no, line, "not a TCP or UDP socket with a port");
                        }
                        for (LocalSocket s : one) {
                            out.socket(s, no);
                        }
                    }
                    case "PowerShell CSV" -> {
                        if (line.startsWith("#TYPE")) {
                            out.heading(no);
                            continue;
                        }
                        if (line.contains("LocalAddress")) {
                            header = line;
                            out.heading(no);
                            continue;
                        }
                        List<LocalSocket> some = WindowsOutput.powerShell(header + "\n" + line, source, true);
                        if (some.isEmpty()) {
                            out.unread(no, line, "not a socket this command lists");
                        }
                        for (LocalSocket s : some) {
                            out.socket(s, no);
                        }
                    }
                    default -> { // netstat -ano or -anob (Windows)
                        var m = BRACKETED.matcher(line);
                        LocalSocket last = out.last();
                        if (m.matches() && started) {
                            // -anob names the program under its socket's line, after the service if any
                            if (nameable && last != null) {
                                out.amendLast(named(last, m.group(1)), no);
                                nameable = false;
                            } else {
                                out.unread(no, line, "names the program of a line above that was not read as a socket");
                            }
                            continue;
                        }
                        if (!WINDOWS_SOCKET.matcher(line).matches()) {
                            if (started) {
                                out.unread(no, line, "not a TCP or UDP line of netstat");
                            } else {
                                out.heading(no); // the headings before the first socket
                            }
                            continue;
                        }
                        started = true;
                        nameable = false;
                        List<LocalSocket> one = WindowsOutput.netstat(line, source, true);
                        if (one.isEmpty()) {
                            out.unread(no, line, "a state this command does not read (netstat writes it in "
                                    + "the display language)");
                        }
                        for (LocalSocket s : one) {
                            out.socket(s, no);
                        }
                        nameable = !one.isEmpty();
                    }
                }
            } catch (InspectException e) {
                out.unread(no, line, e);
            } catch (RuntimeException e) {
                out.unread(no, line, "not a socket: " + e.getMessage());
            }
        }
    }

    private static LocalSocket named(LocalSocket s, String name) {
        List<SocketOwner> owners = new ArrayList<>();
        for (SocketOwner o : s.owners()) {
            owners.add(new SocketOwner(o.pid(), name, o.commandLine(), o.user()));
        }
        return new LocalSocket(s.transport(), s.family(), s.address(), s.port(), s.state(), s.remoteAddress(),
                s.remotePort(), s.user(), owners);
    }

    /** The format of a capture, from its lines, or null. */
    static @Nullable String format(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || NetstatOutput.isPreamble(line) || line.startsWith("#TYPE")) {
                continue;
            }
            if (SsOutput.isHeader(line)) {
                return "ss";
            }
            if (ProcNetCapture.isHeader(line)) {
                return PROC_NET;
            }
            if (NetstatOutput.isHeader(line)) {
                return "netstat (Linux)";
            }
            if (line.startsWith("COMMAND") && line.contains("NAME")) {
                return "lsof";
            }
            if (line.contains("LocalAddress") && line.contains(",")) {
                return "PowerShell CSV";
            }
            if (PowerShellTable.isHeader(lines, i)) {
                return POWERSHELL_TABLE;
            }
            if (PowerShellList.isLocalAddress(line)) {
                return POWERSHELL_LIST;
            }
            if (WINDOWS_SOCKET.matcher(line).matches()) {
                return "netstat (Windows)";
            }
        }
        return null;
    }
}
