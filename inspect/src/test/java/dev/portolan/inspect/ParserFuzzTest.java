package dev.portolan.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Transport;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Every reader of system output, given any bytes or a mutated fixture, returns sockets or throws
 * {@link InspectException} naming its source: never another exception. A capture read by {@link
 * CapturedOutput} loses no line: each line that is not blank is a heading of its format, a line of
 * a socket, or unread with the reason, and only one of these.
 */
class ParserFuzzTest {
    /** The fixtures and the reader that reads each. */
    enum Reader {
        PROC_TCP("proc-net-tcp.txt"), PROC_TCP6("proc-net-tcp6.txt"), PROC_UDP("proc-net-udp.txt"),
        LSOF("lsof-macos.txt"), LSOF_C0("lsof-macos-c0.txt"), POWERSHELL("windows-powershell.csv"),
        NETSTAT("windows-netstat.txt"), NETSTAT_DE("windows-netstat-de.txt"), TASKLIST("windows-tasklist.csv"),
        NETSH("windows-netsh-tcp.txt"), NETSH_EXCLUDED("windows-netsh-excluded.txt"), CAPTURED_SS("ss-tulpn.txt"),
        CAPTURED_NETSTAT("netstat-linux.txt"), CAPTURED_LSOF("lsof-macos.txt"), CAPTURED_WINDOWS("windows-netstat.txt"),
        CAPTURED_CSV("windows-powershell.csv"), CAPTURED_PROC_CAT("proc-net-cat.txt"),
        CAPTURED_PROC_HEAD("proc-net-head.txt"), CAPTURED_PS_TABLE("powershell-tcp-table.txt"),
        CAPTURED_PS_TABLE_UDP("powershell-udp-table.txt"), CAPTURED_PS_TABLE_NARROW("powershell-tcp-table-narrow.txt"),
        CAPTURED_PS_TABLE_PS7("powershell-tcp-table-ps7-narrow.txt"), CAPTURED_PS_TABLE_WRAP("powershell-tcp-table-wrap.txt"),
        CAPTURED_PS_LIST("powershell-list.txt"), CAPTURED_PS_LIST_ALL("powershell-list-all.txt"),
        CAPTURED_PS_LIST_NARROW("powershell-list-narrow.txt");

        final String fixture;

        Reader(String fixture) {
            this.fixture = fixture;
        }

        void read(byte[] bytes) throws InspectException {
            String text = new String(bytes, StandardCharsets.UTF_8);
            switch (this) {
                case PROC_TCP -> table(bytes, Transport.TCP, AddressFamily.IPV4);
                case PROC_TCP6 -> table(bytes, Transport.TCP, AddressFamily.IPV6);
                case PROC_UDP -> table(bytes, Transport.UDP, AddressFamily.IPV4);
                case LSOF, LSOF_C0 -> assertThat(new LsofOutput("src", true).parse(text)).isNotNull();
                case POWERSHELL -> assertThat(WindowsOutput.powerShell(text, "src", true)).isNotNull();
                case NETSTAT, NETSTAT_DE -> assertThat(WindowsOutput.netstat(text, "src", true)).isNotNull();
                case TASKLIST -> assertThat(WindowsOutput.tasklist(text, "src")).isNotNull();
                case NETSH -> assertThat(WindowsOutput.netshDynamicPorts(text, "src")).isNotNull();
                case NETSH_EXCLUDED -> assertThat(WindowsOutput.netshExcludedPorts(text, "src")).isNotNull();
                case CAPTURED_SS, CAPTURED_NETSTAT, CAPTURED_LSOF, CAPTURED_WINDOWS, CAPTURED_CSV, CAPTURED_PROC_CAT,
                        CAPTURED_PROC_HEAD, CAPTURED_PS_TABLE, CAPTURED_PS_TABLE_UDP, CAPTURED_PS_TABLE_NARROW,
                        CAPTURED_PS_TABLE_PS7, CAPTURED_PS_TABLE_WRAP, CAPTURED_PS_LIST, CAPTURED_PS_LIST_ALL,
                        CAPTURED_PS_LIST_NARROW ->
                        assertEveryLineAccounted(CapturedOutput.ledger(bytes, "src"));
            }
        }

        private static void table(byte[] bytes, Transport t, AddressFamily f) throws InspectException {
            List<ProcNetTable.Entry> out = new ArrayList<>();
            new ProcNetTable("src", t, f, true, ByteOrder.LITTLE_ENDIAN).parse(bytes, out);
            // a scan of one port finds the same sockets of that port (it may refuse less of the rest)
            for (ProcNetTable.Entry e : out) {
                int port = e.socket().port();
                List<ProcNetTable.Entry> one = new ArrayList<>();
                new ProcNetTable("src", t, f, true, ByteOrder.LITTLE_ENDIAN).parse(bytes, one, port);
                assertThat(one).isEqualTo(out.stream().filter(x -> x.socket().port() == port).toList());
            }
        }
    }

    /** Each line that is not blank is in exactly one of headings, socket lines and unread lines. */
    static void assertEveryLineAccounted(CaptureLedger ledger) {
        List<String> lines = ledger.lines();
        Map<Integer, String> kind = new HashMap<>();
        for (int n : ledger.headings()) {
            assertThat(kind.put(n, "heading")).as("line %d", n).isIn(null, "heading");
        }
        for (int n : ledger.socketLines()) {
            assertThat(kind.put(n, "socket")).as("line %d", n).isIn(null, "socket");
        }
        for (int n : ledger.unreadLines()) {
            assertThat(kind.put(n, "unread")).as("line %d", n).isNull();
        }
        for (CapturedOutput.Unread u : ledger.reading().unread()) {
            assertThat(kind.get(u.line())).isEqualTo("unread");
            assertThat(u.text()).isEqualTo(lines.get(u.line() - 1));
            assertThat(u.why()).isNotBlank();
        }
        for (int i = 0; i < lines.size(); i++) {
            assertThat(kind.containsKey(i + 1)).as("line %d \"%s\" is accounted for", i + 1, lines.get(i))
                    .isEqualTo(!lines.get(i).isBlank());
        }
    }

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

    private static void assertReadOrRefused(Reader reader, byte[] bytes) {
        try {
            reader.read(bytes);
        } catch (InspectException e) {
            assertThat(e.getMessage()).startsWith("src");
        }
    }

    @Property(tries = 500)
    void arbitraryBytes_areReadOrRefused(@ForAll Reader reader, @ForAll @Size(max = 2000) byte[] bytes) {
        assertReadOrRefused(reader, bytes);
    }

    @Property(tries = 1500)
    void mutatedFixtures_areReadOrRefused(@ForAll Reader reader, @ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = Fixtures.bytes(reader.fixture);
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }
        assertReadOrRefused(reader, bytes);
    }

    @Property(tries = 500)
    void fixtureLinesInAnyOrderAndNumber_areReadOrRefused(@ForAll Reader reader,
            @ForAll("lineChoices") List<Integer> choices) {
        String[] lines = Fixtures.text(reader.fixture).split("\n");
        StringBuilder text = new StringBuilder(lines[0]).append('\n');
        for (int c : choices) {
            text.append(lines[c % lines.length]).append('\n');
        }
        assertReadOrRefused(reader, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void addressesAndEndpoints_neverThrow(@ForAll("addressLike") String text) {
        String a = Addresses.normalize(text);
        if (a != null) {
            assertThat(Addresses.normalize(a)).as("canonical forms are stable").isEqualTo(a);
        }
        Endpoints.parse(text);
        Endpoints.parse("[" + text + "]:80");
    }

    @Provide
    Arbitrary<String> addressLike() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF:.%[]*-xz ").ofMaxLength(45);
    }

    @Provide
    Arbitrary<List<Integer>> lineChoices() {
        return Arbitraries.integers().between(0, 1000).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(Mutation.Kind.class),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 255)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }
}
