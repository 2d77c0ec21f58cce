package dev.portolan.inspect;

import dev.portolan.core.PortRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Linux's port settings from {@code /proc/sys/net/ipv4} (they apply to IPv6 too):
 * {@code ip_local_port_range} ({@code 32768\t60999}), {@code ip_local_reserved_ports} (empty, or
 * {@code 8080,9000-9010}) and {@code ip_unprivileged_port_start} ({@code 1024}; absent before
 * Linux 4.11, where the limit is fixed at 1024). They belong to the network namespace of the reader.
 */
final class ProcSettings {
    /** The fixed limit of kernels without {@code ip_unprivileged_port_start}. */
    static final int CLASSIC_PRIVILEGED_BELOW = 1024;

    private final Path dir;

    ProcSettings(Path proc) {
        this.dir = proc.resolve("sys").resolve("net").resolve("ipv4");
    }

    PortSettings read() throws InspectException {
        PortRange ephemeral = range(read("ip_local_port_range"));
        String reservedText = readOptional("ip_local_reserved_ports");
        List<PortRange> reserved = reservedText == null ? List.of() : reserved(reservedText);
        String startText = readOptional("ip_unprivileged_port_start");
        int start = startText == null ? CLASSIC_PRIVILEGED_BELOW : number(startText.strip(), "ip_unprivileged_port_start");
        if (start > PortRange.MAX_PORT + 1) {
            throw new InspectException(dir.resolve("ip_unprivileged_port_start") + " is " + start
                    + ", expected a port number from 0 to 65536");
        }
        return new PortSettings(ephemeral, ephemeral, reserved, start, false, dir.toString());
    }

    private String read(String name) throws InspectException {
        String text = readOptional(name);
        if (text == null) {
            throw new InspectException(dir.resolve(name) + ": no such file (is /proc mounted?)");
        }
        return text;
    }

    private @org.jspecify.annotations.Nullable String readOptional(String name) throws InspectException {
        Path file = dir.resolve(name);
        try {
            return new String(ProcFiles.read(file), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new InspectException(file + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The words of a text between white space, as {@code strip().split("\\s+")} gives them, without
     * compiling a regular expression (which costs a command line's start about a millisecond).
     */
    static String[] words(String unstripped) {
        String text = unstripped.strip();
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i));
            }
        }
        return out.isEmpty() ? new String[] {""} : out.toArray(new String[0]);
    }

    /** White space as {@code \\s} matches it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code FIRST<whitespace>LAST}. */
    PortRange range(String text) throws InspectException {
        String[] parts = words(text);
        String name = "ip_local_port_range";
        if (parts.length != 2) {
            throw new InspectException(dir.resolve(name) + " is \"" + printable(text) + "\", expected two port numbers");
        }
        int first = number(parts[0], name);
        int last = number(parts[1], name);
        if (first > PortRange.MAX_PORT || last > PortRange.MAX_PORT || first > last) {
            throw new InspectException(dir.resolve(name) + " is \"" + printable(text)
                    + "\", expected two port numbers from 0 to 65535, the lower first");
        }
        return new PortRange(first, last);
    }

    /** Comma-separated ports and ranges; empty text for none. */
    List<PortRange> reserved(String text) throws InspectException {
        List<PortRange> out = new ArrayList<>();
        String name = "ip_local_reserved_ports";
        for (String part : text.strip().split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            int first = number(dash < 0 ? p : p.substring(0, dash), name);
            int last = dash < 0 ? first : number(p.substring(dash + 1), name);
            if (first > PortRange.MAX_PORT || last > PortRange.MAX_PORT || first > last) {
                throw new InspectException(dir.resolve(name) + " lists \"" + printable(p)
                        + "\", expected ports or ranges from 0 to 65535, the lower first");
            }
            out.add(new PortRange(first, last));
        }
        return out;
    }

    private int number(String text, String name) throws InspectException {
        long v = ProcScanner.pid(text);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new InspectException(dir.resolve(name) + " has \"" + printable(text) + "\", expected a number");
        }
        return (int) v;
    }

    private static String printable(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return ProcNetTable.ascii(b, 0, b.length);
    }
}
