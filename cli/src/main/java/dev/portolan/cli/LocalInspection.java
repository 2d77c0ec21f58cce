package dev.portolan.cli;

import dev.portolan.inspect.LocalSockets;
import dev.portolan.inspect.audit.MalwarePorts;

/**
 * What the local inspection commands ({@code listening}, {@code who}, {@code check}, {@code
 * audit}) read: this machine's sockets, and the source of malware associations the audit
 * consults.
 *
 * @param sockets how sockets are read
 * @param malware which ports malware is reported to use
 */
record LocalInspection(LocalSockets sockets, MalwarePorts malware) {
    /**
     * The program's own choice: this machine's sockets, and no malware associations until the
     * knowledge base supplies them (its list is passed here).
     */
    static LocalInspection standard() {
        return new LocalInspection(LocalSockets.forThisMachine(), MalwarePorts.none());
    }
}
