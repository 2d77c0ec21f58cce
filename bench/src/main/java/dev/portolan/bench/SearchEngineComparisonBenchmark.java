package dev.portolan.bench;

import dev.portolan.core.Assignment;
import dev.portolan.core.Registry;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.knowledge.search.PortSearch;
import dev.portolan.knowledge.search.SearchHit;
import dev.portolan.knowledge.search.SearchQuery;
import dev.portolan.knowledge.search.SearchQueryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tests the claim in {@link PortSearch}'s design (docs/architecture.md) that the hand-written index
 * suits the command line better than Lucene, because building a Lucene index over the registry
 * costs more than the whole command's budget.
 *
 * <p>Both engines index every record of the full IANA registry and answer the typo
 * {@code postgers} once, as a command-line search does at every start:
 *
 * <ul>
 *   <li>Lucene 9 (the newest line that runs on Java 17): an in-memory {@link ByteBuffersDirectory},
 *       {@link StandardAnalyzer}, one document per record with the service name and description as
 *       text fields and the record's position as a stored field (to map hits back to records),
 *       committed and opened; then {@code name:postgers~ OR description:postgers~} (two {@link
 *       FuzzyQuery}s, at most two edits), top 20, positions read back. This finds nothing:
 *       {@code postgresql} is three edits from {@code postgers}, and a fuzzy query matches whole
 *       terms.
 *   <li>Lucene with edge n-grams: the same, plus the name indexed a second time as its starts of 3
 *       to 20 letters ({@link EdgeNGramTokenFilter}), and the fuzzy query also run on those, so
 *       that {@code postgers} meets {@code postgres} and finds PostgreSQL as Portolan does. This
 *       is what Lucene needs to give the command line's answer, so it is the fairer comparison.
 *   <li>Portolan: {@link PortSearch#over} on the full registry (the compiled index of the
 *       knowledge, read once per JVM, and the registry's records indexed) and one search, which
 *       also finds PostgreSQL (and, unlike the two above, also searches the names people use,
 *       the programs and what the knowledge says of each port).
 * </ul>
 *
 * <p>Each engine is also measured in its two halves (index only, query only on a prebuilt
 * index). The default mode is average time with a warm JIT, which flatters neither engine's start;
 * the command line's real situation, a fresh JVM with cold code, is a single shot per fork:
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar SearchEngineComparisonBenchmark -f 1 -wi 3 -i 5
 * java -jar bench/target/benchmarks.jar 'SearchEngineComparisonBenchmark.*AndQuery' \
 *     -bm ss -tu ms -f 10 -wi 0 -i 1 -jvmArgsAppend "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
 * </pre>
 *
 * <p>The query-only benchmarks end their trial by printing the top hits of every engine, so their
 * answers can be compared as well as their speed. Needs the full registry (see {@link BenchData}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SearchEngineComparisonBenchmark {
    static final String QUERY = "postgers";
    static final int TOP = 20;
    private static final String NAME = "name";
    private static final String DESCRIPTION = "description";
    private static final String NAME_STARTS = "name_starts";
    private static final String POSITION = "position";

    /**
     * The records of the full registry. Its set-up touches neither search engine, so that a single
     * shot in a fresh JVM measures each engine's code cold, as the command line runs it.
     */
    @State(Scope.Benchmark)
    public static class Records {
        RegistrySnapshot snapshot;
        List<Assignment> assignments;

        @Setup(Level.Trial)
        public void setUp() {
            snapshot = BenchData.fullRegistry();
            assignments = snapshot.assignments();
        }
    }

    /** Both engines' indexes, built once, for the query-only benchmarks. */
    @State(Scope.Benchmark)
    public static class Prebuilt {
        Directory lucene;
        DirectoryReader reader;
        IndexSearcher searcher;
        PortSearch portolan;
        private String hits = "";

        @Setup(Level.Trial)
        public void setUp(Records records) throws IOException {
            List<Assignment> assignments = records.assignments;
            lucene = luceneIndex(assignments, false);
            reader = DirectoryReader.open(lucene);
            searcher = new IndexSearcher(reader);
            portolan = PortSearch.over(Registry.of(records.snapshot));
            String ngrams;
            try (Directory dir = luceneIndex(assignments, true); DirectoryReader r = DirectoryReader.open(dir)) {
                ngrams = describe(assignments, luceneQuery(new IndexSearcher(r), true));
            }
            hits = String.join(System.lineSeparator(),
                    "records indexed: " + assignments.size() + ", Lucene documents: " + reader.numDocs(),
                    "top hits for " + QUERY + ", Lucene:          " + describe(assignments, luceneQuery(searcher, false)),
                    "top hits for " + QUERY + ", Lucene n-grams:  " + ngrams,
                    "top hits for " + QUERY + ", Portolan:        " + describePorts(portolanHits(portolan)));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            reader.close();
            lucene.close();
            // Printed after the run, so that it does not break JMH's progress lines.
            System.out.println();
            System.out.println(hits);
        }
    }

    /** Lucene: build the in-memory index over every record, open it, and run one fuzzy query. */
    @Benchmark
    public int[] luceneIndexAndQuery(Records records) throws IOException {
        try (Directory dir = luceneIndex(records.assignments, false); DirectoryReader reader = DirectoryReader.open(dir)) {
            return luceneQuery(new IndexSearcher(reader), false);
        }
    }

    /** Lucene: build and open the in-memory index only. */
    @Benchmark
    public int luceneIndexOnly(Records records) throws IOException {
        try (Directory dir = luceneIndex(records.assignments, false); DirectoryReader reader = DirectoryReader.open(dir)) {
            return reader.numDocs();
        }
    }

    /** Lucene: one fuzzy query on a prebuilt, open index. */
    @Benchmark
    public int[] luceneQueryOnly(Prebuilt prebuilt) throws IOException {
        return luceneQuery(prebuilt.searcher, false);
    }

    /** Lucene with edge n-grams of the names: build, open, and one fuzzy query that finds PostgreSQL. */
    @Benchmark
    public int[] luceneNgramsIndexAndQuery(Records records) throws IOException {
        try (Directory dir = luceneIndex(records.assignments, true); DirectoryReader reader = DirectoryReader.open(dir)) {
            return luceneQuery(new IndexSearcher(reader), true);
        }
    }

    /** Portolan: the search over the full registry made ready, and one search. */
    @Benchmark
    public int[] portolanIndexAndQuery(Records records) {
        return portolanHits(PortSearch.over(Registry.of(records.snapshot)));
    }

    /** Portolan: the search over the full registry made ready only. */
    @Benchmark
    public PortSearch portolanIndexOnly(Records records) {
        return PortSearch.over(Registry.of(records.snapshot));
    }

    /** Portolan: one search on a search made ready. */
    @Benchmark
    public int[] portolanQueryOnly(Prebuilt prebuilt) {
        return portolanHits(prebuilt.portolan);
    }

    /** StandardAnalyzer's tokens and lower-casing; the name starts field also gets edge n-grams. */
    private static final class NameStartsAnalyzer extends Analyzer {
        NameStartsAnalyzer() {
            // The default strategy reuses one token stream for every field: the n-grams would be lost.
            super(PER_FIELD_REUSE_STRATEGY);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream tokens = new LowerCaseFilter(source);
            if (fieldName.equals(NAME_STARTS)) {
                tokens = new EdgeNGramTokenFilter(tokens, 3, 20, true);
            }
            return new TokenStreamComponents(source, tokens);
        }
    }

    private static Directory luceneIndex(List<Assignment> records, boolean nameStarts) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        Analyzer analyzer = nameStarts ? new NameStartsAnalyzer() : new StandardAnalyzer();
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = 0; i < records.size(); i++) {
                Assignment a = records.get(i);
                Document doc = new Document();
                doc.add(new StoredField(POSITION, i));
                if (a.service() != null) {
                    doc.add(new TextField(NAME, a.service(), Field.Store.NO));
                    if (nameStarts) {
                        doc.add(new TextField(NAME_STARTS, a.service(), Field.Store.NO));
                    }
                }
                doc.add(new TextField(DESCRIPTION, a.description(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
        return dir;
    }

    /**
     * The record positions of the top hits of {@code name:postgers~ OR description:postgers~}, and
     * {@code OR name_starts:postgers~} with {@code nameStarts}.
     */
    private static int[] luceneQuery(IndexSearcher searcher, boolean nameStarts) throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .add(new FuzzyQuery(new Term(NAME, QUERY)), BooleanClause.Occur.SHOULD)
                .add(new FuzzyQuery(new Term(DESCRIPTION, QUERY)), BooleanClause.Occur.SHOULD);
        if (nameStarts) {
            builder.add(new FuzzyQuery(new Term(NAME_STARTS, QUERY)), BooleanClause.Occur.SHOULD);
        }
        Query query = builder.build();
        TopDocs top = searcher.search(query, TOP);
        StoredFields stored = searcher.storedFields();
        int[] positions = new int[top.scoreDocs.length];
        for (int i = 0; i < positions.length; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            positions[i] = stored.document(hit.doc).getField(POSITION).numericValue().intValue();
        }
        return positions;
    }

    /** The ports of Portolan's top hits for the query. */
    private static int[] portolanHits(PortSearch search) {
        try {
            return search.search(SearchQuery.parse(QUERY), "en", TOP).hits().stream().mapToInt(SearchHit::port)
                    .toArray();
        } catch (SearchQueryException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describePorts(int[] ports) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(5, ports.length); i++) {
            out.add(Integer.toString(ports[i]));
        }
        return ports.length + " ports, first " + out;
    }

    private static String describe(List<Assignment> assignments, int[] positions) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(5, positions.length); i++) {
            Assignment a = assignments.get(positions[i]);
            out.add((a.service() == null ? "(no name)" : a.service())
                    + (a.ports() == null ? "" : " " + a.ports().first()));
        }
        return positions.length + " hits, first " + out;
    }
}
