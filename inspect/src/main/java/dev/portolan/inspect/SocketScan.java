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
 * @param limitations what this scan could not see as a whole (lsof shows only this user's
 *     sockets, PowerShell failed), as notes to put in words; empty when it saw everything
 * @param hiddenOwners why a socket may show no owner here (this user may not read other processes'
 *     descriptors, or no process in view holds it), or null when the scan tells no reason; {@link
 *     #notes(java.util.Collection)} gives it the argument {@code sockets}, how many sockets it
 *     concerns
 */
public record SocketScan(Platform platform, String source, List<LocalSocket> sockets, PortSettings settings,
        List<Note> limitations, @Nullable Note hiddenOwners) {

    public SocketScan {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        List<LocalSocket> sorted = new java.util.ArrayList<>(sockets);
        sorted.sort(LocalSocket.ORDER); // not a stream: see bench/README.md on what lambdas cost a start
        sockets = java.util.Collections.unmodifiableList(sorted);
        limitations = List.copyOf(limitations);
    }

    /** A scan that tells no reason for missing owners. */
    public SocketScan(Platform platform, String source, List<LocalSocket> sockets, PortSettings settings,
            List<Note> limitations) {
        this(platform, source, sockets, settings, limitations, null);
    }

    /** This scan with only the sockets whose local port is {@code port}, in every state. */
    public SocketScan onPort(int port) {
        List<LocalSocket> on = new ArrayList<>();
        for (LocalSocket s : sockets) {
            if (s.port() == port) {
                on.add(s);
            }
        }
        return new SocketScan(platform, source, on, settings, limitations, hiddenOwners);
    }

    /** What this scan could not see, of all its sockets. */
    public List<Note> notes() {
        return notes(sockets);
    }

    /**
     * What this scan could not see of {@code concerned}: the scan's own limitations, and how many
     * of those sockets show no owner and why. A socket in TIME-WAIT has no owner by nature (the
     * kernel holds it) and is not counted. The count is the note {@code scan.hidden} with the
     * arguments {@code count} and {@code reason}, the reason given {@code sockets}, the same count.
     */
    public List<Note> notes(java.util.Collection<LocalSocket> concerned) {
        List<Note> out = new ArrayList<>(limitations);
        int hidden = 0;
        for (LocalSocket s : concerned) {
            if (s.owners().isEmpty() && s.state() != SocketState.TIME_WAIT) {
                hidden++;
            }
        }
        if (hidden > 0 && hiddenOwners != null) {
            out.add(Note.of("scan.hidden", "count", hidden, "reason", hiddenOwners.with("sockets", hidden)));
        }
        return out;
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

    /**
     * The sockets that hold {@code port} on {@code transport}: every state but TIME-WAIT, whose
     * port no process holds and a server that sets SO_REUSEADDR may bind (socket(7)).
     */
    public List<LocalSocket> holding(int port, Transport transport) {
        List<LocalSocket> out = new ArrayList<>();
        for (LocalSocket s : at(port, transport)) {
            if (s.state() != SocketState.TIME_WAIT) {
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
