package dev.portolan.knowledge.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: indexes the embedded knowledge and baseline registry for the search and writes the
 * compiled index the jar carries ({@code knowledge/search.bin} and a {@code search-<code>.bin} per
 * language) under the class output directory. Run by the build as {@code SearchCompiler
 * CLASSES_DIRECTORY}, after the knowledge is compiled; not part of the program's commands.
 */
public final class SearchCompiler {
    private SearchCompiler() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SearchCompiler CLASSES_DIRECTORY");
        }
        Path root = Path.of(args[0]);
        for (java.util.Map.Entry<String, byte[]> f : CompiledSearch.compile().write().entrySet()) {
            Path out = root.resolve(f.getKey());
            Files.createDirectories(out.getParent());
            Files.write(out, f.getValue());
        }
    }
}
