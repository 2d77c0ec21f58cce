package dev.portolan.core.testsupport;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Inputs that attack a reader by their size, made without ever holding that size in memory. */
public final class HostileFiles {
    /** What one compressed gzip member of a bomb expands to. */
    private static final long MEMBER_BYTES = 64L << 20;

    private HostileFiles() {}

    /**
     * Writes a gzip bomb: {@code head}, then spaces, {@code expanded} bytes in all once
     * decompressed, about a thousandth of that on disk. One gzip member of 64 MiB of spaces is
     * compressed once and written again and again; gzip readers read concatenated members as one
     * stream. Spaces rather than zeros, so that a registry's head stays well-formed and only a
     * limit of size can stop the reader.
     */
    public static Path gzipBomb(Path file, byte[] head, long expanded) throws IOException {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(member);
                InputStream spaces = repeated((byte) ' ', MEMBER_BYTES)) {
            spaces.transferTo(gz);
        }
        byte[] compressed = member.toByteArray();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(Fixtures.gzip(head));
            for (long written = head.length; written < expanded; written += MEMBER_BYTES) {
                out.write(compressed);
            }
        }
        return file;
    }

    /** {@code head}, then spaces up to {@code total} bytes in all, made as they are read. */
    public static InputStream spacesAfter(byte[] head, long total) {
        return new SequenceInputStream(new ByteArrayInputStream(head), repeated((byte) ' ', total - head.length));
    }

    /** {@code count} copies of {@code value}, made as they are read. */
    public static InputStream repeated(byte value, long count) {
        return new InputStream() {
            private long left = count;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return value & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, value);
                left -= n;
                return n;
            }
        };
    }
}
