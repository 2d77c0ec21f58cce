package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.PortRange;
import dev.portolan.core.Registry;
import dev.portolan.core.testsupport.Fixtures;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummaries;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.PortPages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export into a directory that holds an earlier one: with the same inputs it renders nothing
 * and only puts back what is missing or altered; with other inputs (registry, knowledge, history,
 * languages, ports) or after an interrupted export it gives exactly the bytes of a fresh export
 * into an empty directory.
 */
class StaticExportIncrementalTest {
    static final List<ULocale> EN_AR = StaticExportTest.EN_AR;
    static final Registry SMALL = StaticExportTest.SMALL;
    static final int FIRST = 0;
    static final int LAST = 120;

    @TempDir
    Path dir;

    @TempDir
    Path fresh;

    /** The pages of a registry and knowledge, counting how many are composed. */
    static final class Counting implements PageSource {
        final AtomicInteger composed = new AtomicInteger();
        private final PortPages pages;

        Counting(Registry registry, Knowledge knowledge) {
            this.pages = new PortPages(registry, knowledge, TestPages.history());
        }

        @Override
        public PortPage page(int port) {
            composed.incrementAndGet();
            return pages.page(port);
        }
    }

    record Run(Registry registry, Knowledge knowledge, List<ULocale> languages, int first, int last) {
        static Run small() {
            return new Run(SMALL, Knowledge.embedded(), EN_AR, FIRST, LAST);
        }

        Run with(Registry r) {
            return new Run(r, knowledge, languages, first, last);
        }

        Run with(Knowledge k) {
            return new Run(registry, k, languages, first, last);
        }

        Run with(List<ULocale> l) {
            return new Run(registry, knowledge, l, first, last);
        }

        Run ports(int f, int l) {
            return new Run(registry, knowledge, languages, f, l);
        }

        StaticExport.Totals into(Path out, PageSource pages) throws ExportException {
            return new StaticExport(new PortSummaries(registry, knowledge), pages, TestPages.history(),
                    new StaticExport.Options(out, languages, new PortRange(first, last), StaticExportTest.BASE, 2,
                            Gzip.at(Gzip.DEFAULT_LEVEL))).run();
        }

        StaticExport.Totals into(Path out) throws ExportException {
            return into(out, counting());
        }

        Counting counting() {
            return new Counting(registry, knowledge);
        }
    }

    /**
     * The embedded knowledge read from its files, with the title of the registry's citation
     * changed: other knowledge that every port page cites.
     */
    static Knowledge otherKnowledge() throws Exception {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (String line : resource("knowledge/index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                files.put(name, resource("knowledge/" + name));
            }
        }
        assertThat(files.get("sources.yaml")).contains(OLD_TITLE);
        files.replaceAll((name, text) -> text.replace(OLD_TITLE, NEW_TITLE));
        return Knowledge.read(files);
    }

    static final String OLD_TITLE = "the authoritative list of port assignments";
    static final String NEW_TITLE = "the authoritative list of port numbers";

    private static String resource(String name) throws IOException {
        try (java.io.InputStream in = Knowledge.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every file under a directory, with its bytes (gzip forms and the manifest included). */
    static Map<String, byte[]> files(Path root) throws IOException {
        return StaticExportTest.files(root);
    }

    static Map<String, FileTime> times(Path root) throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    /** Asserts that two directories hold the same files with the same bytes. */
    static void assertSameFiles(Path actual, Path expected) throws IOException {
        Map<String, byte[]> a = files(actual);
        Map<String, byte[]> b = files(expected);
        assertThat(a.keySet()).isEqualTo(b.keySet());
        List<String> differ = new ArrayList<>();
        for (String name : a.keySet()) {
            if (!Arrays.equals(a.get(name), b.get(name))) {
                differ.add(name);
            }
        }
        assertThat(differ).as("files whose bytes differ from a fresh export").isEmpty();
    }

    private String manifest() throws IOException {
        return Files.readString(dir.resolve(StaticExport.MANIFEST));
    }

    @Test
    void nothingChanged_composesNoPage_writesNothing_andKeepsEveryByte() throws Exception {
        StaticExport.Totals first = Run.small().into(dir);
        Map<String, byte[]> bytes = files(dir);
        Map<String, FileTime> times = times(dir);
        // files written now would get a later time, even on a file system with coarse times
        Thread.sleep(20);

        Counting again = Run.small().counting();
        StaticExport.Totals t = Run.small().into(dir, again);

        assertThat(again.composed).hasValue(0);
        assertThat(t.written()).isZero();
        assertThat(t.removed()).isZero();
        assertThat(t.unchanged()).isEqualTo(first.files());
        assertThat(t.files()).isEqualTo(first.files());
        assertThat(t.pages()).isEqualTo(first.pages());
        assertThat(t.bytes()).isEqualTo(first.bytes());
        assertThat(t.gzipBytes()).isEqualTo(first.gzipBytes());
        assertThat(times(dir)).isEqualTo(times);
        Map<String, byte[]> now = files(dir);
        assertThat(now.keySet()).isEqualTo(bytes.keySet());
        for (String name : bytes.keySet()) {
            assertThat(now.get(name)).as(name).isEqualTo(bytes.get(name));
        }
    }

    @Test
    void theManifest_recordsTheInputs() throws Exception {
        Run.small().into(dir);
        List<String> lines = manifest().lines().toList();
        assertThat(lines.get(0)).isEqualTo("# portolan static export 2: path, sha-256, bytes, gzip bytes");
        assertThat(lines.get(1)).isEqualTo("state\tcomplete");
        assertThat(lines.subList(2, 9)).extracting(l -> l.substring(0, l.lastIndexOf('\t'))).containsExactly(
                "input\tprogram", "input\tregistry", "input\tknowledge", "input\thistory", "input\tlanguages",
                "input\tports", "input\tbase-url");
        assertThat(lines.subList(2, 6)).allMatch(l -> l.matches("input\t[a-z]+\t[0-9a-f]{64}"));
        assertThat(lines.subList(6, 9)).containsExactly("input\tlanguages\ten,ar", "input\tports\t0-120",
                "input\tbase-url\thttps://ports.example");
        assertThat(lines).contains("ports/60.html\t" + StaticExportTest.sha256(dir.resolve("ports/60.html")) + "\t"
                + Files.size(dir.resolve("ports/60.html")) + "\t" + Files.size(dir.resolve("ports/60.html.gz")));
    }

    @Test
    void aNewerRegistry_givesTheBytesOfAFreshExport() throws Exception {
        Run.small().into(dir);
        String xml = Fixtures.text(Fixtures.XML).replace("The Secure Shell (SSH) Protocol", "The Secure Shell Protocol")
                .replace(Fixtures.XML_UPDATED, "2026-01-31");
        Registry newer = Registry.of(Fixtures.readBytes(xml.getBytes(StandardCharsets.UTF_8), "newer.xml"));
        Counting pages = Run.small().with(newer).counting();
        StaticExport.Totals t = Run.small().with(newer).into(dir, pages);
        Run.small().with(newer).into(fresh);

        assertThat(pages.composed).as("every page composed again").hasValue(LAST - FIRST + 1);
        assertThat(t.written()).as("port 22's files, the ssh service, lists and the home pages").isBetween(4L, 40L);
        assertThat(Files.readString(dir.resolve("ports/22.html"))).contains("The Secure Shell Protocol");
        assertSameFiles(dir, fresh);
    }

    @Test
    void otherKnowledge_givesTheBytesOfAFreshExport() throws Exception {
        Run.small().into(dir);
        Knowledge other = otherKnowledge();
        assertThat(other.fingerprint()).isNotEqualTo(Knowledge.embedded().fingerprint());
        StaticExport.Totals t = Run.small().with(other).into(dir);
        Run.small().with(other).into(fresh);
        assertThat(t.written()).isPositive();
        assertThat(Files.readString(dir.resolve("ports/22.html"))).contains(NEW_TITLE);
        assertSameFiles(dir, fresh);
    }

    @Test
    void otherLanguages_giveTheBytesOfAFreshExport() throws Exception {
        Run.small().into(dir);
        // fewer languages: the Arabic files go, every English page names one language less
        StaticExport.Totals fewer = Run.small().with(List.of(ULocale.ENGLISH)).into(dir);
        Run.small().with(List.of(ULocale.ENGLISH)).into(fresh);
        assertThat(fewer.removed()).isPositive();
        // the directories the Arabic files were in go with them
        assertThat(dir.resolve("ar")).doesNotExist();
        assertSameFiles(dir, fresh);

        // more languages again
        Path again = fresh.resolveSibling(fresh.getFileName() + "-again");
        Run.small().into(dir);
        Run.small().into(again);
        assertSameFiles(dir, again);
    }

    @Test
    void otherPorts_giveTheBytesOfAFreshExport() throws Exception {
        Run.small().into(dir);
        StaticExport.Totals t = Run.small().ports(40, 90).into(dir);
        Run.small().ports(40, 90).into(fresh);
        assertThat(t.removed()).isPositive();
        assertThat(dir.resolve("ports/30.html")).doesNotExist();
        assertThat(dir.resolve("ports/30.html.gz")).doesNotExist();
        assertSameFiles(dir, fresh);
    }

    @Test
    void aDeletedOrAlteredFile_isWrittenAgain_andOnlyItsPagesAreComposed() throws Exception {
        Run.small().into(dir);
        Run.small().into(fresh);
        Files.delete(dir.resolve("ports/5.html"));
        Files.write(dir.resolve("ar/ports/6.html.gz"), new byte[] {31});
        Files.writeString(dir.resolve("services/ssh.html"), "<!-- mine -->", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(dir.resolve("sitemap.xml.gz"));

        Counting pages = Run.small().counting();
        StaticExport.Totals t = Run.small().into(dir, pages);

        assertThat(pages.composed).as("ports 5 and 6").hasValue(2);
        assertThat(t.written()).isEqualTo(4);
        assertThat(t.unchanged()).isEqualTo(t.files() - 4);
        assertSameFiles(dir, fresh);
    }

    @Test
    void aFileTheManifestLost_isWrittenAgain() throws Exception {
        Run.small().into(dir);
        Run.small().into(fresh);
        Files.writeString(dir.resolve(StaticExport.MANIFEST), manifest().replaceAll("(?m)^ports/8\\.html\t.*\n", ""));
        StaticExport.Totals t = Run.small().into(dir);
        assertThat(t.written()).isEqualTo(1);
        assertSameFiles(dir, fresh);
    }

    @Test
    void anInterruptedExport_isRepaired_andItsTemporaryFilesRemoved() throws Exception {
        Run.small().into(dir);
        Run.small().with(List.of(ULocale.ENGLISH)).ports(0, 60).into(fresh);
        // an export with other inputs fails half-way, as if killed: the manifest says so
        Knowledge none = otherKnowledge();
        PortPages other = new PortPages(SMALL, none, TestPages.history());
        PageSource failing = port -> {
            if (port == 30) {
                throw new UncheckedIOException(new IOException("killed"));
            }
            return other.page(port);
        };
        assertThatThrownBy(() -> Run.small().with(none).into(dir, failing))
                .isInstanceOf(ExportException.class).hasMessageContaining("killed");
        assertThat(manifest().lines().skip(1).findFirst()).hasValue("state\twriting");
        // a kill between writing a file and renaming it leaves the temporary file
        Files.writeString(dir.resolve("ports/3.html.portolan-tmp"), "half a pa");
        Files.writeString(dir.resolve("ar/ports/100.html.gz.portolan-tmp"), "");

        Run.small().with(List.of(ULocale.ENGLISH)).ports(0, 60).into(dir);
        assertSameFiles(dir, fresh);
        try (Stream<Path> walk = Files.walk(dir)) {
            assertThat(walk.map(Path::toString)).noneMatch(n -> n.endsWith(".portolan-tmp"));
        }
    }

    @Test
    void aManifestOfTheFirstFormat_isRead_andTheExportRenderedAgain() throws Exception {
        Run.small().into(dir);
        String current = manifest();
        // the manifest as the first format wrote it: no inputs, no gzip sizes
        StringBuilder first = new StringBuilder("# portolan static export: path, sha-256, bytes\nstate\tcomplete\n");
        current.lines().skip(2).filter(l -> !l.startsWith("input\t"))
                .forEach(l -> first.append(l, 0, l.lastIndexOf('\t')).append('\n'));
        Files.writeString(dir.resolve(StaticExport.MANIFEST), first);

        Counting pages = Run.small().counting();
        StaticExport.Totals t = Run.small().into(dir, pages);
        assertThat(pages.composed).hasValue(LAST - FIRST + 1);
        assertThat(t.written()).as("the files are as the old manifest says").isZero();
        assertThat(manifest()).isEqualTo(current);
    }

    @Test
    void anotherProgram_rendersEverythingAgain() throws Exception {
        Run.small().into(dir);
        String current = manifest();
        Files.writeString(dir.resolve(StaticExport.MANIFEST),
                current.replaceFirst("(?m)^input\tprogram\t[0-9a-f]+$", "input\tprogram\t" + "0".repeat(64)));
        Counting pages = Run.small().counting();
        StaticExport.Totals t = Run.small().into(dir, pages);
        assertThat(pages.composed).hasValue(LAST - FIRST + 1);
        assertThat(t.written()).isZero();
        assertThat(manifest()).isEqualTo(current);
    }

    @Test
    void aManifestOfAnotherFormat_isRefusedUntouched() throws Exception {
        Run.small().into(dir);
        Files.writeString(dir.resolve(StaticExport.MANIFEST), "# portolan static export 3: path, sha-256, more\n");
        Map<String, byte[]> before = files(dir);
        assertThatThrownBy(() -> Run.small().into(dir)).isInstanceOf(ExportException.class)
                .hasMessageContaining("was written by another version of Portolan");
        assertThat(files(dir).keySet()).isEqualTo(before.keySet());
    }

    @Test
    void theProgramFingerprint_isTheSameWithinARun_andNamesTheCode() {
        assertThat(ExportInputs.program()).matches("[0-9a-f]{64}").isEqualTo(ExportInputs.program());
    }
}
