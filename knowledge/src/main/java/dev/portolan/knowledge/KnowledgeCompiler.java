package dev.portolan.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: reads the knowledge files of the index (as the class path has them after resources
 * were copied), checks them as the program does, and writes their compiled form, which the jar
 * carries and {@link Knowledge#embedded()} reads. Run by the build as {@code KnowledgeCompiler
 * OUTPUT}; not part of the program's commands.
 */
public final class KnowledgeCompiler {
    private KnowledgeCompiler() {}

    public static void main(String[] args) throws IOException, KnowledgeFormatException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: KnowledgeCompiler OUTPUT.bin");
        }
        Path out = Path.of(args[0]);
        byte[] bytes = KnowledgeCodec.encode(KnowledgeReader.read(Knowledge.embeddedFiles()));
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
    }
}
