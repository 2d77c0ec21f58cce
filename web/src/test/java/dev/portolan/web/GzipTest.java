package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.testsupport.Fixtures;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.PortPages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GzipTest {
    /** Set where the build must have made the native library (the CI installs libdeflate's header). */
    private static final String EXPECT_NATIVE = "PORTOLAN_EXPECT_NATIVE_GZIP";
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private static List<byte[]> samples;

    @BeforeAll
    static void samples() {
        Registry registry = Registry.of(Fixtures.xml());
        PortPages pages = new PortPages(registry, Knowledge.embedded());
        PageRenderer english = new PageRenderer(pages.summaries(), ULocale.ENGLISH, "https://ports.example");
        PageRenderer arabic = new PageRenderer(pages.summaries(), ULocale.forLanguageTag("ar"), "https://ports.example");
        byte[] random = new byte[200_000];
        new SplittableRandom(7).nextBytes(random);
        byte[] runs = new byte[300_000];
        Arrays.fill(runs, (byte) 'a');
        samples = new ArrayList<>(List.of(new byte[0], new byte[] {42}, random, runs,
                "Port 60 · “unassigned” – 端口 – المنفذ".getBytes(StandardCharsets.UTF_8)));
        for (int port : new int[] {0, 22, 60, 443, 60327}) {
            samples.addAll(english.htmlAndJson(pages.page(port)));
            samples.addAll(arabic.htmlAndJson(pages.page(port)));
        }
    }

    private static List<Gzip.Engine> engines() {
        List<Gzip.Engine> engines = new ArrayList<>(List.of(Gzip.Engine.ZLIB));
        if (Gzip.nativeProblem().isEmpty()) {
            engines.add(Gzip.Engine.LIBDEFLATE);
        }
        return engines;
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Test
    void theNativeLibrary_loadsWhereverTheBuildMadeIt() {
        boolean built = Gzip.class.getResource("native/" + Gzip.Native.platform() + "/" + Gzip.Native.LIBRARY) != null;
        if (System.getenv(EXPECT_NATIVE) != null) {
            assertThat(built).as("the build made the native library (%s is set)", EXPECT_NATIVE).isTrue();
        }
        Assumptions.assumeTrue(built, "this build has no native library: " + Gzip.nativeProblem().orElse(""));
        // a library that is in the jar but does not load or fails its self-test is a defect of ours
        assertThat(Gzip.nativeProblem()).isEmpty();
        assertThat(Gzip.at(6).engine()).isEqualTo(Gzip.Engine.LIBDEFLATE);
    }

    @Test
    void everyEngineAndLevel_givesGzipThatInflatesToTheInput_withTheFixedHeader() throws IOException {
        for (Gzip.Engine engine : engines()) {
            for (int level = 1; level <= 9; level++) {
                Gzip gzip = Gzip.at(level, engine);
                assertThat(gzip.engine()).isEqualTo(engine);
                assertThat(gzip.level()).isEqualTo(level);
                for (byte[] sample : samples) {
                    byte[] gz = gzip.compress(sample);
                    String what = engine + " level " + level + ", " + sample.length + " bytes";
                    assertThat(Arrays.copyOf(gz, HEADER.length)).as(what).isEqualTo(HEADER);
                    assertThat(gunzip(gz)).as(what).isEqualTo(sample);
                    // deterministic: the same input, the same output
                    assertThat(gzip.compress(sample)).as(what).isEqualTo(gz);
                }
            }
        }
    }

    @Test
    void incompressibleInput_growsOnlyByTheFraming() {
        byte[] random = samples.get(2);
        for (Gzip.Engine engine : engines()) {
            byte[] gz = Gzip.at(6, engine).compress(random);
            // stored blocks: 5 bytes per block of up to 64 KiB, plus the 18 bytes of header and trailer
            assertThat(gz.length).as(engine.label()).isLessThanOrEqualTo(random.length + 18 + 5 * (random.length / 16_383 + 1));
        }
    }

    @Test
    void libdeflate_isAsSmallAsZlib_onPortPages() {
        Assumptions.assumeTrue(Gzip.nativeProblem().isEmpty(), "no native library here");
        long zlib = 0;
        long libdeflate = 0;
        for (byte[] sample : samples.subList(5, samples.size())) {
            zlib += Gzip.at(6, Gzip.Engine.ZLIB).compress(sample).length;
            libdeflate += Gzip.at(6, Gzip.Engine.LIBDEFLATE).compress(sample).length;
        }
        // the reason to use it is speed (bench/README.md); it must not cost size
        assertThat((double) libdeflate / zlib).isLessThan(1.02);
    }

    @Test
    void oneInstance_isSafeToShareBetweenThreads() throws Exception {
        for (Gzip.Engine engine : engines()) {
            Gzip gzip = Gzip.at(6, engine);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(pool.submit(() -> {
                        for (int round = 0; round < 5; round++) {
                            for (byte[] sample : samples) {
                                if (!Arrays.equals(gunzip(gzip.compress(sample)), sample)) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> r : results) {
                    assertThat(r.get()).as(engine.label()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void levelsOutsideOneToNine_areRefused() {
        assertThatThrownBy(() -> Gzip.at(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-9");
        assertThatThrownBy(() -> Gzip.at(10, Gzip.Engine.ZLIB)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSystemProperty_choosesZlib() {
        String before = System.getProperty(Gzip.ENGINE_PROPERTY);
        try {
            System.setProperty(Gzip.ENGINE_PROPERTY, "zlib");
            assertThat(Gzip.at(6).engine()).isEqualTo(Gzip.Engine.ZLIB);
        } finally {
            if (before == null) {
                System.clearProperty(Gzip.ENGINE_PROPERTY);
            } else {
                System.setProperty(Gzip.ENGINE_PROPERTY, before);
            }
        }
    }

    @Test
    void thePlatformName_isTheBuildsName() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        try {
            System.setProperty("os.name", "Linux");
            System.setProperty("os.arch", "amd64");
            assertThat(Gzip.Native.platform()).isEqualTo("linux-x86_64");
            System.setProperty("os.arch", "aarch64");
            assertThat(Gzip.Native.platform()).isEqualTo("linux-aarch64");
        } finally {
            System.setProperty("os.name", os);
            System.setProperty("os.arch", arch);
        }
    }
}
