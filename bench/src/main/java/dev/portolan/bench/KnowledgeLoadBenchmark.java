package dev.portolan.bench;

import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.KnowledgeFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What loading the curated knowledge costs a command that starts cold, as every command-line
 * answer does: each fork measures one load in a fresh JVM, class loading included.
 *
 * <ul>
 *   <li>{@code embeddedCompiled}: {@link Knowledge#embedded()}, which decodes the compiled form
 *       the build makes of the YAML files;
 *   <li>{@code yamlFiles}: the same knowledge read from its YAML files (already in memory), as it
 *       was loaded before the compiled form.
 * </ul>
 *
 * Run with:
 *
 * <pre>java -jar bench/target/benchmarks.jar KnowledgeLoadBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class KnowledgeLoadBenchmark {
    private Map<String, String> files;

    @Setup
    public void readFiles() {
        files = new LinkedHashMap<>();
        for (String line : resource("knowledge/index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                files.put(name, resource("knowledge/" + name));
            }
        }
    }

    @Benchmark
    public Knowledge embeddedCompiled() {
        return Knowledge.embedded();
    }

    @Benchmark
    public Knowledge yamlFiles() throws KnowledgeFormatException {
        return Knowledge.read(files);
    }

    private static String resource(String name) {
        try (InputStream in = KnowledgeLoadBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
