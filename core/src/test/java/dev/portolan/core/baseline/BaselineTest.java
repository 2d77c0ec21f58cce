package dev.portolan.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.Assignment;
import dev.portolan.core.PortQuery;
import dev.portolan.core.PortRange;
import dev.portolan.core.Registry;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import dev.portolan.core.iana.RegistryFileReader;
import dev.portolan.core.snapshot.SnapshotCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    /** The committed release record; tests run in the module directory. */
    private static final Path RELEASE = Path.of("src/main/baseline/RELEASE").toAbsolutePath();

    @Test
    void load_givesTheEmbeddedIanaRelease() {
        RegistrySnapshot s = Baseline.load();
        assertThat(s.assignments()).hasSize(14_496);
        assertThat(s.info().source()).isEqualTo(SnapshotInfo.Source.BASELINE);
        assertThat(s.info().updated()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(s.info().label()).isEqualTo("IANA registry of 2025-12-15, SHA-256 18b51f94b72a");
        assertThat(s.info().describe()).isEqualTo("embedded IANA registry of 2025-12-15");
        assertThat(s.people()).isNotEmpty();
    }

    /** What the npm table lacked: ranges, dates, people and references. */
    @Test
    void load_carriesWhatTheRegistryHolds() throws Exception {
        Registry r = Registry.of(Baseline.load());
        Assignment x11 = r.lookup(PortQuery.parse("6000/tcp"), null).get(0).assignment();
        assertThat(x11.service()).isEqualTo("x11");
        assertThat(x11.ports()).isEqualTo(new PortRange(6000, 6063));
        Assignment ssh = r.lookup(PortQuery.parse("22/tcp"), null).get(0).assignment();
        assertThat(ssh.service()).isEqualTo("ssh");
        assertThat(ssh.references()).isNotEmpty();
        assertThat(r.lookup(PortQuery.parse("443/tcp"), null)).first()
                .satisfies(e -> assertThat(e.assignment().service()).isEqualTo("https"));
        assertThat(Baseline.load().assignments()).anySatisfy(a -> assertThat(a.registered()).isNotNull());
        assertThat(Baseline.load().assignments()).anySatisfy(a -> assertThat(a.transport()).isEqualTo(Transport.SCTP));
    }

    /** The embedded snapshot holds exactly what an import of the same file gives. */
    @Test
    void load_isTheCommittedReleaseAsAnImportReadsIt() throws Exception {
        RegistrySnapshot imported = RegistryFileReader.read(RELEASE.resolveSibling("service-names-port-numbers.xml.gz"));
        assertThat(Baseline.load().assignments()).isEqualTo(imported.assignments());
        assertThat(Baseline.load().people()).isEqualTo(imported.people());
    }

    @Test
    void compiler_writesTheSnapshotOfTheRecordedRelease(@TempDir Path dir) throws Exception {
        Path release = release(dir, "2025-03-04", registry("2025-03-04"));
        Path out = dir.resolve("sub/out.snapshot");
        BaselineCompiler.main(new String[] {release.toString(), out.toString()});
        RegistrySnapshot s = SnapshotCodec.decode(Files.readAllBytes(out));
        assertThat(s.info().source()).isEqualTo(SnapshotInfo.Source.BASELINE);
        assertThat(s.info().updated()).hasToString("2025-03-04");
        assertThat(s.assignments()).singleElement().satisfies(a -> {
            assertThat(a.service()).isEqualTo("ssh");
            assertThat(a.ports()).isEqualTo(PortRange.of(22));
        });
        assertThatThrownBy(() -> BaselineCompiler.main(new String[] {release.toString()}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("usage: BaselineCompiler RELEASE OUTPUT.snapshot");
    }

    @Test
    void compiler_refusesAFileThatIsNotTheRecordedRelease(@TempDir Path dir) throws Exception {
        byte[] xml = registry("2025-03-04");
        Path release = release(dir, "2025-03-04", xml);
        // someone replaced the registry file without the script
        Files.write(dir.resolve("registry.xml.gz"), gzip(registry("2025-03-05")));
        assertThatThrownBy(() -> BaselineCompiler.compile(release)).isInstanceOf(RegistryFormatException.class)
                .hasMessageContaining("its XML has SHA-256 " + BaselineCompiler.sha256(registry("2025-03-05")))
                .hasMessageEndingWith("records " + BaselineCompiler.sha256(xml) + "; refresh both with scripts/update-baseline");
        // the hash matches but the record names another date
        Path wrongDate = release(dir, "2025-01-01", xml);
        assertThatThrownBy(() -> BaselineCompiler.compile(wrongDate)).isInstanceOf(RegistryFormatException.class)
                .hasMessageEndingWith("the registry says it was updated on 2025-03-04, but " + wrongDate + " records 2025-01-01");
        Files.writeString(wrongDate, "file=registry.xml.gz\nupdated=2025-03-04\n");
        assertThatThrownBy(() -> BaselineCompiler.compile(wrongDate)).isInstanceOf(RegistryFormatException.class)
                .hasMessage(wrongDate + ": has no sha256= line");
        Files.writeString(wrongDate, "file=missing.xml.gz\nupdated=2025-03-04\nsha256=00\n");
        assertThatThrownBy(() -> BaselineCompiler.compile(wrongDate)).isInstanceOf(RegistryFormatException.class)
                .hasMessage(dir.resolve("missing.xml.gz") + ": no such file (named by " + wrongDate + ")");
    }

    private static byte[] registry(String updated) {
        return ("<?xml version='1.0' encoding='UTF-8'?>\n"
                + "<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n"
                + "  <title>Service Name and Transport Protocol Port Number Registry</title>\n"
                + "  <updated>" + updated + "</updated>\n"
                + "  <record><name>ssh</name><protocol>tcp</protocol><description>The Secure Shell (SSH) Protocol"
                + "</description><number>22</number></record>\n"
                + "</registry>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Path release(Path dir, String updated, byte[] xml) throws IOException {
        Files.write(dir.resolve("registry.xml.gz"), gzip(xml));
        Path release = dir.resolve("RELEASE-" + updated);
        Files.writeString(release, "# test\nfile=registry.xml.gz\nupdated=" + updated + "\nsha256="
                + BaselineCompiler.sha256(xml) + "\n");
        return release;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }
}
