package dev.portolan.inspect.audit;

import dev.portolan.core.Transport;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Services that normally serve only the machine they run on, for the {@link
 * Rule#EXPOSED_LOCAL_SERVICE} rule: their usual configuration listens on loopback, and one that
 * listens on every interface is open to the network, usually by mistake. Keyed by the port their
 * servers use by default.
 */
final class LocalOnlyServices {
    /**
     * One entry.
     *
     * @param port the default port
     * @param transport its transport
     * @param name the software, as people call it
     * @param severity how bad exposure is
     * @param why the half sentence that says what exposure gives away
     */
    record Entry(int port, Transport transport, String name, Severity severity, String why) {}

    static final List<Entry> ENTRIES = List.of(
            new Entry(631, Transport.TCP, "CUPS (printing)", Severity.MEDIUM, "its print queues and web interface"),
            new Entry(2375, Transport.TCP, "the Docker Engine API without TLS", Severity.HIGH,
                    "root access to this machine to anyone who can reach it"),
            new Entry(3306, Transport.TCP, "MySQL or MariaDB", Severity.MEDIUM, "its login to the network"),
            new Entry(5432, Transport.TCP, "PostgreSQL", Severity.MEDIUM, "its login to the network"),
            new Entry(5984, Transport.TCP, "CouchDB", Severity.MEDIUM, "its HTTP API to the network"),
            new Entry(6379, Transport.TCP, "Redis", Severity.MEDIUM, "its data, often without a password"),
            new Entry(9200, Transport.TCP, "Elasticsearch", Severity.MEDIUM, "its HTTP API, often without a password"),
            new Entry(11211, Transport.TCP, "memcached", Severity.MEDIUM, "its cache, which has no password"),
            new Entry(11211, Transport.UDP, "memcached", Severity.HIGH,
                    "its cache, and lets others use it to amplify denial-of-service attacks"),
            new Entry(27017, Transport.TCP, "MongoDB", Severity.MEDIUM, "its data, often without a password"));

    private LocalOnlyServices() {}

    static @Nullable Entry at(int port, Transport transport) {
        for (Entry e : ENTRIES) {
            if (e.port() == port && e.transport() == transport) {
                return e;
            }
        }
        return null;
    }
}
