package dev.portolan.cli;

import java.io.FilterWriter;
import java.io.Writer;

/** Lets a formatter close its own writer without closing standard output. */
final class NonClosingWriter extends FilterWriter {
    NonClosingWriter(Writer out) {
        super(out);
    }

    @Override
    public void close() {
        // standard output stays open for the rest of the run
    }
}
