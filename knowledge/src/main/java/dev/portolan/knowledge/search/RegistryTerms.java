package dev.portolan.knowledge.search;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.Transport;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * What the search finds in a registry: each assigned record's service name and aliases whole
 * ({@link Tier#SERVICE}), the words of those names ({@link Tier#NAME}) and of its description
 * ({@link Tier#DESCRIPTION}), on each port of the record, and which ports have an assigned record
 * on which transports.
 */
final class RegistryTerms {
    /** The widest record whose every port is indexed; wider ranges are listed in the registry, not searched. */
    static final int WIDEST_RANGE = 100;

    static final int SERVICE_WEIGHT = 100;
    static final int ALIAS_WEIGHT = 95;
    static final int NAME_PART_WEIGHT = 90;
    static final int DESCRIPTION_WEIGHT = 50;

    final TermIndex names;
    /** The words of the names. */
    final TermIndex words;
    /** The words of the descriptions (which name nothing, so their index has no column of names). */
    final TermIndex descriptions;
    /** Per port, the transports with an assigned record (a {@link TransportMask}), 0 for none. */
    final byte[] transports;

    private RegistryTerms(TermIndex names, TermIndex words, TermIndex descriptions, byte[] transports) {
        this.names = names;
        this.words = words;
        this.descriptions = descriptions;
        this.transports = transports;
    }

    static RegistryTerms of(List<Assignment> assignments) {
        TermIndex.Builder names = new TermIndex.Builder();
        TermIndex.Builder words = new TermIndex.Builder();
        TermIndex.Builder descriptions = new TermIndex.Builder();
        byte[] transports = new byte[65_536];
        for (Assignment a : assignments) {
            if (a.status() != AssignmentStatus.ASSIGNED || a.ports() == null || a.ports().size() > WIDEST_RANGE) {
                continue;
            }
            int mask = TransportMask.of(a.transport());
            String service = a.service() == null ? "" : a.service();
            List<String> serviceWords = SearchText.words(service);
            List<String> description = SearchText.words(a.description());
            for (int port = a.ports().first(); port <= a.ports().last(); port++) {
                transports[port] |= (byte) (mask == 0 ? 0xf : mask);
                if (!service.isEmpty()) {
                    names.add(String.join(" ", serviceWords), port, Tier.SERVICE, SERVICE_WEIGHT, mask, service);
                    for (String w : serviceWords) {
                        words.add(w, port, Tier.NAME, serviceWords.size() == 1 ? SERVICE_WEIGHT : NAME_PART_WEIGHT
                                - Math.min(20, 5 * (serviceWords.size() - 2)), mask, service);
                    }
                }
                for (String alias : a.aliases()) {
                    List<String> aliasWords = SearchText.words(alias);
                    names.add(String.join(" ", aliasWords), port, Tier.SERVICE, ALIAS_WEIGHT, mask, alias);
                    for (String w : aliasWords) {
                        words.add(w, port, Tier.NAME, aliasWords.size() == 1 ? ALIAS_WEIGHT : NAME_PART_WEIGHT, mask,
                                alias);
                    }
                }
                for (String w : description) {
                    descriptions.add(w, port, Tier.DESCRIPTION, DESCRIPTION_WEIGHT, mask, null);
                }
            }
        }
        return new RegistryTerms(names.build(), words.build(), descriptions.build(), transports);
    }

    void write(DataOutputStream out) throws IOException {
        names.write(out);
        words.write(out);
        descriptions.write(out);
        out.write(transports);
    }

    static RegistryTerms read(DataInputStream in) throws IOException {
        TermIndex names = TermIndex.read(in);
        TermIndex words = TermIndex.read(in);
        TermIndex descriptions = TermIndex.read(in);
        byte[] transports = in.readNBytes(65_536);
        if (transports.length != 65_536) {
            throw new IOException("truncated registry terms");
        }
        return new RegistryTerms(names, words, descriptions, transports);
    }
}
