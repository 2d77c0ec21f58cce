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
import java.util.zip.GZIPInputStream;

/**
 * Reads an official IANA registry file, XML or CSV, optionally gzip-compressed, telling the format
 * from the content rather than the file name.
 */
public final class RegistryFileReader {
    private RegistryFileReader() {}

    /** The formats this reader accepts. */
    public enum Format { XML, CSV }

    /**
     * Reads the registry in {@code file}.
     *
     * @throws RegistryFormatException if the file is missing, unreadable, truncated, or not an IANA
     *     port registry in XML or CSV
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

    /** Reads a registry from a stream, naming it {@code sourceName} in messages. */
    public static RegistrySnapshot read(InputStream raw, String sourceName) throws RegistryFormatException {
        try {
            InputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            Format format = detect(in, sourceName);
            return switch (format) {
                case XML -> new IanaXmlReader(sourceName).read(in);
                case CSV -> new IanaCsvReader(sourceName).read(new InputStreamReader(in, StandardCharsets.UTF_8));
            };
        } catch (java.io.EOFException e) {
            throw new RegistryFormatException(sourceName + ": the file ends early (truncated download?)", e);
        } catch (IOException e) {
            throw new RegistryFormatException(sourceName + ": could not be read: " + e.getMessage(), e);
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
