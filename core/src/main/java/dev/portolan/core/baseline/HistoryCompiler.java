package dev.portolan.core.baseline;

import dev.portolan.core.PortolanException;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.history.RegistryHistory;
import dev.portolan.core.snapshot.SnapshotCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step and tool for the embedded history of the registry. Not part of the program's
 * commands.
 *
 * <ul>
 *   <li>{@code HistoryCompiler pack OUT FILE...}: the change log of earlier releases (IANA XML
 *       files, optionally gzip-compressed, in any order), written to {@code OUT}; {@code
 *       scripts/update-history} runs it and the result is committed.
 *   <li>{@code HistoryCompiler compile CHANGELOG SNAPSHOT OUT}: the committed change log with the
 *       embedded release (the snapshot {@link BaselineCompiler} wrote) added as its newest, written
 *       to {@code OUT}, the resource {@link EmbeddedHistory} reads. The build runs it.
 * </ul>
 */
public final class HistoryCompiler {
    private HistoryCompiler() {}

    public static void main(String[] args) throws IOException, PortolanException, SnapshotCodec.CorruptSnapshotException {
        if (args.length >= 3 && args[0].equals("pack")) {
            List<Path> files = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                files.add(Path.of(args[i]));
            }
            write(Path.of(args[1]), RegistryHistory.importReleases(files));
        } else if (args.length == 4 && args[0].equals("compile")) {
            ChangeLog earlier = RegistryHistory.decode(Files.readAllBytes(Path.of(args[1])));
            ChangeLog all = earlier.with(SnapshotCodec.decode(Files.readAllBytes(Path.of(args[2]))));
            write(Path.of(args[3]), all);
        } else {
            throw new IllegalArgumentException(
                    "usage: HistoryCompiler pack OUT FILE... | HistoryCompiler compile CHANGELOG SNAPSHOT OUT");
        }
    }

    private static void write(Path out, ChangeLog log) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(out, log.encode());
    }
}
