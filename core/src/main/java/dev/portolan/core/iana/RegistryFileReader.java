package dev.portolan.core.iana;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads an official IANA registry file, XML or CSV, optionally gzip-compressed, telling the format
 * from the content rather than the file name.
 *
 * <p>Limits keep a hostile or damaged file from exhausting memory: the content, after
 * decompression, may hold at most {@link #MAX_CONTENT_BYTES} bytes, and each text field at most
 * 65,536 characters (64 Ki). Either is refused with a {@link RegistryFormatException} that names
 * the file and the limit.
 */
public final class RegistryFileReader {
    /**
     * The most bytes a registry file may hold, after gzip decompression: 64 MiB. IANA's XML is
     * about 4 MB (2025) and its CSV less; a file past the limit is not the registry, and a small
     * gzip file that expands past it is a compression bomb.
     */
    public static final long MAX_CONTENT_BYTES = 64L * 1024 * 1024;

    /** Where IANA publishes the registry's files. */
    static final String REGISTRY_PAGE = "https://www.iana.org/assignments/service-names-port-numbers/";

    private static final Pattern HTML_START = Pattern.compile("<(!DOCTYPE\\s+html|html)(\\s|>|/|$)",
            Pattern.CASE_INSENSITIVE);

    private RegistryFileReader() {}

    /** The formats this reader accepts. */
    public enum Format { XML, CSV }

    /**
     * Reads the registry in {@code file}.
     *
     * @throws RegistryFormatException if the file is missing, unreadable, truncated, past the limits
     *     of size, or not an IANA port registry in XML or CSV
     */
    public static RegistrySnapshot read(Path file) throws RegistryFormatException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new RegistryFormatException(name + ": is a directory, expected an IANA registry file (XML or CSV)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new RegistryFormatException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new RegistryFormatException(name + ": permission denied", e);
        } catch (IOException e) {
            throw new RegistryFormatException(name + ": could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads several files, on as many threads as there are processors, at most one a file (a
     * release takes a few hundred milliseconds of one processor), in the order given.
     *
     * @throws RegistryFormatException for the first file in the order given that cannot be read
     */
    public static List<RegistrySnapshot> readAll(java.util.Collection<Path> files) throws RegistryFormatException {
        int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
        List<RegistrySnapshot> out = new java.util.ArrayList<>(files.size());
        if (threads <= 1) {
            for (Path f : files) {
                out.add(read(f));
            }
            return out;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "portolan-registry-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<RegistrySnapshot>> reads = new java.util.ArrayList<>(files.size());
            for (Path f : files) {
                reads.add(pool.submit(() -> read(f)));
            }
            for (java.util.concurrent.Future<RegistrySnapshot> r : reads) {
                out.add(r.get());
            }
            return out;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RegistryFormatException r) {
                throw r;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the registry files", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads a registry from a stream, naming it {@code sourceName} in messages. */
    public static RegistrySnapshot read(InputStream raw, String sourceName) throws RegistryFormatException {
        LimitedInputStream limited = null;
        boolean compressed = false;
        try {
            InputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            compressed = b0 == 0x1f && b1 == 0x8b;
            limited = new LimitedInputStream(compressed ? new GZIPInputStream(in, 1 << 16) : in, MAX_CONTENT_BYTES);
            in = new BufferedInputStream(limited, 1 << 16);
            Format format = detect(in, sourceName);
            return switch (format) {
                case XML -> new IanaXmlReader(sourceName).read(in);
                case CSV -> new IanaCsvReader(sourceName).read(new InputStreamReader(in, StandardCharsets.UTF_8));
            };
        } catch (RegistryFormatException e) {
            // The parsers report the failed read in words of their own; the limit is the cause.
            throw limited != null && limited.exceeded() ? tooLarge(sourceName, compressed, e) : e;
        } catch (java.io.EOFException e) {
            throw new RegistryFormatException(sourceName + ": the file ends early (truncated download?)", e);
        } catch (IOException e) {
            if (limited != null && limited.exceeded()) {
                throw tooLarge(sourceName, compressed, e);
            }
            throw new RegistryFormatException(sourceName + ": could not be read: " + e.getMessage(), e);
        }
    }

    private static RegistryFormatException tooLarge(String sourceName, boolean compressed, Exception cause) {
        String limit = (MAX_CONTENT_BYTES >> 20) + " MiB";
        return new RegistryFormatException(sourceName + (compressed ? ": expands to more than " + limit
                + " when decompressed" : ": is larger than " + limit) + ", the limit for a registry file (IANA's "
                + "is about 4 MB); it is not the registry, or it is damaged", cause);
    }

    /**
     * Whether markup starts as an HTML page does: {@code <!DOCTYPE html>} or an {@code <html>}
     * element, after any XML declaration, comments and white space, in any letter case.
     */
    static boolean isHtml(String markup) {
        String s = markup.stripLeading();
        while (true) {
            if (s.startsWith("<?")) {
                int end = s.indexOf("?>");
                s = end < 0 ? "" : s.substring(end + 2).stripLeading();
            } else if (s.startsWith("<!--")) {
                int end = s.indexOf("-->", 4);
                s = end < 0 ? "" : s.substring(end + 3).stripLeading();
            } else {
                break;
            }
        }
        return HTML_START.matcher(s).lookingAt();
    }

    /** The refusal of an HTML page: a login, error or download page saved in place of the registry. */
    static RegistryFormatException htmlPage(String sourceName) {
        return new RegistryFormatException(sourceName + ": is an HTML page, not the IANA port registry; download "
                + "service-names-port-numbers.xml (or .csv) from " + REGISTRY_PAGE);
    }

    /** How many first bytes {@link #checkStart} wants. */
    public static final int START_BYTES = 4096;

    /**
     * Refuses, from its first {@link #START_BYTES} bytes, content that cannot be a registry (zeros,
     * binary data, an HTML page, other text), as reading it would; a download can stop there
     * instead of fetching the rest. Compressed content, and a start of nothing but white space, are
     * left to the full read.
     *
     * @throws RegistryFormatException saying what the content is instead
     */
    public static void checkStart(byte[] head, int length, String sourceName) throws RegistryFormatException {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return;
        }
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        if (text.replace("\uFEFF", "").isBlank()) {
            return;
        }
        try {
            detect(new java.io.ByteArrayInputStream(head, 0, length), sourceName);
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory", e);
        }
    }

    /** Detects the format from the first bytes; the stream must support mark. */
    static Format detect(InputStream in, String sourceName) throws IOException, RegistryFormatException {
        in.mark(4096);
        byte[] head = in.readNBytes(4096);
        in.reset();
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw new RegistryFormatException(sourceName + ": the file is empty, expected an IANA registry (XML or CSV)");
        }
        if (start.startsWith("<")) {
            if (isHtml(start)) {
                throw htmlPage(sourceName);
            }
            return Format.XML;
        }
        if (start.startsWith("Service Name,") || start.startsWith("\"Service Name\",")) {
            return Format.CSV;
        }
        String firstLine = start.lines().findFirst().orElse("");
        if (firstLine.length() > 60) {
            firstLine = firstLine.substring(0, 60) + "...";
        }
        throw new RegistryFormatException(sourceName + ": not an IANA port registry (starts with \""
                + firstLine.replaceAll("\\p{Cntrl}", "?") + "\"); expected the XML or CSV file of "
                + "service-names-port-numbers");
    }
}
