/**
 * The {@code portolan} command line: picocli commands over {@code core}. {@link
 * dev.portolan.cli.Main} is the entry point; it is the only place that writes to standard output
 * and standard error.
 */
@NullMarked
package dev.portolan.cli;

import org.jspecify.annotations.NullMarked;
