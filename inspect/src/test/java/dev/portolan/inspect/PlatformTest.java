package dev.portolan.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Transport;
import org.junit.jupiter.api.Test;

class PlatformTest {
    @Test
    void handCheckCommands_matchThePortExactly() {
        assertThat(Platform.LINUX.handCheckCommands(80, Transport.TCP)).containsExactly("ss -ltnp 'sport = :80'");
        assertThat(Platform.LINUX.handCheckCommands(53, Transport.UDP)).containsExactly("ss -lunp 'sport = :53'");
        assertThat(Platform.MACOS.handCheckCommands(80, Transport.TCP)).containsExactly("lsof -nP -iTCP:80 -sTCP:LISTEN");
        assertThat(Platform.MACOS.handCheckCommands(53, Transport.UDP))
                .containsExactly("lsof -nP -iUDP:53 | awk 'NR==1 || $9 ~ /^[^-]*:53(->|$)/'");
        assertThat(Platform.WINDOWS.handCheckCommands(80, Transport.TCP))
                .containsExactly("Get-NetTCPConnection -LocalPort 80 -State Listen");
        assertThat(Platform.WINDOWS.handCheckCommands(53, Transport.UDP)).containsExactly("Get-NetUDPEndpoint -LocalPort 53");
        for (Platform p : Platform.values()) {
            assertThat(p.handCheckCommands(80, Transport.TCP)).noneMatch(c -> c.contains("grep"));
        }
    }

    @Test
    void platformOfOsName() {
        assertThat(Platform.of("Linux")).isEqualTo(Platform.LINUX);
        assertThat(Platform.of("Mac OS X")).isEqualTo(Platform.MACOS);
        assertThat(Platform.of("Windows 11")).isEqualTo(Platform.WINDOWS);
        assertThat(Platform.of("FreeBSD")).isEqualTo(Platform.OTHER_UNIX);
    }

    @Test
    void macOsVersions_andSysctlOutput() {
        assertThat(LsofScanner.macOsAtLeastMojave("10.13.6")).isFalse();
        assertThat(LsofScanner.macOsAtLeastMojave("10.14")).isTrue();
        assertThat(LsofScanner.macOsAtLeastMojave("14.5")).isTrue();
        assertThat(LsofScanner.macOsAtLeastMojave("")).isFalse();
        assertThat(LsofScanner.sysctlRange("49152\n65535\n")).isEqualTo(new dev.portolan.core.PortRange(49152, 65535));
        assertThat(LsofScanner.sysctlRange("65535\n49152\n")).isNull();
        assertThat(LsofScanner.sysctlRange("sysctl: unknown oid\n")).isNull();
        assertThat(LsofScanner.lsofCommand()).containsExactly("lsof", "+c", "0", "-nP", "-iTCP", "-iUDP");
    }

    @Test
    void macOsPermitsUnprivilegedBindsOnTheWildcardOnly() {
        PortSettings mac = new PortSettings(LsofScanner.BSD_DEFAULT_EPHEMERAL, LsofScanner.BSD_DEFAULT_EPHEMERAL,
                java.util.List.of(), 1024, true, "sysctl");
        assertThat(mac.bindPermission(80)).isEqualTo(PortSettings.BindPermission.ANY_USER_ON_WILDCARD);
        assertThat(mac.bindPermission(80).id()).isEqualTo("any-user-on-wildcard");
        PortSettings windows = new PortSettings(WindowsScanner.WINDOWS_DEFAULT_DYNAMIC,
                WindowsScanner.WINDOWS_DEFAULT_DYNAMIC, java.util.List.of(), 0, false, "netsh");
        assertThat(windows.bindPermission(80)).isEqualTo(PortSettings.BindPermission.ANY_USER);
        assertThat(windows.bindPermission(0)).isEqualTo(PortSettings.BindPermission.ANY_USER);
    }
}
