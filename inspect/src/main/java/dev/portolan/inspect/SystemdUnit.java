package dev.portolan.inspect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The systemd system service a Linux process runs in, read from {@code /proc/PID/cgroup}: systemd
 * puts each service's processes in the control group {@code /system.slice/NAME.service} (under
 * cgroup v2 the line {@code 0::/system.slice/nginx.service}; under v1, the {@code name=systemd}
 * hierarchy). A process of a user's session or a user service is not a system service, and one in
 * a container's group is the container's: neither is named.
 */
public final class SystemdUnit {
    private SystemdUnit() {}

    /** The unit of process {@code pid}, if it runs in a system service; empty off Linux or when unreadable. */
    public static Optional<String> of(Path proc, long pid) {
        try {
            return fromCgroup(Files.readString(proc.resolve(Long.toString(pid)).resolve("cgroup"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The system service named by the text of a {@code /proc/PID/cgroup} file. */
    static Optional<String> fromCgroup(String text) {
        for (String line : text.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length < 3 || !(f[0].equals("0") && f[1].isEmpty() || f[1].equals("name=systemd"))) {
                continue;
            }
            String path = f[2].strip();
            if (!path.startsWith("/system.slice/")) {
                continue;
            }
            String first = path.substring("/system.slice/".length()).split("/", 2)[0];
            if (first.endsWith(".service") && first.length() > ".service".length()) {
                return Optional.of(first);
            }
        }
        return Optional.empty();
    }
}
