package dev.portolan.knowledge.search;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.CommonName;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.MalwareAssociation;
import dev.portolan.knowledge.Program;
import dev.portolan.knowledge.ProgramPort;
import dev.portolan.knowledge.ProtocolNote;
import dev.portolan.knowledge.SecurityNote;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.knowledge.text.Messages;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the search finds in the curated knowledge.
 *
 * <ul>
 *   <li>Whole names: the names people use for services and their expansions, and the curated
 *       names of the programs a port is known for ({@link Tier#COMMON}); programs' names, aliases
 *       and identifiers, and the names of malware ({@link Tier#PROGRAM}).
 *   <li>The words of those names ({@link Tier#NAME}), and of the programs' components.
 *   <li>Per language, the words of what the knowledge says of a port: its protocol and security
 *       notes and the roles of its programs ({@link Tier#DESCRIPTION}).
 *   <li>How much is known of each port, the search's measure of how much people use it.
 * </ul>
 *
 * A program's main port (its first) and its default ports weigh more than its other ports, so
 * that {@code kafka} finds 9092 before the 9093 of Kafka's examples.
 */
final class KnowledgeTerms {
    static final int COMMON_WEIGHT = 100;
    static final int EXPANSION_WEIGHT = 95;
    static final int MALWARE_WEIGHT = 70;
    static final int NOTE_WEIGHT = 50;
    static final int SECURITY_WEIGHT = 35;
    static final int ROLE_WEIGHT = 30;

    final TermIndex names;
    final TermIndex words;
    /** Per port, how much the knowledge says of it, 0-127. */
    final byte[] popularity;
    /** Per port, the transports programs use it on (a bit per {@link Transport}). */
    final byte[] transports;
    /** The words of each language's notes, by language code, found when first asked for. */
    private final Function<String, TermIndex> notesSource;
    private final Map<String, TermIndex> notes = new java.util.concurrent.ConcurrentHashMap<>();

    private KnowledgeTerms(TermIndex names, TermIndex words, byte[] popularity, byte[] transports,
            Function<String, TermIndex> notes) {
        this.names = names;
        this.words = words;
        this.popularity = popularity;
        this.transports = transports;
        this.notesSource = notes;
    }

    /** The words of the notes in a language (its code), or an empty index for a language without them. */
    TermIndex notes(String language) {
        // Read on first use: a command answers in one language and needs no other.
        return notes.computeIfAbsent(language, notesSource);
    }

    /** The same terms, with the notes of each language from another source. */
    KnowledgeTerms withNotes(Function<String, TermIndex> source) {
        return new KnowledgeTerms(names, words, popularity, transports, source);
    }

    /**
     * Indexes knowledge.
     *
     * @param messages the page sentences of a language, by language code
     */
    static KnowledgeTerms of(Knowledge knowledge, Function<String, Messages> messages) {
        TermIndex.Builder names = new TermIndex.Builder();
        TermIndex.Builder words = new TermIndex.Builder();
        byte[] transports = new byte[65_536];
        int[] popularity = new int[65_536];
        int[] programs = new int[65_536];
        // Where a port is known for programs, the curated name counts as one of those programs'
        // names on that port, with their weight there: it says what the port is known for, not
        // which port a program is best found at (Jenkins is titled on 50000, found at 8080).
        Map<String, Map<Integer, Integer>> programWeights = new java.util.HashMap<>();
        for (Program p : knowledge.programs()) {
            for (int i = 0; i < p.ports().size(); i++) {
                ProgramPort pp = p.ports().get(i);
                if (pp.ports().size() <= RegistryTerms.WIDEST_RANGE) {
                    for (int port = pp.ports().first(); port <= pp.ports().last(); port++) {
                        programWeights.computeIfAbsent(p.id(), k -> new java.util.HashMap<>())
                                .merge(port, weight(pp, i == 0), Math::max);
                    }
                }
            }
        }
        for (CommonName n : knowledge.commonNames()) {
            for (int port : n.ports()) {
                if (n.namesService()) {
                    addName(names, words, n.name(), port, Tier.COMMON, COMMON_WEIGHT, 0, n.name());
                    if (!n.expansion().isEmpty()) {
                        addName(names, words, n.expansion(), port, Tier.COMMON, EXPANSION_WEIGHT, 0, n.name());
                    }
                    popularity[port] += 40;
                } else {
                    int weight = n.programs().stream()
                            .mapToInt(id -> programWeights.getOrDefault(id, Map.of()).getOrDefault(port, 60)).max()
                            .orElse(60);
                    addName(names, words, n.name(), port, Tier.PROGRAM, weight, 0, n.name());
                    popularity[port] += 20;
                }
            }
        }
        for (Program p : knowledge.programs()) {
            Set<Integer> counted = new HashSet<>();
            for (int i = 0; i < p.ports().size(); i++) {
                ProgramPort pp = p.ports().get(i);
                if (pp.ports().size() > RegistryTerms.WIDEST_RANGE) {
                    continue;
                }
                int weight = weight(pp, i == 0);
                int mask = TransportMask.of(pp.transports());
                for (int port = pp.ports().first(); port <= pp.ports().last(); port++) {
                    transports[port] |= (byte) mask;
                    addName(names, words, p.name(), port, Tier.PROGRAM, weight, mask, p.name());
                    for (String alias : p.aliases()) {
                        addAlias(names, words, alias, port, weight - 10, mask, p.name());
                    }
                    addAlias(names, words, p.id(), port, weight - 10, mask, p.name());
                    String shown = pp.component().isEmpty() ? p.name()
                            : p.name() + " (" + ProgramPort.nested(pp.component()) + ")";
                    for (String w : SearchText.words(pp.component())) {
                        words.add(w, port, Tier.NAME, weight - 30, mask, shown);
                    }
                    if (pp.ports().isSingle() && pp.usage() == ProgramPort.Usage.DEFAULT && counted.add(port)) {
                        programs[port]++;
                    }
                }
            }
        }
        for (MalwareAssociation m : knowledge.allMalware()) {
            addName(names, words, m.name(), m.port(), Tier.PROGRAM, MALWARE_WEIGHT, TransportMask.of(m.transports()), m.name());
            popularity[m.port()] += 3;
        }
        for (ProtocolNote n : knowledge.protocolNotes()) {
            n.ports().forEach(port -> popularity[port] += 15);
        }
        for (SecurityNote n : knowledge.securityNotes()) {
            n.ports().forEach(port -> popularity[port] += 3);
        }
        byte[] bounded = new byte[65_536];
        for (int port = 0; port < bounded.length; port++) {
            bounded[port] = (byte) Math.min(127, popularity[port] + Math.min(40, 4 * programs[port]));
        }
        Map<String, TermIndex> notes = new LinkedHashMap<>();
        for (ULocale language : Languages.all()) {
            String code = Languages.code(language);
            notes.put(code, notes(knowledge, messages.apply(code)));
        }
        return new KnowledgeTerms(names.build(), words.build(), bounded, transports,
                code -> notes.getOrDefault(code, TermIndex.EMPTY));
    }

    /** The words of one language's notes and roles. */
    private static TermIndex notes(Knowledge knowledge, Messages messages) {
        TermIndex.Builder b = new TermIndex.Builder();
        for (ProtocolNote n : knowledge.protocolNotes()) {
            List<String> words = SearchText.words(messages.literalText(n.key()));
            for (int port : n.ports()) {
                words.forEach(w -> b.add(w, port, Tier.DESCRIPTION, NOTE_WEIGHT, TransportMask.of(n.transports()), null));
            }
        }
        for (SecurityNote n : knowledge.securityNotes()) {
            List<String> words = SearchText.words(messages.literalText(n.key()));
            for (int port : n.ports()) {
                words.forEach(w -> b.add(w, port, Tier.DESCRIPTION, SECURITY_WEIGHT, TransportMask.of(n.transports()), null));
            }
        }
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (Program p : knowledge.programs()) {
            for (ProgramPort pp : p.ports()) {
                if (pp.ports().size() > RegistryTerms.WIDEST_RANGE) {
                    continue;
                }
                List<String> words = roles.computeIfAbsent(pp.role(),
                        r -> SearchText.words(messages.literalText("role." + r)));
                for (int port = pp.ports().first(); port <= pp.ports().last(); port++) {
                    for (String w : words) {
                        b.add(w, port, Tier.DESCRIPTION, ROLE_WEIGHT, TransportMask.of(pp.transports()), null);
                    }
                }
            }
        }
        return b.build();
    }

    /**
     * Adds a name whole and word by word; a name with a qualifier in parentheses ({@code WinRM
     * (HTTP)}) is also added without it.
     */
    private static void addName(TermIndex.Builder names, TermIndex.Builder words, String name, int port, Tier tier,
            int weight, int mask, String display) {
        List<String> w = SearchText.words(name);
        if (w.isEmpty()) {
            return;
        }
        names.add(String.join(" ", w), port, tier, weight, mask, display);
        int paren = name.indexOf(" (");
        if (paren > 0) {
            List<String> base = SearchText.words(name.substring(0, paren));
            if (!base.isEmpty()) {
                names.add(String.join(" ", base), port, tier, weight - 2, mask, display);
            }
        }
        addWords(words, w, port, weight, mask, display);
    }

    /**
     * Adds another name of a program whole, and as a word when it is one word ({@code
     * redis-server}); the words of a longer alias are left out, as it often names a part ({@code
     * busybox ntpd}) whose words would find the program's every port.
     */
    private static void addAlias(TermIndex.Builder names, TermIndex.Builder words, String alias, int port,
            int weight, int mask, String display) {
        List<String> w = SearchText.words(alias);
        if (w.isEmpty()) {
            return;
        }
        names.add(String.join(" ", w), port, Tier.PROGRAM, weight, mask, display);
        if (w.size() == 1) {
            words.add(w.get(0), port, Tier.NAME, weight, mask, display);
        }
    }

    /**
     * Adds the words of a name, each weighing less the more words the name has (so that {@code
     * http} stands more for the name {@code http} than for {@code Python http.server}), and the
     * name written as one word when people often do ({@code pihole}, {@code homeassistant}).
     */
    private static void addWords(TermIndex.Builder words, List<String> w, int port, int weight, int mask,
            String display) {
        int wordWeight = Math.max(1, weight - Math.min(30, 8 * (w.size() - 1)));
        for (String word : w) {
            words.add(word, port, Tier.NAME, wordWeight, mask, display);
        }
        if (w.size() >= 2 && w.size() <= 3) {
            words.add(String.join("", w), port, Tier.NAME, wordWeight, mask, display);
        }
    }

    /** A program's weight on one of its ports: defaults and its main port first. */
    static int weight(ProgramPort pp, boolean main) {
        int base = switch (pp.usage()) {
            case DEFAULT -> 80;
            case OPTIONAL -> 70;
            case EXAMPLE -> 75;
        };
        if (!pp.ports().isSingle()) {
            base = 45;
        }
        return base + (main ? 20 : 0);
    }


    /** Writes the terms, without the notes (each language's are written on their own). */
    void write(DataOutputStream out) throws IOException {
        names.write(out);
        words.write(out);
        out.write(popularity);
        out.write(transports);
    }

    /** Reads the terms {@link #write} wrote; the notes of each language come from {@code notes}. */
    static KnowledgeTerms read(DataInputStream in, Function<String, TermIndex> notes) throws IOException {
        TermIndex names = TermIndex.read(in);
        TermIndex words = TermIndex.read(in);
        byte[] popularity = in.readNBytes(65_536);
        byte[] transports = in.readNBytes(65_536);
        if (popularity.length != 65_536 || transports.length != 65_536) {
            throw new IOException("truncated knowledge terms");
        }
        return new KnowledgeTerms(names, words, popularity, transports, notes);
    }
}
