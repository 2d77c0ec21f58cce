package dev.portolan.core;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a whole file through java.io: a command line that reads a file or two at its start (the
 * active snapshot, {@code /proc}'s tables) would otherwise pay java.nio's first file channel, its
 * native library and classes, some milliseconds (bench/README.md). The file is read as a stream
 * from its start in large blocks, so files that report a size of 0 ({@code /proc}'s) are read
 * whole too.
 */
public final class FileBytes {
    private FileBytes() {}

    /**
     * The whole content of a file.
     *
     * @throws NoSuchFileException if there is no such file
     * @throws IOException if it cannot be read
     */
    public static byte[] read(Path file) throws IOException {
        File f = file.toFile();
        try (InputStream in = new FileInputStream(f)) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            if (!f.exists()) {
                throw new NoSuchFileException(file.toString());
            }
            throw e;
        }
    }
}
