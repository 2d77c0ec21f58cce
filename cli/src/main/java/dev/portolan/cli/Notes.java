package dev.portolan.cli;

import dev.portolan.inspect.SocketScan;
import java.io.PrintWriter;

/** What a scan could not see, said plainly: under a table, or on standard error beside JSON and CSV. */
final class Notes {
    private Notes() {}

    static void table(PrintWriter out, SocketScan scan) {
        out.println();
        for (String l : scan.limitations()) {
            out.println("note: " + l);
        }
        out.println("read from: " + scan.source());
    }

    static void stderr(Console console, SocketScan scan) {
        for (String l : scan.limitations()) {
            console.err().println("note: " + l);
        }
        console.err().flush();
    }
}
