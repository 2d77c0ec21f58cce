package dev.portolan.inspect.containers;

import dev.portolan.core.Transport;
import java.util.List;
import java.util.Optional;

/**
 * A running container and the ports it publishes on the host.
 *
 * @param id the engine's id (the first 12 characters are what {@code docker ps} shows)
 * @param name its name, without the leading slash
 * @param image the image it runs
 * @param composeProject the Compose project it belongs to, or empty
 * @param composeService its Compose service, or empty
 * @param ports the ports it publishes
 */
public record Container(String id, String name, String image, String composeProject, String composeService,
        List<Published> ports) {
    public Container {
        ports = List.copyOf(ports);
    }

    /**
     * A published port.
     *
     * @param hostAddress the host address it is published on ({@code 0.0.0.0}, {@code ::}), or empty
     * @param hostPort the host's port
     * @param containerPort the container's port
     * @param transport TCP or UDP
     */
    public record Published(String hostAddress, int hostPort, int containerPort, Transport transport) {}

    /** The publication of {@code port} on {@code transport}, if this container has one. */
    public Optional<Published> publishing(int port, Transport transport) {
        return ports.stream().filter(p -> p.hostPort() == port && p.transport() == transport).findFirst();
    }
}
