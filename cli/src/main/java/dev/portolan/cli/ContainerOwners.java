package dev.portolan.cli;

import dev.portolan.core.Transport;
import dev.portolan.inspect.LocalSocket;
import dev.portolan.inspect.SocketOwner;
import dev.portolan.inspect.containers.Container;
import dev.portolan.inspect.containers.ContainerEngine;
import dev.portolan.inspect.containers.ProxyArguments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The container behind a published port, named as people know it: the engine's answer (name,
 * image, Compose project and service) when its socket can be read, otherwise what the proxy's
 * arguments say. The engines are asked once, and only when a port's holder is a container
 * engine's proxy or nothing holds a port a container may publish through the firewall alone.
 */
final class ContainerOwners {
    /** The processes of container engines that publish a container's port on the host. */
    static final Set<String> PROXIES = Set.of("docker-proxy", "rootlessport", "rootlesskit", "slirp4netns", "pasta",
            "conmon");

    private final List<Path> sockets;
    private List<Engine> engines;
    private final List<String> notes = new ArrayList<>();

    /** An engine and its containers. */
    record Engine(Path socket, List<Container> containers) {
        /** {@code docker} or {@code podman}, the command that stops its containers. */
        String command() {
            return socket.toString().contains("podman") ? "podman" : "docker";
        }
    }

    /** A container publishing a port, and the engine that runs it. */
    record Found(Container container, Engine engine) {}

    ContainerOwners(List<Path> sockets) {
        this.sockets = List.copyOf(sockets);
    }

    /** Whether a socket is held by a container engine's proxy. */
    static boolean byProxy(LocalSocket s) {
        return s.owners().stream().anyMatch(o -> o.name() != null && PROXIES.contains(o.name().toLowerCase(Locale.ROOT)));
    }

    /** The container that publishes {@code port} on {@code transport}, if an engine says so. */
    Optional<Found> publishing(int port, Transport transport) {
        for (Engine e : engines()) {
            for (Container c : e.containers()) {
                if (c.publishing(port, transport).isPresent()) {
                    return Optional.of(new Found(c, e));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What to say of a socket a proxy holds: the container by the engine, else its end from the
     * proxy's arguments, else nothing.
     */
    Optional<String> describe(LocalSocket s) {
        if (!byProxy(s)) {
            return Optional.empty();
        }
        Optional<Found> found = publishing(s.port(), s.transport());
        if (found.isPresent()) {
            return Optional.of("container " + found.get().container().describe() + " publishes it; "
                    + found.get().engine().command() + " stop " + found.get().container().name() + " frees it");
        }
        for (SocketOwner o : s.owners()) {
            if (o.commandLine() != null) {
                Optional<String> end = ProxyArguments.containerEnd(o.commandLine());
                if (end.isPresent()) {
                    return Optional.of("a container at " + end.get() + " publishes it (docker ps --filter publish="
                            + s.port() + " names it)");
                }
            }
        }
        return Optional.of("a container publishes it (docker ps --filter publish=" + s.port()
                + ", or podman ps, names it)");
    }

    /** What could not be read of the engines, once each. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private List<Engine> engines() {
        if (engines == null) {
            engines = new ArrayList<>();
            for (Path socket : sockets) {
                try {
                    engines.add(new Engine(socket, new ContainerEngine(socket).containers()));
                } catch (IOException e) {
                    notes.add("the container engine's socket " + socket + " could not be read (" + e.getMessage()
                            + "): run as root, or as a member of its group (docker), to name the containers");
                }
            }
        }
        return engines;
    }
}
