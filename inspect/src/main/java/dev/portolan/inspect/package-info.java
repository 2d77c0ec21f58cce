/**
 * What listens on this machine: the sockets of the local system with the processes that hold
 * them, read natively from {@code /proc} on Linux and from the output of {@code lsof} (macOS and
 * other Unix systems) or PowerShell, {@code netstat} and {@code tasklist} (Windows).
 *
 * <p>{@link dev.portolan.inspect.LocalSockets} is the entry point; it returns a {@link
 * dev.portolan.inspect.SocketScan}. Everything is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.portolan.inspect;

import org.jspecify.annotations.NullMarked;
