package dev.portolan.knowledge;

import java.util.List;

/**
 * The name people use for what runs on a port, where the registry's name is not it: SMB for the
 * registry's {@code microsoft-ds} on 445, or, for a port whose best-known use is a program, that
 * program ({@code Elasticsearch} on 9200).
 *
 * @param name the name people use ({@code SMB})
 * @param expansion what the name stands for ({@code Server Message Block}), or empty
 * @param service the registry's service name it stands for, or empty when it names programs
 * @param programs the ids of the programs it names, or empty when it names a service
 * @param ports the ports where the name applies
 * @param cites the citations
 */
public record CommonName(String name, String expansion, String service, List<String> programs, List<Integer> ports,
        List<String> cites) {
    public CommonName {
        programs = List.copyOf(programs);
        ports = List.copyOf(ports);
        cites = List.copyOf(cites);
    }

    /** Whether it names a registered service (and not programs). */
    public boolean namesService() {
        return !service.isEmpty();
    }
}
