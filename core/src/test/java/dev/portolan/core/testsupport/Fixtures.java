package dev.portolan.core.testsupport;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.iana.RegistryFileReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** The small registry files under {@code src/test/resources/fixtures}. */
public final class Fixtures {
    /** The fixture registry in IANA's XML form. */
    public static final String XML = "registry.xml";
    /** The same records in IANA's CSV form. */
    public static final String CSV = "registry.csv";
    /** A services(5) file. */
    public static final String SERVICES = "services";
    /** The {@code <updated>} date of the XML fixture. */
    public static final String XML_UPDATED = "2025-06-30";
    /** Records in either fixture registry. */
    public static final int RECORDS = 29;

    private Fixtures() {}

    public static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a fixture; works when the fixtures are inside the test jar, unlike {@link #path}. */
    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static RegistrySnapshot read(String name) {
        try {
            URL url = Fixtures.class.getResource("/fixtures/" + name);
            // From a directory the snapshot is labelled with its path; from the test jar (other
            // modules' tests) with its name.
            return url != null && url.getProtocol().equals("file") ? RegistryFileReader.read(path(name))
                    : readBytes(bytes(name), name);
        } catch (RegistryFormatException e) {
            throw new IllegalStateException("fixture " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The XML fixture as a snapshot. */
    public static RegistrySnapshot xml() {
        return read(XML);
    }

    /** Reads bytes as a registry named {@code name}, as a download would be read. */
    public static RegistrySnapshot readBytes(byte[] content, String name) throws RegistryFormatException {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return RegistryFileReader.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
