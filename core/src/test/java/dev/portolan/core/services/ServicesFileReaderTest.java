package dev.portolan.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortQuery;
import dev.portolan.core.PortRange;
import dev.portolan.core.Registry;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import dev.portolan.core.testsupport.Fixtures;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesFileReaderTest {

    @Test
    void read_skipsCommentsBlankAndDdpLines() throws RegistryFormatException {
        RegistrySnapshot s = ServicesFileReader.read(Fixtures.path(Fixtures.SERVICES));
        assertThat(s.assignments()).extracting(Assignment::service, a -> a.ports().first(), Assignment::transport)
                .containsExactly(
                        tuple("tcpmux", 1, Transport.TCP),
                        tuple("echo", 7, Transport.TCP),
                        tuple("echo", 7, Transport.UDP),
                        tuple("ssh", 22, Transport.TCP),
                        tuple("smtp", 25, Transport.TCP),
                        tuple("http", 80, Transport.TCP),
                        tuple("ntp", 123, Transport.UDP),
                        tuple("discard", 9, Transport.SCTP),
                        tuple("kerberos", 88, Transport.TCP));
        assertThat(s.info()).isEqualTo(new SnapshotInfo(SnapshotInfo.Source.SERVICES,
                Fixtures.path(Fixtures.SERVICES).toString(), null, null));
        assertThat(s.people()).isEmpty();
    }

    @Test
    void read_trailingCommentIsTheDescriptionAndExtraNamesAreAliases() throws RegistryFormatException {
        RegistrySnapshot s = ServicesFileReader.read(Fixtures.path(Fixtures.SERVICES));
        Assignment http = s.assignments().get(5);
        assertThat(http).isEqualTo(Assignment.builder().service("http").alias("www").alias("www-http")
                .ports(PortRange.of(80)).transport(Transport.TCP).description("WorldWideWeb HTTP")
                .status(AssignmentStatus.ASSIGNED).build());
        assertThat(s.assignments().get(1).description()).isEmpty();
        assertThat(s.assignments().get(1).status()).isEqualTo(AssignmentStatus.ASSIGNED);
        assertThat(s.assignments().get(4).aliases()).containsExactly("mail");
        assertThat(s.assignments().get(8).aliases()).containsExactly("kerberos5", "krb5");
    }

    @Test
    void aliases_answerLookups() throws Exception {
        Registry r = Registry.of(ServicesFileReader.read(Fixtures.path(Fixtures.SERVICES)));
        assertThat(r.lookup(PortQuery.parse("www"), null)).singleElement()
                .satisfies(e -> assertThat(e.port()).isEqualTo(80));
    }

    @Test
    void read_lineWithoutPortProtocol_namesItsLineNumber() {
        assertBad("# header\nssh 22/tcp\nbroken\n", "svc: line 3 has no port/protocol: \"broken\", "
                + "expected \"name port/protocol [aliases]\"");
    }

    @Test
    void read_portWithoutProtocol_namesItsLineNumber() {
        assertBad("ssh 22\n", "svc: line 1 has \"22\", expected port/protocol such as 22/tcp");
    }

    @Test
    void read_badPortNumbers_nameTheirLineNumber() {
        assertBad("\n\nssh abc/tcp\n", "svc: line 3 has port \"abc\", expected a number from 0 to 65535");
        assertBad("big 65536/udp\n", "svc: line 1 has port \"65536\", expected a number from 0 to 65535");
        assertBad("neg -1/udp\n", "svc: line 1 has port \"-1\", expected a number from 0 to 65535");
        assertBad("none /udp  # no port\n", "svc: line 1 has port \"\", expected a number from 0 to 65535");
    }

    @Test
    void read_commentOnlyAndEmptyInput_giveNoEntries() throws RegistryFormatException {
        assertThat(ServicesFileReader.read(new StringReader(""), "svc").assignments()).isEmpty();
        assertThat(ServicesFileReader.read(new StringReader("# only\n   # comments\n\n"), "svc").assignments()).isEmpty();
    }

    @Test
    void read_missingFile_saysSo(@TempDir Path dir) {
        Path missing = dir.resolve("services");
        assertThatThrownBy(() -> ServicesFileReader.read(missing)).isInstanceOf(RegistryFormatException.class)
                .hasMessage(missing + ": no such file");
    }

    private static void assertBad(String content, String message) {
        assertThatThrownBy(() -> ServicesFileReader.read(new StringReader(content), "svc"))
                .isInstanceOf(RegistryFormatException.class).hasMessage(message);
    }
}
