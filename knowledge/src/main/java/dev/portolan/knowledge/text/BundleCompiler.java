package dev.portolan.knowledge.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the compiled form ({@link CompiledBundle}) of message bundles beside their {@code
 * .properties} files in a build's class folder, at build time: {@code <base>.properties} and every
 * {@code <base>_<lang>.properties} become {@code <base>.bundle} and {@code <base>_<lang>.bundle}.
 * The files are read as the program reads them ({@link Messages#parse}); {@link BundleCheck}
 * compares both forms.
 *
 * <p>Usage: {@code BundleCompiler CLASS_FOLDER BASE...}, a base such as {@code knowledge/messages}.
 */
public final class BundleCompiler {
    private BundleCompiler() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BundleCompiler CLASS_FOLDER BASE...");
        }
        Path classes = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            compile(classes, args[i]);
        }
    }

    /** Compiles one bundle's files in every language; the number written. */
    static int compile(Path classes, String base) throws IOException {
        Path root = classes.resolve(base + ".properties");
        if (!Files.isRegularFile(root)) {
            throw new IOException("no bundle " + root);
        }
        Path folder = root.getParent();
        String name = root.getFileName().toString().replace(".properties", "");
        int written = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, name + "*.properties")) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                String stem = fileName.substring(0, fileName.length() - ".properties".length());
                if (!stem.equals(name) && !stem.matches(java.util.regex.Pattern.quote(name) + "_[a-z]{2,3}")) {
                    continue;
                }
                Map<String, String> messages = Messages.parse(Files.readString(file, StandardCharsets.UTF_8));
                Files.write(folder.resolve(stem + CompiledBundle.SUFFIX), CompiledBundle.encode(messages));
                written++;
            }
        }
        return written;
    }
}
