package dev.portolan.cli;

import dev.portolan.core.Transport;
import java.util.List;

/** Lists of transports in sentences. */
final class Transports {
    private Transports() {}

    /** {@code tcp}, or {@code tcp, udp}. */
    static String names(List<Transport> transports) {
        StringBuilder s = new StringBuilder();
        for (Transport t : transports) {
            s.append(s.length() == 0 ? "" : ", ").append(t.id());
        }
        return s.toString();
    }
}
