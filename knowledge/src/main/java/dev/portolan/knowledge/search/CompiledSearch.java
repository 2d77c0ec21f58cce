package dev.portolan.knowledge.search;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummaries;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.knowledge.text.Messages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The search index the build compiles from the embedded knowledge and the embedded baseline
 * registry: the knowledge's terms and the baseline's terms and result labels ({@value #RESOURCE}),
 * and the words of each language's notes ({@code knowledge/search-<code>.bin}, read only for the
 * language asked), so that a search over the baseline reads nothing else.
 *
 * <p>Layout of each file: the magic {@code PRTLSRCH}, a format version, then for the main file the
 * knowledge's terms, the baseline's terms and the baseline's labels, for a language's file its
 * notes; each part as its class writes it.
 *
 * @param knowledge the terms of the embedded knowledge
 * @param baselineLabel the label of the baseline the terms were made from ({@code SnapshotInfo.label})
 * @param baselineRecords how many records that baseline has
 * @param baseline the terms of the embedded baseline registry
 * @param labels the labels of the baseline's ports
 * @param stamp a CRC-32 of the file the index was read from (0 for one compiled in memory): what
 *     the knowledge's terms and the labels made from them were, for {@link SearchIndexFile}
 */
record CompiledSearch(KnowledgeTerms knowledge, String baselineLabel, int baselineRecords, RegistryTerms baseline,
        LabelTable labels, int stamp) {
    static final String RESOURCE = "knowledge/search.bin";
    private static final byte[] MAGIC = "PRTLSRCH".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private static volatile CompiledSearch loaded;

    /**
     * The compiled index the program carries.
     *
     * @throws IllegalStateException if the build did not make it, or it is damaged (a packaging defect)
     */
    static CompiledSearch load() {
        CompiledSearch c = loaded;
        if (c == null) {
            synchronized (CompiledSearch.class) {
                c = loaded;
                if (c == null) {
                    c = read(resource(RESOURCE));
                    loaded = c;
                }
            }
        }
        return c;
    }

    /** Whether a registry is the embedded baseline these terms were compiled from. */
    boolean isBaseline(dev.portolan.core.RegistrySnapshot snapshot) {
        return Baseline.is(snapshot, baselineLabel, baselineRecords);
    }

    /** The name of the file of a language's notes. */
    static String notesResource(String language) {
        return "knowledge/search-" + language + ".bin";
    }

    private static byte[] resource(String name) {
        try {
            byte[] bytes = dev.portolan.core.EmbeddedFiles.read(name);
            if (bytes == null) {
                throw new IllegalStateException("the search index " + name + " is missing from the program; "
                        + "rebuild with: mvn -q package");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("the search index cannot be read", e);
        }
    }

    static CompiledSearch read(byte[] bytes) {
        try (DataInputStream in = open(bytes)) {
            KnowledgeTerms knowledge = KnowledgeTerms.read(in, new java.util.function.Function<String, TermIndex>() {
                @Override
                public TermIndex apply(String language) {
                    return notes(language);
                }
            });
            String label = in.readUTF();
            int records = in.readInt();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            return new CompiledSearch(knowledge, label, records, RegistryTerms.read(in), LabelTable.read(in),
                    (int) crc.getValue());
        } catch (IOException e) {
            throw damaged(RESOURCE, e);
        }
    }

    /** A language's notes, or none for a language the program does not have. */
    private static TermIndex notes(String language) {
        byte[] bytes;
        try {
            bytes = dev.portolan.core.EmbeddedFiles.read(notesResource(language));
        } catch (IOException e) {
            throw new UncheckedIOException("the search index cannot be read", e);
        }
        if (bytes == null) {
            return TermIndex.EMPTY;
        }
        try (DataInputStream in = open(bytes)) {
            return TermIndex.read(in);
        } catch (IOException e) {
            throw damaged(notesResource(language), e);
        }
    }

    private static DataInputStream open(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a compiled search index");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("format version " + version + ", expected " + VERSION);
        }
        return in;
    }

    private static IllegalStateException damaged(String name, IOException e) {
        return new IllegalStateException("the search index " + name + " is damaged (" + e.getMessage()
                + "); rebuild with: mvn -q package", e);
    }

    /** Indexes the embedded knowledge and baseline. */
    static CompiledSearch compile() {
        Knowledge knowledge = Knowledge.embedded();
        Registry baseline = Registry.of(Baseline.load());
        KnowledgeTerms terms = KnowledgeTerms.of(knowledge,
                code -> Messages.of(Languages.find(code).orElse(ULocale.ENGLISH)));
        PortSummaries summaries = new PortSummaries(baseline, knowledge);
        return new CompiledSearch(terms, baseline.snapshot().info().label(), baseline.snapshot().assignments().size(),
                RegistryTerms.of(baseline.snapshot().assignments()), labels(summaries), 0);
    }

    /** The labels of every port of a registry, from what these summaries say of it. */
    static LabelTable labels(PortSummaries summaries) {
        return LabelTable.of(new java.util.function.IntFunction<SearchLabel>() {
            @Override
            public SearchLabel apply(int port) {
                return SearchLabel.of(summaries.of(port));
            }
        });
    }

    /** The files of the compiled index, by resource name. */
    java.util.Map<String, byte[]> write() {
        try {
            java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = header(bytes);
            knowledge.write(out);
            out.writeUTF(baselineLabel);
            out.writeInt(baselineRecords);
            baseline.write(out);
            labels.write(out);
            out.flush();
            files.put(RESOURCE, bytes.toByteArray());
            for (String code : Languages.codes()) {
                ByteArrayOutputStream notes = new ByteArrayOutputStream();
                DataOutputStream n = header(notes);
                knowledge.notes(code).write(n);
                n.flush();
                files.put(notesResource(code), notes.toByteArray());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataOutputStream header(ByteArrayOutputStream bytes) throws IOException {
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(VERSION);
        return out;
    }
}
