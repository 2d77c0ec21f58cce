package dev.portolan.cli;

import dev.portolan.inspect.Note;
import dev.portolan.inspect.SocketScan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scan could not see, said plainly: under a table, or on standard error beside JSON and CSV.
 * A note that starts with two spaces continues the one before it (a line of a capture that was not
 * read, under the count of such lines).
 */
final class Notes {
    private Notes() {}

    /** The notes of the inspection in words. */
    static List<String> said(CliText text, List<Note> notes) {
        List<String> out = new ArrayList<>(notes.size());
        for (Note n : notes) {
            out.add(text.say(n));
        }
        return out;
    }

    /** Under a table: what the scan could not see of the sockets it concerns, then where it read. */
    static void table(PrintWriter out, CliText text, SocketScan scan, List<String> notes) {
        table(out, text, scan.source(), notes);
    }

    static void table(PrintWriter out, CliText text, String source, List<String> notes) {
        out.println();
        for (String l : notes) {
            out.println(line(text, l));
        }
        out.println(text.say("note.readFrom", "source", source));
    }

    static void table(PrintWriter out, CliText text, SocketScan scan) {
        table(out, text, scan, said(text, scan.notes()));
    }

    static void stderr(Console console, CliText text, SocketScan scan) {
        stderr(console, text, said(text, scan.notes()));
    }

    static void stderr(Console console, CliText text, List<String> notes) {
        for (String l : notes) {
            console.err().println(line(text, l));
        }
        console.err().flush();
    }

    private static String line(CliText text, String note) {
        return note.startsWith("  ") ? "     " + note : text.say("note.line", "text", note);
    }
}
