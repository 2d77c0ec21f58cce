package dev.portolan.knowledge.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Where the search index of an imported registry is kept between runs, so that a search over it
 * reads the index instead of indexing the registry's fourteen thousand records at each start
 * (the embedded baseline's index is compiled by the build, {@link CompiledSearch}).
 *
 * <p>The file holds the registry's terms and the labels of its ports, stamped with what they were
 * made from: the snapshot file (its name, which carries a digest of its content, its size and its
 * time) and the program's own compiled index (a CRC-32 of it: the knowledge's terms and the
 * labels made from them change with the program). A file whose stamps differ, that is damaged or
 * cut short (a CRC-32 of the whole closes it) or of another format is not read: the index is made
 * again and the file replaced. The file is only ever replaced whole (written beside, then renamed
 * over), so two commands that write it at once leave one of their two equal files. Writing is
 * best effort: when the directory cannot be written, the search answers all the same.
 *
 * <p>Layout: the magic {@code PRTLSIDX}, a format version, the snapshot's stamp, the knowledge's
 * stamp, the registry's terms and the labels as their classes write them, the CRC-32 of all
 * before it.
 *
 * @param file the index's file
 * @param snapshotStamp what identifies the snapshot the index belongs to
 */
public record SearchIndexFile(Path file, String snapshotStamp) {
    /** The name of the file in its directory. */
    public static final String NAME = "search.index";
    private static final byte[] MAGIC = "PRTLSIDX".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    public SearchIndexFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(snapshotStamp, "snapshotStamp");
    }

    /**
     * The index file in {@code directory} for the snapshot stored in {@code snapshotFile}.
     *
     * @throws IOException if the snapshot file cannot be examined
     */
    public static SearchIndexFile of(Path directory, Path snapshotFile) throws IOException {
        BasicFileAttributes a = Files.readAttributes(snapshotFile, BasicFileAttributes.class);
        return new SearchIndexFile(directory.resolve(NAME), snapshotFile.getFileName() + " " + a.size() + " "
                + a.lastModifiedTime().toMillis());
    }

    /** What the file holds: the registry's terms and its ports' labels. */
    record Contents(RegistryTerms terms, LabelTable labels) {}

    /**
     * The index, when the file holds one made from this snapshot and this knowledge; {@code null}
     * when the file is missing, stale, damaged or cannot be read.
     */
    @Nullable Contents read(int knowledgeStamp) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            // missing (no search since the import) or unreadable: made again
            return null;
        }
        if (bytes.length < MAGIC.length + 8 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int end = bytes.length - 4;
        int stored = (bytes[end] & 0xff) << 24 | (bytes[end + 1] & 0xff) << 16 | (bytes[end + 2] & 0xff) << 8
                | bytes[end + 3] & 0xff;
        if ((int) crc.getValue() != stored) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length,
                end - MAGIC.length))) {
            if (in.readInt() != VERSION || !in.readUTF().equals(snapshotStamp) || in.readInt() != knowledgeStamp) {
                return null;
            }
            return new Contents(RegistryTerms.read(in), LabelTable.read(in));
        } catch (IOException | RuntimeException e) {
            // written whole by this class and checked above: a failure here is a file of another
            // program's making; it is made again
            return null;
        }
    }

    /**
     * Replaces the file with this index. Best effort: returns whether it was written.
     */
    boolean write(Contents contents, int knowledgeStamp) {
        Path tmp = null;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 21);
            // the CRC-32 computed as the bytes are written, then written after them
            CheckedOutputStream checked = new CheckedOutputStream(bytes, new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(snapshotStamp);
            out.writeInt(knowledgeStamp);
            contents.terms().write(out);
            contents.labels().write(out);
            out.flush();
            new DataOutputStream(bytes).writeInt((int) checked.getChecksum().getValue());
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".tmp-", ".part");
            Files.write(tmp, bytes.toByteArray());
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a leftover temporary file is harmless: it is never read
                }
            }
        }
    }
}
