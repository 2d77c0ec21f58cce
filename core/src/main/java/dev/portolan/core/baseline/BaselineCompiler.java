package dev.portolan.core.baseline;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: compiles the baseline table into the binary snapshot bundled in the jar. Run by the
 * build as {@code BaselineCompiler TABLE OUTPUT}; not part of the program's commands.
 */
public final class BaselineCompiler {
    private BaselineCompiler() {}

    public static void main(String[] args) throws IOException, RegistryFormatException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BaselineCompiler TABLE.tsv OUTPUT.snapshot");
        }
        Path table = Path.of(args[0]);
        Path out = Path.of(args[1]);
        RegistrySnapshot snapshot;
        try (Reader in = Files.newBufferedReader(table, StandardCharsets.UTF_8)) {
            snapshot = BaselineTable.read(in, table.getFileName().toString());
        }
        Files.createDirectories(out.getParent());
        Files.write(out, SnapshotCodec.encode(snapshot));
    }
}
