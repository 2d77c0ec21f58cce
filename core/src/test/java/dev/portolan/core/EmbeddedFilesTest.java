package dev.portolan.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedFilesTest {
    @TempDir
    Path dir;

    @Test
    void theProgramsOwnFile_isWhatTheClassLoaderReads() throws IOException {
        String name = "dev/portolan/core/baseline/baseline.snapshot";
        byte[] expected;
        try (InputStream in = EmbeddedFiles.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).isNotNull();
            expected = in.readAllBytes();
        }
        assertThat(EmbeddedFiles.read(name)).isEqualTo(expected);
        assertThat(EmbeddedFiles.read("no/such/file.bin")).isNull();
    }

    @Test
    void theClassPath_isSearchedInOrder_directoriesAndJars_storedOrDeflated() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/data"));
        Files.writeString(classes.resolve("both.txt"), "from the directory");
        Path jar = dir.resolve("data.jar");
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 % 251);
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(out, "data/both.txt", "from the jar".getBytes(StandardCharsets.UTF_8), true);
            put(out, "data/stored.bin", big, true);
            put(out, "data/deflated.bin", big, false);
        }
        String path = dir.resolve("missing.jar") + File.pathSeparator + dir.resolve("classes") + File.pathSeparator
                + jar + File.pathSeparator + dir.resolve("not-a-jar.txt");
        List<String> roots = EmbeddedFiles.roots(path);
        assertThat(roots).hasSize(2);
        assertThat(roots.get(0)).isEqualTo(dir.resolve("classes").toAbsolutePath().toString());
        assertThat(roots.get(1)).isEqualTo("jar:" + jar.toAbsolutePath());

        assertThat(EmbeddedFiles.read("data/both.txt", roots)).asString(StandardCharsets.UTF_8).isEqualTo("from the directory");
        assertThat(EmbeddedFiles.read("data/both.txt", List.of(roots.get(1)))).asString(StandardCharsets.UTF_8)
                .isEqualTo("from the jar");
        assertThat(EmbeddedFiles.read("data/stored.bin", roots)).isEqualTo(big);
        assertThat(EmbeddedFiles.read("data/deflated.bin", roots)).isEqualTo(big);
        // not in these roots: the class loader answers, here with one of the program's own files
        assertThat(EmbeddedFiles.read("dev/portolan/core/baseline/baseline.snapshot", roots)).isNotEmpty();
        assertThat(EmbeddedFiles.read("data/none.bin", roots)).isNull();
    }

    @Test
    void aJarThatCannotBeOpened_isPassedOver_asTheClassLoaderDoes() throws IOException {
        Path broken = dir.resolve("broken.jar");
        Files.write(broken, "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        Path classes = Files.createDirectories(dir.resolve("classes/data"));
        Files.writeString(classes.resolve("x.bin"), "found after it");
        List<String> roots = EmbeddedFiles.roots(broken + File.pathSeparator + dir.resolve("classes"));
        assertThat(roots).hasSize(2);
        assertThat(EmbeddedFiles.read("data/x.bin", roots)).asString(StandardCharsets.UTF_8).isEqualTo("found after it");
        assertThat(EmbeddedFiles.read("data/none.bin", roots)).isNull();
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes, boolean stored) throws IOException {
        ZipEntry e = new ZipEntry(name);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            e.setMethod(ZipEntry.STORED);
            e.setSize(bytes.length);
            e.setCompressedSize(bytes.length);
            e.setCrc(crc.getValue());
        }
        out.putNextEntry(e);
        OutputStream o = out;
        o.write(bytes);
        out.closeEntry();
    }
}
