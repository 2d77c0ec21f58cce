package dev.portolan.inspect.containers;

import java.util.Optional;

/**
 * What Docker's port proxy says of the container behind it, from its command line:
 * {@code docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2
 * -container-port 80}.
 */
public final class ProxyArguments {
    private ProxyArguments() {}

    /** {@code 172.17.0.2:80}, the container's end of the proxy, if the command line names it. */
    public static Optional<String> containerEnd(String commandLine) {
        String[] f = commandLine.strip().split("\\s+");
        String ip = null;
        String port = null;
        for (int i = 0; i + 1 < f.length; i++) {
            if (f[i].equals("-container-ip")) {
                ip = f[i + 1];
            } else if (f[i].equals("-container-port")) {
                port = f[i + 1];
            }
        }
        if (ip == null || port == null || !port.matches("\\d{1,5}")) {
            return Optional.empty();
        }
        return Optional.of(ip.contains(":") ? "[" + ip + "]:" + port : ip + ":" + port);
    }
}
