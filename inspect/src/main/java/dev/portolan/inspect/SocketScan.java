package dev.portolan.inspect;

import dev.portolan.core.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one look at this machine's sockets found.
 *
 * @param platform the system that was read
 * @param source how it was read, such as {@code /proc/net} or the command that ran
 * @param sockets the sockets, in {@link LocalSocket#ORDER}
 * @param settings the machine's ephemeral range, reserved ports and privileged ports
 * @param limitations plain sentences on what this scan could not see, such as the owners of
 *     sockets held by processes this user may not inspect; empty when it saw everything
 */
public record SocketScan(Platform platform, String source, List<LocalSocket> sockets, PortSettings settings,
        List<String> limitations) {

    public SocketScan {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        sockets = sockets.stream().sorted(LocalSocket.ORDER).toList();
        limitations = List.copyOf(limitations);
    }

    /** The sockets on {@code port}, of {@code transport} unless it is null. */
    public List<LocalSocket> at(int port, @Nullable Transport transport) {
        List<LocalSocket> out = new ArrayList<>();
        for (LocalSocket s : sockets) {
            if (s.port() == port && (transport == null || s.transport() == transport)) {
                out.add(s);
            }
        }
        return out;
    }

    /** How many sockets have no visible owner. */
    public int withoutOwner() {
        int n = 0;
        for (LocalSocket s : sockets) {
            if (s.owners().isEmpty()) {
                n++;
            }
        }
        return n;
    }
}
