package dev.portolan.cli;

/** The exit codes of every command. */
final class ExitCode {
    /** Done. */
    static final int OK = 0;
    /** A runtime failure: network, disk, a damaged store, or local sockets that cannot be read. */
    static final int FAILURE = 1;
    /** {@code audit}: it found something. */
    static final int FINDINGS = 1;
    /** {@code check}: the port is taken. */
    static final int TAKEN = 1;
    /** Bad input: an argument, an option or an import file; nothing was changed. */
    static final int BAD_INPUT = 2;

    private ExitCode() {}
}
