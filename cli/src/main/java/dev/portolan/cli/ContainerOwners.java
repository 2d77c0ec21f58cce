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
    /** The process name of Kubernetes' kube-proxy, which held the node ports of NodePort Services until 2022. */
    static final String KUBE_PROXY = "kube-proxy";

    /** Whether kube-proxy is among the socket's owners. */
    static boolean heldByKubeProxy(dev.portolan.inspect.LocalSocket s) {
        for (dev.portolan.inspect.SocketOwner o : s.owners()) { // loops, not streams: bench/README.md
            if (KUBE_PROXY.equals(o.name())) {
                return true;
            }
        }
        return false;
    }

    static final Set<String> PROXIES = Set.of("docker-proxy", "rootlessport", "rootlesskit", "slirp4netns", "pasta",
            "conmon");

    private final List<Path> sockets;
    private final CliText text;
    private @org.jspecify.annotations.Nullable List<Engine> engines;
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

    ContainerOwners(List<Path> sockets, CliText text) {
        this.sockets = List.copyOf(sockets);
        this.text = text;
    }

    /** Whether a socket is held by a container engine's proxy. */
    static boolean byProxy(LocalSocket s) {
        for (dev.portolan.inspect.SocketOwner o : s.owners()) {
            if (o.name() != null && PROXIES.contains(o.name().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
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
            return Optional.of(text.say("container.publishes", "container", name(found.get().container()),
                    "command", found.get().engine().command(), "name", found.get().container().name()));
        }
        for (SocketOwner o : s.owners()) {
            if (o.commandLine() != null) {
                Optional<String> end = ProxyArguments.containerEnd(o.commandLine());
                if (end.isPresent()) {
                    return Optional.of(text.say("container.at", "address", end.get(), "port",
                            Integer.toString(s.port())));
                }
            }
        }
        return Optional.of(text.say("container.unnamed", "port", Integer.toString(s.port())));
    }

    /** {@code web-1 (image nginx:1.27, compose project shop, service web)}. */
    String name(Container c) {
        return text.say("container.name", "name", c.name(), "image", c.image(),
                "hasProject", c.composeProject().isEmpty() ? "no" : "yes", "project", c.composeProject(),
                "hasService", c.composeService().isEmpty() ? "no" : "yes", "service", c.composeService());
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
                    notes.add(text.say("container.engineUnreadable", "socket", socket.toString(), "detail",
                            String.valueOf(e.getMessage())));
                }
            }
        }
        return engines;
    }
}
