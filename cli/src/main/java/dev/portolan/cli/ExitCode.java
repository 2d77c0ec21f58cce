package dev.portolan.cli;

/** The exit codes of every command. */
final class ExitCode {
    /** Done. */
    static final int OK = 0;
    /** A runtime failure: network, disk, or a damaged store. Also: audit findings (later). */
    static final int FAILURE = 1;
    /** Bad input: an argument, an option or an import file; nothing was changed. */
    static final int BAD_INPUT = 2;

    private ExitCode() {}
}
