package dev.portolan.core.iana;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes it is given, the reader returns a snapshot or throws {@link RegistryFormatException}
 * naming the source: never another exception.
 */
class RegistryFileReaderFuzzTest {
    private static final String NAME = "fuzz";
    private static final byte[] XML = Fixtures.bytes(Fixtures.XML);
    private static final byte[] CSV = Fixtures.bytes(Fixtures.CSV);
    private static final int XML_END = new String(XML, StandardCharsets.UTF_8).indexOf("</registry>")
            + "</registry>".length();

    /** One edit of a fixture: where (a fraction of its length), what, and a byte value. */
    record Mutation(Kind kind, double where, int value) {
        enum Kind { REPLACE, INSERT, DELETE, TRUNCATE, DUPLICATE }

        byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            int at = Math.min(in.length - 1, (int) (where * in.length));
            return switch (kind) {
                case REPLACE -> {
                    byte[] out = in.clone();
                    out[at] = (byte) value;
                    yield out;
                }
                case INSERT -> {
                    byte[] out = new byte[in.length + 1];
                    System.arraycopy(in, 0, out, 0, at);
                    out[at] = (byte) value;
                    System.arraycopy(in, at, out, at + 1, in.length - at);
                    yield out;
                }
                case DELETE -> {
                    byte[] out = new byte[in.length - 1];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(in, at + 1, out, at, in.length - at - 1);
                    yield out;
                }
                case TRUNCATE -> Arrays.copyOf(in, at);
                case DUPLICATE -> {
                    int len = Math.min(value + 1, in.length - at);
                    byte[] out = new byte[in.length + len];
                    System.arraycopy(in, 0, out, 0, at + len);
                    System.arraycopy(in, at, out, at + len, in.length - at);
                    yield out;
                }
            };
        }
    }

    @Property(tries = 400)
    void arbitraryBytes_areReadOrRefused(@ForAll @Size(max = 3000) byte[] bytes) {
        assertReadOrRefused(bytes);
    }

    @Property(tries = 400)
    void arbitraryBytesAfterARegistryLikeStart_areReadOrRefused(@ForAll("starts") String start,
            @ForAll @Size(max = 1000) byte[] rest) {
        byte[] head = start.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, bytes, head.length, rest.length);
        assertReadOrRefused(bytes);
    }

    @Property(tries = 600)
    void mutatedFixtures_areReadOrRefused(@ForAll boolean xml, @ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = xml ? XML : CSV;
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }
        assertReadOrRefused(bytes);
    }

    @Property(tries = 200)
    void gzippedMutatedFixtures_areReadOrRefused(@ForAll boolean xml, @ForAll("mutations") List<Mutation> mutations,
            @ForAll("mutations") List<Mutation> ofCompressed) {
        byte[] bytes = xml ? XML : CSV;
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }
        bytes = Fixtures.gzip(bytes);
        for (Mutation m : ofCompressed) {
            bytes = m.apply(bytes);
        }
        if (bytes.length >= 2) {
            bytes[0] = 0x1f;
            bytes[1] = (byte) 0x8b;
        }
        assertReadOrRefused(bytes);
    }

    @Property(tries = 300)
    void xmlCutBeforeItsEnd_isAlwaysRefused(@ForAll @IntRange(min = 0, max = 100_000) int at) {
        int cut = at % XML_END;
        byte[] bytes = Arrays.copyOf(XML, cut);
        try {
            RegistrySnapshot s = read(bytes);
            throw new AssertionError("accepted the XML cut after " + cut + " bytes: " + s.assignments().size()
                    + " records");
        } catch (RegistryFormatException e) {
            assertThat(e.getMessage()).startsWith(NAME + ": ");
        }
    }

    @Example
    void xmlCutAtEveryRecordEnd_isRefused() {
        String text = new String(XML, StandardCharsets.UTF_8);
        int count = 0;
        for (int end = text.indexOf("</record>"); end >= 0; end = text.indexOf("</record>", end + 1)) {
            byte[] cut = text.substring(0, end + "</record>".length()).getBytes(StandardCharsets.UTF_8);
            try {
                read(cut);
                throw new AssertionError("accepted the XML cut after record " + count);
            } catch (RegistryFormatException e) {
                assertThat(e.getMessage()).startsWith(NAME + ": not well-formed XML at line ");
            }
            count++;
        }
        assertThat(count).isEqualTo(29);
    }

    @Provide
    Arbitrary<String> starts() {
        return Arbitraries.of("<?xml version='1.0' encoding='UTF-8'?>\n",
                "<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">",
                "<registry id=\"service-names-port-numbers\"><record><number>",
                "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,"
                        + "Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes\r\n",
                "\"Service Name\",", "\uFEFF<", "<!-- comment -->", "<?xml-stylesheet type=\"text/xsl\"?>");
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(Mutation.Kind.class),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 255)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    private static void assertReadOrRefused(byte[] bytes) {
        try {
            RegistrySnapshot s = read(bytes);
            assertThat(s.assignments()).isNotNull();
        } catch (RegistryFormatException e) {
            assertThat(e.getMessage()).startsWith(NAME + ": ");
        }
    }

    private static RegistrySnapshot read(byte[] bytes) throws RegistryFormatException {
        return RegistryFileReader.read(new ByteArrayInputStream(bytes), NAME);
    }
}
