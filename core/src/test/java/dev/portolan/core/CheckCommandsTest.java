package dev.portolan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.CheckCommands.Os;
import org.junit.jupiter.api.Test;

class CheckCommandsTest {
    @Test
    void everySystemAndTransport_matchesTheLocalPortExactly() {
        assertThat(CheckCommands.listeners(Os.LINUX, Transport.TCP, 60)).isEqualTo("ss -ltnp 'sport = :60'");
        assertThat(CheckCommands.listeners(Os.LINUX, Transport.UDP, 60)).isEqualTo("ss -lunp 'sport = :60'");
        assertThat(CheckCommands.listeners(Os.MACOS, Transport.TCP, 60)).isEqualTo("lsof -nP -iTCP:60 -sTCP:LISTEN");
        assertThat(CheckCommands.listeners(Os.MACOS, Transport.UDP, 53))
                .isEqualTo("lsof -nP -iUDP:53 | awk 'NR==1 || $9 ~ /^[^-]*:53(->|$)/'");
        assertThat(CheckCommands.listeners(Os.WINDOWS, Transport.TCP, 60))
                .isEqualTo("Get-NetTCPConnection -LocalPort 60 -State Listen");
        assertThat(CheckCommands.listeners(Os.WINDOWS, Transport.UDP, 60)).isEqualTo("Get-NetUDPEndpoint -LocalPort 60");
    }

    @Test
    void portsOutsideTheRange_andOtherTransports_areRefused() {
        assertThatThrownBy(() -> CheckCommands.listeners(Os.LINUX, Transport.TCP, 65_536))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("port 65536 is outside 0-65535");
        assertThatThrownBy(() -> CheckCommands.listeners(Os.LINUX, Transport.SCTP, 80))
                .hasMessage("commands are written for TCP and UDP, not sctp");
    }
}
