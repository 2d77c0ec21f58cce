package dev.portolan.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads files of {@code /proc} (and {@code /etc/passwd}). They report a size of 0, and {@link
 * Files#readAllBytes}, trusting it, reads one byte and then asks for the rest from offset 1, which
 * the kernel's sysctl files answer with end of file: {@code ip_local_port_range} would read as
 * {@code 3}. A stream read from the start in large blocks gets the whole text. The stream is
 * java.io's: java.nio's file channels load their native library and classes first, some
 * milliseconds of a command line's start (bench/README.md).
 */
final class ProcFiles {
    private ProcFiles() {}

    /**
     * The whole content of a file.
     *
     * @throws NoSuchFileException if there is no such file
     */
    static byte[] read(Path file) throws IOException {
        java.io.File f = file.toFile();
        try (InputStream in = new java.io.FileInputStream(f)) {
            return in.readAllBytes();
        } catch (java.io.FileNotFoundException e) {
            if (!f.exists()) {
                throw new NoSuchFileException(file.toString());
            }
            throw e;
        }
    }
}
