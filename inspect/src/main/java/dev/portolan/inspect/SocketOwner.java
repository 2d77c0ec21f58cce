package dev.portolan.inspect;

import org.jspecify.annotations.Nullable;

/**
 * A process that holds a socket.
 *
 * @param pid the process id
 * @param name the program name as the system reports it (Linux: {@code /proc/PID/comm}, at most 15
 *     characters; lsof: its COMMAND column; Windows: the image name), or null when the system gave
 *     a process id but no name
 * @param commandLine the whole command line, or null where the source does not give it (lsof and
 *     Windows) or the process hides it
 * @param user the user the process runs as, or null where the source does not give it
 */
public record SocketOwner(long pid, @Nullable String name, @Nullable String commandLine, @Nullable String user) {
    public SocketOwner {
        if (pid < 0) {
            throw new IllegalArgumentException("process id " + pid + " is negative");
        }
    }
}
