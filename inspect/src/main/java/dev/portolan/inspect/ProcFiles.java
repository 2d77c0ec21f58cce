package dev.portolan.inspect;

import dev.portolan.core.FileBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads files of {@code /proc} (and {@code /etc/passwd}). They report a size of 0, and {@link
 * Files#readAllBytes}, trusting it, reads one byte and then asks for the rest from offset 1, which
 * the kernel's sysctl files answer with end of file: {@code ip_local_port_range} would read as
 * {@code 3}. {@link FileBytes} reads a stream from the start in large blocks, which gets the whole
 * text, and spares the command java.nio's file channels.
 */
final class ProcFiles {
    private ProcFiles() {}

    /**
     * The whole content of a file.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such file
     */
    static byte[] read(Path file) throws IOException {
        return FileBytes.read(file);
    }
}
