package dev.portolan.knowledge.suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: finds the suggester's candidates over the embedded baseline and knowledge and writes
 * them under the class output directory ({@link CompiledCandidates}). Run by the build as {@code
 * CandidatesCompiler CLASSES_DIRECTORY}, after the knowledge is compiled; not part of the
 * program's commands.
 */
public final class CandidatesCompiler {
    private CandidatesCompiler() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CandidatesCompiler CLASSES_DIRECTORY");
        }
        Path out = Path.of(args[0]).resolve(CompiledCandidates.RESOURCE);
        Files.createDirectories(out.getParent());
        Files.write(out, CompiledCandidates.compile().write());
    }
}
