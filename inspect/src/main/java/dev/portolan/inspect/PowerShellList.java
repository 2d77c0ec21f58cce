package dev.portolan.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Get-NetTCPConnection} and {@code Get-NetUDPEndpoint} piped to {@code Format-List}
 * ({@code fl}, or {@code fl *} with every property): an entry per object, a line per property,
 * entries apart by blank lines:
 *
 * <pre>
 * LocalAddress   : ::
 * LocalPort      : 135
 * RemoteAddress  : ::
 * RemotePort     : 0
 * State          : Listen
 * AppliedSetting :
 * OwningProcess  : 1012
 * CreationTime   : 3/2/2026 8:14:09 AM
 * OffloadState   : InHost
 * </pre>
 *
 * <p>A value too long for the console goes on over the next lines, indented: their text is joined
 * to it (the values read have no spaces, so a break inside one is no space). A word alone on a
 * line that is not indented, under a value that is read, may be its rest too, its indentation
 * lost in a copy: then the entry is not read. An entry is read as in {@link PowerShellObject},
 * from the properties it shows; the others ({@code CreationTime}, {@code InstanceID}, {@code
 * CimClass}...) are not read. An entry that is not a socket is one unread line, its first, whose
 * reason names its lines.
 */
final class PowerShellList {
    /** {@code Name : value}, the value perhaps empty. */
    private static final Pattern PROPERTY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?:[ \t](.*))?");

    private PowerShellList() {}

    /** Whether a line is the LocalAddress of an entry. */
    static boolean isLocalAddress(String line) {
        Matcher m = PROPERTY.matcher(line.stripTrailing());
        return m.matches() && m.group(1).equals("LocalAddress");
    }

    static void read(String[] lines, String source, CaptureLedger out) {
        int i = 0;
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            int end = i;
            while (end < lines.length && !lines[end].isBlank()) {
                end++;
            }
            entry(lines, i, end, source, out);
            i = end;
        }
    }

    /** Reads the entry of lines {@code from} to {@code to} (exclusive, from 0). */
    private static void entry(String[] lines, int from, int to, String source, CaptureLedger out) {
        Map<String, StringBuilder> values = new LinkedHashMap<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        List<Integer> taken = new ArrayList<>(); // the lines of the entry's properties
        String last = null; // the property a line indented under it continues
        String twice = null;
        String doubt = null; // a line that may go on with a value read, its indentation lost
        for (int k = from; k < to; k++) {
            String line = lines[k];
            int no = k + 1;
            Matcher m = PROPERTY.matcher(line.stripTrailing());
            if (PowerShellObject.isPrompt(line)) {
                out.unread(no, line, "a PowerShell prompt, not a socket");
                last = null;
            } else if (m.matches()) {
                last = m.group(1);
                if (values.containsKey(last) && twice == null) {
                    twice = last;
                }
                values.put(last, new StringBuilder(m.group(2) == null ? "" : m.group(2).strip()));
                at.put(last, no);
                taken.add(no);
            } else if (last != null && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                values.get(last).append(line.strip());
                taken.add(no);
            } else {
                out.unread(no, line, "not a line of Format-List: neither Name : Value nor the indented rest of a long value");
                if (last != null && PowerShellObject.NAMES.contains(last) && doubt == null
                        && line.strip().chars().noneMatch(Character::isWhitespace)) {
                    doubt = "line " + no + ", under " + last + ", may be the rest of its value, not indented";
                }
                last = null;
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        int first = taken.get(0);
        List<Integer> others = taken.subList(1, taken.size());
        String span = "lines " + first + "-" + taken.get(taken.size() - 1);
        if (!values.containsKey("LocalAddress") && !values.containsKey("LocalPort")) {
            out.unread(first, lines[first - 1], "an entry of " + span + " without LocalAddress and LocalPort, not a "
                    + "socket of Get-NetTCPConnection or Get-NetUDPEndpoint", others);
            return;
        }
        if (twice != null) {
            out.unread(first, lines[first - 1], "the entry of " + span + " has " + twice + " twice: two entries "
                    + "without a blank line between them?", others);
            return;
        }
        if (doubt != null) {
            out.unread(first, lines[first - 1], "the entry of " + span + " is not read: " + doubt, others);
            return;
        }
        Map<String, PowerShellObject.Property> properties = new LinkedHashMap<>();
        values.forEach((name, text) -> {
            if (PowerShellObject.NAMES.contains(name) && text.length() > 0) {
                properties.put(name, new PowerShellObject.Property(text.toString(), at.get(name)));
            }
        });
        boolean tcp = values.keySet().stream().anyMatch(PowerShellObject.TCP_ONLY::contains);
        try {
            out.socket(PowerShellObject.read(properties, tcp, source, first), taken);
        } catch (InspectException e) {
            out.unread(first, lines[first - 1], "the entry of " + span + " is not read: " + out.withoutSource(e), others);
        }
    }
}
