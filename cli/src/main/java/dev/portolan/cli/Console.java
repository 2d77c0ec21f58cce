package dev.portolan.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The streams and environment one run of the program uses, so that tests can run commands
 * in-process and read what they print.
 *
 * @param out standard output: the answer
 * @param err standard error: warnings, progress and errors
 * @param env the environment variables
 * @param interactive whether standard error is a terminal (progress bars only then)
 */
record Console(PrintWriter out, PrintWriter err, Map<String, String> env, boolean interactive) {}
