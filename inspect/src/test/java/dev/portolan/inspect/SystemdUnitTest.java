package dev.portolan.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SystemdUnitTest {
    @Test
    void aSystemServiceIsNamed_fromCgroupV2OrV1() {
        assertThat(SystemdUnit.fromCgroup("0::/system.slice/nginx.service\n")).contains("nginx.service");
        assertThat(SystemdUnit.fromCgroup("12:pids:/system.slice/ssh.service\n1:name=systemd:/system.slice/ssh.service\n"))
                .contains("ssh.service");
        // a templated unit keeps its instance name
        assertThat(SystemdUnit.fromCgroup("0::/system.slice/system-getty.slice/getty@tty1.service\n")).isEmpty();
        assertThat(SystemdUnit.fromCgroup("0::/system.slice/postgresql@15-main.service\n")).contains("postgresql@15-main.service");
    }

    @Test
    void sessionsUserServicesContainersAndJunk_areNotSystemServices() {
        assertThat(SystemdUnit.fromCgroup("0::/user.slice/user-1000.slice/session-3.scope\n")).isEmpty();
        assertThat(SystemdUnit.fromCgroup("0::/user.slice/user-1000.slice/user@1000.service/app.slice/x.service\n")).isEmpty();
        assertThat(SystemdUnit.fromCgroup("0::/system.slice/docker-4f2a.scope\n")).isEmpty();
        assertThat(SystemdUnit.fromCgroup("0::/\n")).isEmpty();
        assertThat(SystemdUnit.fromCgroup("garbage")).isEmpty();
        assertThat(SystemdUnit.fromCgroup("0::/system.slice/.service\n")).isEmpty();
        assertThat(SystemdUnit.of(Path.of("/nonexistent"), 1)).isEmpty();
    }
}
