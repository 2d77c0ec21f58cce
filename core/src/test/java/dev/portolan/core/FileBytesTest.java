package dev.portolan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBytesTest {
    @TempDir
    Path dir;

    @Test
    void readsWholeFiles_andSaysWhichAreMissing() throws IOException {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        assertThat(FileBytes.read(Files.write(dir.resolve("big"), big))).isEqualTo(big);
        assertThat(FileBytes.read(Files.write(dir.resolve("empty"), new byte[0]))).isEmpty();
        assertThatThrownBy(() -> FileBytes.read(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class)
                .hasMessage(dir.resolve("missing").toString());
        assertThatThrownBy(() -> FileBytes.read(dir)).isInstanceOf(IOException.class)
                .isNotInstanceOf(NoSuchFileException.class);
    }

    @Test
    void readsProcFilesThatReportNoSize() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (Files.isReadable(range)) {
            assertThat(new String(FileBytes.read(range), java.nio.charset.StandardCharsets.US_ASCII))
                    .matches("\\d+\\s+\\d+\\s*");
        }
    }
}
