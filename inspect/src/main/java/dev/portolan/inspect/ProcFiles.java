package dev.portolan.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads files of {@code /proc}. They report a size of 0, and {@link Files#readAllBytes}, trusting
 * it, reads one byte and then asks for the rest from offset 1, which the kernel's sysctl files
 * answer with end of file: {@code ip_local_port_range} would read as {@code 3}. A stream read
 * from the start in large blocks gets the whole text.
 */
final class ProcFiles {
    private ProcFiles() {}

    static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }
}
