package dev.portolan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The stored data of a Portolan home: every file (but the empty lock file) with a digest of its
 * bytes, so that two states compare equal only when nothing stored has changed.
 */
record HomeState(Map<String, String> files) {
    static HomeState of(Path home) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(home)) {
            return new HomeState(files);
        }
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = home.relativize(p).toString().replace('\\', '/');
                if (!name.equals(".lock")) {
                    files.put(name, sha256(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HomeState(files);
    }

    /** The files left in the home's {@code tmp} directory; none when it does not exist. */
    static List<String> tmpFiles(Path home) {
        Path tmp = home.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(tmp)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
