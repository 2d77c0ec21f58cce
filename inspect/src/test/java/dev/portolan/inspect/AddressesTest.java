package dev.portolan.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressesTest {
    private static byte[] v6(int... bytes) {
        byte[] out = new byte[16];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return out;
    }

    @Test
    void ipv6_isWrittenInTheRfc5952Form() {
        assertThat(Addresses.ipv6(new byte[16])).isEqualTo("::");
        byte[] loopback = new byte[16];
        loopback[15] = 1;
        assertThat(Addresses.ipv6(loopback)).isEqualTo("::1");
        assertThat(Addresses.ipv6(v6(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1)))
                .as("the longest zero run is shortened, the first of equal ones").isEqualTo("2001:db8::1:0:0:1");
        assertThat(Addresses.ipv6(v6(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1)))
                .as("a single zero group is not shortened").isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(Addresses.ipv6(v6(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0xc2, 0xa6, 0x27, 0xff, 0x9a, 0xdb, 0x56, 0xfe)))
                .isEqualTo("fe80::c2a6:27ff:9adb:56fe");
        assertThat(Addresses.ipv6(v6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1)))
                .isEqualTo("::ffff:127.0.0.1");
    }

    @Test
    void normalize_acceptsWhatToolsPrint() {
        assertThat(Addresses.normalize("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(Addresses.normalize("0.0.0.0")).isEqualTo("0.0.0.0");
        assertThat(Addresses.normalize("::")).isEqualTo("::");
        assertThat(Addresses.normalize("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(Addresses.normalize("FE80::AEDE:48FF:FE00:1122%en0")).isEqualTo("fe80::aede:48ff:fe00:1122%en0");
        assertThat(Addresses.normalize("fe80::1c2d:3e4f:5a6b:7c8d%12")).isEqualTo("fe80::1c2d:3e4f:5a6b:7c8d%12");
        assertThat(Addresses.normalize("fe80:4::aede:48ff:fe00:1122")).as("KAME's embedded scope stays as written")
                .isEqualTo("fe80:4::aede:48ff:fe00:1122");
        assertThat(Addresses.normalize("::ffff:10.0.0.1")).isEqualTo("::ffff:10.0.0.1");
        assertThat(Addresses.normalize("2001:db8::1:2:3:4:5")).isEqualTo("2001:db8:0:1:2:3:4:5");
    }

    @Test
    void normalize_refusesWhatIsNoAddress() {
        for (String bad : new String[] {"", "*", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01234.1.1.1", "1..2.3", ":::",
            "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "fe80::1%", "fe80::1%en 0", "g::1",
            "::ffff:1.2.3", "localhost", "١٢٧.0.0.1", "::١"}) {
            assertThat(Addresses.normalize(bad)).as(bad).isNull();
        }
    }

    @Test
    void loopbackAndWildcard() {
        assertThat(Addresses.isLoopback("127.0.0.53")).isTrue();
        assertThat(Addresses.isLoopback("::1")).isTrue();
        assertThat(Addresses.isLoopback("::ffff:127.0.0.1")).isTrue();
        assertThat(Addresses.isLoopback("::")).isFalse();
        assertThat(Addresses.isLoopback("192.168.1.20")).isFalse();
        assertThat(Addresses.isWildcard("0.0.0.0")).isTrue();
        assertThat(Addresses.isWildcard("::")).isTrue();
        assertThat(Addresses.isWildcard("::1")).isFalse();
        assertThat(Addresses.endpoint("::1", 80)).isEqualTo("[::1]:80");
        assertThat(Addresses.endpoint("10.0.0.1", 80)).isEqualTo("10.0.0.1:80");
    }
}
