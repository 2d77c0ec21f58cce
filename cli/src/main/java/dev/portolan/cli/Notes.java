package dev.portolan.cli;

import dev.portolan.inspect.SocketScan;
import java.io.PrintWriter;
import java.util.List;

/** What a scan could not see, said plainly: under a table, or on standard error beside JSON and CSV. */
final class Notes {
    private Notes() {}

    /** Under a table: what the scan could not see of the sockets it concerns, then where it read. */
    static void table(PrintWriter out, SocketScan scan, List<String> notes) {
        table(out, scan.source(), notes);
    }

    static void table(PrintWriter out, String source, List<String> notes) {
        out.println();
        for (String l : notes) {
            out.println(l.startsWith("  ") ? "     " + l : "note: " + l);
        }
        out.println("read from: " + source);
    }

    static void table(PrintWriter out, SocketScan scan) {
        table(out, scan, scan.notes());
    }

    static void stderr(Console console, SocketScan scan) {
        stderr(console, scan.notes());
    }

    static void stderr(Console console, List<String> notes) {
        for (String l : notes) {
            console.err().println(l.startsWith("  ") ? "     " + l : "note: " + l);
        }
        console.err().flush();
    }
}
