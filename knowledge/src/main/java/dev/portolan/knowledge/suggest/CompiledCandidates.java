package dev.portolan.knowledge.suggest;

import dev.portolan.core.Registry;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummaries;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The suggester's candidates over the embedded baseline and the embedded knowledge, found by the
 * build ({@value #RESOURCE}): finding them asks what is known of each of the 48,128 ports of the
 * user range, about 300 ms of a command's start. Read by {@link PortSuggester#of} when the
 * registry is the baseline they were found in; a test compares them with the ports found now.
 *
 * <p>Layout: the magic {@code PRTLQUIE}, a format version, the baseline's label and number of
 * records, the number of candidates, then the candidates in ascending order, each as an int.
 *
 * @param baselineLabel the label of the baseline ({@code SnapshotInfo.label})
 * @param baselineRecords how many records it has
 * @param candidates the candidates, ascending
 */
record CompiledCandidates(String baselineLabel, int baselineRecords, List<Integer> candidates) {
    static final String RESOURCE = "knowledge/suggest.bin";
    private static final byte[] MAGIC = "PRTLQUIE".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    CompiledCandidates {
        candidates = List.copyOf(candidates);
    }

    /** The candidates the program carries, or null when the build wrote none. */
    static @Nullable CompiledCandidates load() {
        byte[] bytes;
        try {
            bytes = dev.portolan.core.EmbeddedFiles.read(RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("the suggester's candidates cannot be read", e);
        }
        return bytes == null ? null : read(bytes);
    }

    /** Whether a registry is the embedded baseline these candidates were found in. */
    boolean isBaseline(RegistrySnapshot snapshot) {
        return Baseline.is(snapshot, baselineLabel, baselineRecords);
    }

    /** Finds the candidates over the embedded baseline and knowledge. */
    static CompiledCandidates compile() {
        Registry baseline = Registry.of(Baseline.load());
        PortSuggester found = new PortSuggester(new PortSummaries(baseline, Knowledge.embedded()));
        return new CompiledCandidates(baseline.snapshot().info().label(), baseline.snapshot().assignments().size(),
                found.candidates());
    }

    byte[] write() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(baselineLabel);
            out.writeInt(baselineRecords);
            out.writeInt(candidates.size());
            for (int port : candidates) {
                out.writeInt(port);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CompiledCandidates read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC) || in.readInt() != VERSION) {
                throw new IOException("not the suggester's candidates in this format");
            }
            String label = in.readUTF();
            int records = in.readInt();
            int n = in.readInt();
            if (n < 0 || n > PortSuggester.LAST - PortSuggester.FIRST + 1) {
                throw new IOException(n + " candidates");
            }
            List<Integer> ports = new ArrayList<>(n);
            int previous = PortSuggester.FIRST - 1;
            for (int i = 0; i < n; i++) {
                int port = in.readInt();
                if (port <= previous || port > PortSuggester.LAST) {
                    throw new IOException("candidate " + port + " out of order or range");
                }
                ports.add(port);
                previous = port;
            }
            if (in.read() >= 0) {
                throw new IOException("bytes after the candidates");
            }
            return new CompiledCandidates(label, records, ports);
        } catch (IOException e) {
            throw new IllegalStateException("the suggester's candidates " + RESOURCE + " are damaged (" + e.getMessage()
                    + "); rebuild with: mvn -q package", e);
        }
    }
}
