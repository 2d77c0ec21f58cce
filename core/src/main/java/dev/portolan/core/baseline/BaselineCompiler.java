package dev.portolan.core.baseline;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.iana.RegistryFileReader;
import dev.portolan.core.snapshot.SnapshotCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

/**
 * Build step: compiles the committed IANA registry release into the binary snapshot bundled in the
 * jar, after checking it against the release record beside it ({@code RELEASE}: file, registry
 * date, SHA-256 of the XML as IANA serves it). Run by the build as {@code BaselineCompiler RELEASE
 * OUTPUT}; not part of the program's commands.
 */
public final class BaselineCompiler {
    private BaselineCompiler() {}

    public static void main(String[] args) throws IOException, RegistryFormatException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BaselineCompiler RELEASE OUTPUT.snapshot");
        }
        Path release = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, SnapshotCodec.encode(compile(release)));
    }

    /**
     * The snapshot of the release a record names.
     *
     * @throws RegistryFormatException if the record is incomplete, or the file it names is missing,
     *     is not the registry, or differs from the record in hash or date
     */
    static RegistrySnapshot compile(Path release) throws IOException, RegistryFormatException {
        Properties record = new Properties();
        try (Reader in = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            record.load(in);
        }
        String file = required(record, "file", release);
        String sha256 = required(record, "sha256", release);
        LocalDate updated;
        try {
            updated = LocalDate.parse(required(record, "updated", release));
        } catch (java.time.format.DateTimeParseException e) {
            throw new RegistryFormatException(release + ": updated=" + record.getProperty("updated")
                    + " is not a date (YYYY-MM-DD)", e);
        }
        Path registry = release.resolveSibling(file);
        byte[] xml;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(registry))) {
            xml = in.readAllBytes();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RegistryFormatException(registry + ": no such file (named by " + release + ")", e);
        }
        String actual = sha256(xml);
        if (!actual.equals(sha256)) {
            throw new RegistryFormatException(registry + ": its XML has SHA-256 " + actual + ", but " + release
                    + " records " + sha256 + "; refresh both with scripts/update-baseline");
        }
        RegistrySnapshot read = RegistryFileReader.read(new ByteArrayInputStream(xml), file);
        if (!updated.equals(read.info().updated())) {
            throw new RegistryFormatException(registry + ": the registry says it was updated on "
                    + read.info().updated() + ", but " + release + " records " + updated);
        }
        return read.withInfo(new SnapshotInfo(SnapshotInfo.Source.BASELINE,
                "IANA registry of " + updated + ", SHA-256 " + sha256.substring(0, 12), updated, null));
    }

    private static String required(Properties record, String key, Path release) throws RegistryFormatException {
        String value = record.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new RegistryFormatException(release + ": has no " + key + "= line");
        }
        return value;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
