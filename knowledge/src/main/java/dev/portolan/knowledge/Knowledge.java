package dev.portolan.knowledge;

import dev.portolan.core.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * All curated facts, loaded once and immutable. Every fact's citations exist (checked at load
 * time), so a page built from facts can always number its footnotes.
 */
public final class Knowledge {
    /** The index of the embedded knowledge files, one resource name per line. */
    static final String INDEX = "knowledge/index.txt";

    private static volatile @org.jspecify.annotations.Nullable Knowledge embedded;

    /** The compiled form facts are read from as they are asked for, or null when all were given. */
    private final KnowledgeCodec.@org.jspecify.annotations.Nullable Indexed compiled;
    private volatile @org.jspecify.annotations.Nullable Map<String, Citation> citations;
    private volatile @org.jspecify.annotations.Nullable Programs programs;
    private volatile @org.jspecify.annotations.Nullable Notes notes;
    private volatile @org.jspecify.annotations.Nullable Facts facts;
    /** What the knowledge was built from when it was given whole, kept for {@link #fingerprint()}. */
    private final KnowledgeReader.@org.jspecify.annotations.Nullable Parts parts;
    private volatile @org.jspecify.annotations.Nullable String fingerprint;

    /** Every program, and its uses by port. */
    private record Programs(List<Program> all, Map<String, Program> byId, Map<Integer, List<ProgramUse>> usesByPort,
            List<ProgramUse> rangeUses) {
        static Programs of(List<Program> programs) {
            Map<String, Program> byId = new LinkedHashMap<>();
            List<ProgramUse> singles = new ArrayList<>();
            List<ProgramUse> ranges = new ArrayList<>();
            for (Program p : programs) {
                byId.put(p.id(), p);
                for (ProgramPort pp : p.ports()) {
                    (pp.ports().isSingle() ? singles : ranges).add(new ProgramUse(p, pp));
                }
            }
            Map<Integer, List<ProgramUse>> byPort = new HashMap<>();
            for (ProgramUse u : singles) {
                index(byPort, u.use().ports().first(), u);
            }
            return new Programs(List.copyOf(programs), Collections.unmodifiableMap(byId), frozen(byPort, null),
                    List.copyOf(ranges));
        }
    }

    /** The notes filed by port: common names, protocol and security notes, malware; read together. */
    private static final class Notes {
        final List<CommonName> names;
        final List<ProtocolNote> protocols;
        final List<SecurityNote> security;
        final Map<Integer, List<CommonName>> namesByPort;
        final Map<Integer, List<ProtocolNote>> protocolsByPort;
        final Map<Integer, List<SecurityNote>> securityByPort;
        final Map<Integer, List<MalwareAssociation>> malwareByPort;

        Notes(KnowledgeReader.Parts parts) {
            this.names = List.copyOf(parts.names);
            this.protocols = List.copyOf(parts.protocols);
            this.security = List.copyOf(parts.security);
            // loops rather than lambdas, which cost a command line's start to link (bench/README.md)
            Map<Integer, List<CommonName>> n = new HashMap<>();
            for (CommonName f : names) {
                index(n, f.ports(), f);
            }
            this.namesByPort = frozen(n, null);
            Map<Integer, List<ProtocolNote>> pr = new HashMap<>();
            for (ProtocolNote f : protocols) {
                index(pr, f.ports(), f);
            }
            this.protocolsByPort = frozen(pr, null);
            Map<Integer, List<SecurityNote>> se = new HashMap<>();
            for (SecurityNote f : security) {
                index(se, f.ports(), f);
            }
            this.securityByPort = frozen(se, BY_KIND);
            Map<Integer, List<MalwareAssociation>> m = new HashMap<>();
            for (MalwareAssociation f : parts.malware) {
                index(m, f.port(), f);
            }
            this.malwareByPort = frozen(m, null);
        }
    }

    /** A port's security notes in the order of {@link SecurityNote#KINDS}. */
    private static final java.util.Comparator<SecurityNote> BY_KIND = new java.util.Comparator<SecurityNote>() {
        @Override
        public int compare(SecurityNote a, SecurityNote b) {
            return Integer.compare(SecurityNote.KINDS.indexOf(a.kind()), SecurityNote.KINDS.indexOf(b.kind()));
        }
    };

    /** The facts not filed by port: ephemeral ranges, privileged ports, bad ports, events...; read together. */
    private static final class Facts {
        final List<EphemeralRange> ephemeral;
        final List<EphemeralHandling> handling;
        final List<PrivilegedPorts> privileged;
        final Set<Integer> badPorts;
        final List<String> badPortCites;
        final Map<String, HistoryEvent> events;
        final List<RelatedPorts> related;
        final Map<String, RangeFacts> ranges;
        final List<Deassignment> deassignments;
        final List<String> deassignmentCites;
        final List<String> badPortSchemes;
        final Map<Integer, List<String>> badPortAdditions;

        Facts(KnowledgeReader.Parts parts) {
            this.ephemeral = List.copyOf(parts.ephemeral);
            this.handling = List.copyOf(parts.handling);
            this.privileged = List.copyOf(parts.privileged);
            this.badPorts = Collections.unmodifiableSet(new TreeSet<>(parts.badPorts));
            this.badPortCites = List.copyOf(parts.badPortCites);
            Map<String, HistoryEvent> ev = new LinkedHashMap<>();
            for (HistoryEvent e : parts.events) {
                ev.put(e.id(), e);
            }
            this.events = Collections.unmodifiableMap(ev);
            this.related = List.copyOf(parts.related);
            Map<String, RangeFacts> r = new LinkedHashMap<>();
            for (RangeFacts f : parts.ranges) {
                r.put(f.id(), f);
            }
            this.ranges = Collections.unmodifiableMap(r);
            this.deassignments = List.copyOf(parts.deassignments);
            this.deassignmentCites = List.copyOf(parts.deassignmentCites);
            this.badPortSchemes = List.copyOf(parts.badPortSchemes);
            Map<Integer, List<String>> add = new HashMap<>();
            for (Map.Entry<Integer, List<String>> e : parts.badPortAdditions.entrySet()) {
                add.put(e.getKey(), List.copyOf(e.getValue()));
            }
            this.badPortAdditions = Collections.unmodifiableMap(add);
        }
    }

    Knowledge(KnowledgeReader.Parts parts) {
        this.compiled = null;
        this.parts = parts;
        this.citations = Collections.unmodifiableMap(new LinkedHashMap<>(parts.citations));
        this.programs = Programs.of(parts.programs);
        this.notes = new Notes(parts);
        this.facts = new Facts(parts);
    }

    /** Knowledge read from its compiled form as facts are asked for. */
    Knowledge(KnowledgeCodec.Indexed compiled) {
        this.compiled = compiled;
        this.parts = null;
    }

    /**
     * This knowledge with every fact read, for a long-running program (a server, an export) that
     * will ask for most of them many times: afterwards every lookup is one of a map.
     */
    public Knowledge readWhole() {
        allCitations();
        allPrograms();
        notes();
        facts();
        return this;
    }

    private Map<String, Citation> allCitations() {
        Map<String, Citation> c = citations;
        if (c == null) {
            synchronized (this) {
                c = citations;
                if (c == null) {
                    Map<String, Citation> byId = new LinkedHashMap<>();
                    for (Citation one : java.util.Objects.requireNonNull(compiled).citations()) {
                        byId.put(one.id(), one);
                    }
                    c = Collections.unmodifiableMap(byId);
                    citations = c;
                }
            }
        }
        return c;
    }

    private Programs allPrograms() {
        Programs p = programs;
        if (p == null) {
            synchronized (this) {
                p = programs;
                if (p == null) {
                    p = Programs.of(java.util.Objects.requireNonNull(compiled).programs());
                    programs = p;
                }
            }
        }
        return p;
    }

    private Notes notes() {
        Notes n = notes;
        if (n == null) {
            synchronized (this) {
                n = notes;
                if (n == null) {
                    KnowledgeReader.Parts parts = new KnowledgeReader.Parts();
                    java.util.Objects.requireNonNull(compiled).notes(parts);
                    n = new Notes(parts);
                    notes = n;
                }
            }
        }
        return n;
    }

    private Facts facts() {
        Facts f = facts;
        if (f == null) {
            synchronized (this) {
                f = facts;
                if (f == null) {
                    KnowledgeReader.Parts parts = new KnowledgeReader.Parts();
                    java.util.Objects.requireNonNull(compiled).facts(parts);
                    f = new Facts(parts);
                    facts = f;
                }
            }
        }
        return f;
    }

    /**
     * A port's notes of one kind from the compiled form, while the notes are not read whole (a
     * command line about one port reads only that port's); null once they are.
     */
    @SuppressWarnings("unchecked")
    private <T> @org.jspecify.annotations.Nullable List<T> portNotes(int kind, int port) {
        KnowledgeCodec.Indexed c = compiled;
        if (notes != null || c == null) {
            return null;
        }
        return (List<T>) (List<?>) c.notes(kind, port);
    }

    /** Files a fact under each port it names, once a port. */
    private static <T> void index(Map<Integer, List<T>> byPort, List<Integer> ports, T fact) {
        for (int i = 0; i < ports.size(); i++) {
            Integer p = ports.get(i);
            if (ports.indexOf(p) == i) {
                index(byPort, p, fact);
            }
        }
    }

    /** Files a fact under a port. */
    private static <T> void index(Map<Integer, List<T>> byPort, int port, T fact) {
        List<T> facts = byPort.get(port);
        if (facts == null) {
            facts = new ArrayList<>(2);
            byPort.put(port, facts);
        }
        facts.add(fact);
    }

    /** The facts filed by port, each port's in file order (or {@code order}), unmodifiable. */
    private static <T> Map<Integer, List<T>> frozen(Map<Integer, List<T>> byPort,
            java.util.@org.jspecify.annotations.Nullable Comparator<T> order) {
        for (Map.Entry<Integer, List<T>> e : byPort.entrySet()) {
            List<T> facts = e.getValue();
            if (order != null) {
                facts.sort(order);
            }
            e.setValue(List.copyOf(facts));
        }
        return Collections.unmodifiableMap(byPort);
    }

    /**
     * The knowledge embedded in this build: the compiled form the build made of the knowledge
     * files ({@code knowledge/knowledge.bin}), or the files themselves where no compiled form is on
     * the class path. A broken embedded file is a defect of the build, found by the module's
     * tests, so it fails here with an unchecked exception.
     */
    public static Knowledge embedded() {
        Knowledge k = embedded;
        if (k == null) {
            synchronized (Knowledge.class) {
                k = embedded;
                if (k == null) {
                    try {
                        byte[] compiled = compiled();
                        k = compiled == null ? read(embeddedFiles()) : new Knowledge(KnowledgeCodec.open(compiled));
                    } catch (KnowledgeFormatException | KnowledgeCodec.CorruptKnowledgeException e) {
                        throw new IllegalStateException("embedded knowledge is broken: " + e.getMessage(), e);
                    }
                    embedded = k;
                }
            }
        }
        return k;
    }

    /**
     * Starts reading the embedded knowledge on a background thread, for a short-lived program
     * that will ask {@link #embedded()} after other work: on a machine with a second core the
     * reading (the compiled form checked, and the facts not filed by port; citations, programs
     * and a port's notes are read one by one as asked for) then overlaps that work. Whoever asks first
     * waits for the one decoding; a failure is reported to the one who asks.
     */
    public static void decodeInBackground() {
        if (embedded != null) {
            return;
        }
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    // the facts not filed by port are read together (a port's notes, citations
                    // and programs are read as they are asked for)
                    embedded().badPorts();
                } catch (RuntimeException e) {
                    // embedded() throws it again to the caller that needs the knowledge
                }
            }
        }, "portolan-knowledge");
        t.setDaemon(true);
        t.start();
    }

    /** The compiled form of the embedded knowledge, or null when the class path has none. */
    static byte @org.jspecify.annotations.Nullable [] compiled() {
        try {
            return dev.portolan.core.EmbeddedFiles.read(KnowledgeCodec.RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded files, by name, in index order. */
    static Map<String, String> embeddedFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String line : resource(INDEX).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                files.put(name, resource("knowledge/" + name));
            }
        }
        return files;
    }

    private static String resource(String name) {
        try (InputStream in = Knowledge.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads knowledge from YAML texts.
     *
     * @param files file name to YAML text, in the order to read them
     * @throws KnowledgeFormatException naming the file and field of the first problem
     */
    public static Knowledge read(Map<String, String> files) throws KnowledgeFormatException {
        return new Knowledge(KnowledgeReader.read(files));
    }

    /** The citation with this id. */
    public Optional<Citation> citation(String id) {
        Map<String, Citation> all = citations;
        return Optional.ofNullable(all != null ? all.get(id) : java.util.Objects.requireNonNull(compiled).citation(id));
    }

    /** Every citation, in the order the files define them. */
    public Map<String, Citation> citations() {
        return allCitations();
    }

    /** Every program, in file order. */
    public List<Program> programs() {
        return allPrograms().all();
    }

    /** The program with this id. */
    public Optional<Program> program(String id) {
        Programs all = programs;
        return Optional.ofNullable(all != null ? all.byId().get(id) : java.util.Objects.requireNonNull(compiled).program(id));
    }

    /**
     * The programs that use a port, on any transport: those that name the port itself, in file
     * order, then those whose range holds it.
     */
    public List<ProgramUse> uses(int port) {
        KnowledgeCodec.Indexed asked = readingAsAsked();
        List<ProgramUse> single = asked != null ? asked.singleUses(port)
                : allPrograms().usesByPort().getOrDefault(port, List.of());
        List<ProgramUse> inRange = null;
        for (ProgramUse u : asked != null ? asked.rangeUses(port) : allPrograms().rangeUses()) {
            if (u.use().ports().contains(port)) {
                if (inRange == null) {
                    inRange = new ArrayList<>(single);
                }
                inRange.add(u);
            }
        }
        return inRange == null ? single : List.copyOf(inRange);
    }

    /** Single ports that at least one program names, ascending (ranges not counted). */
    public Set<Integer> portsWithUses() {
        KnowledgeCodec.Indexed asked = readingAsAsked();
        return Collections.unmodifiableSet(asked != null ? asked.portsWithUses()
                : new TreeSet<>(allPrograms().usesByPort().keySet()));
    }

    /** The compiled form while the programs are not yet read whole; null once they are (or when given whole). */
    private KnowledgeCodec.@org.jspecify.annotations.Nullable Indexed readingAsAsked() {
        return programs == null ? compiled : null;
    }

    /** Every common name. */
    public List<CommonName> commonNames() {
        return notes().names;
    }

    /** The common names that apply on a port. */
    public List<CommonName> commonNames(int port) {
        List<CommonName> asked = portNotes(KnowledgeCodec.NAMES, port);
        return asked != null ? List.copyOf(asked) : notes().namesByPort.getOrDefault(port, List.of());
    }

    /** Every protocol note. */
    public List<ProtocolNote> protocolNotes() {
        return notes().protocols;
    }

    /** The protocol notes of a port. */
    public List<ProtocolNote> protocolNotes(int port) {
        List<ProtocolNote> asked = portNotes(KnowledgeCodec.PROTOCOLS, port);
        return asked != null ? List.copyOf(asked) : notes().protocolsByPort.getOrDefault(port, List.of());
    }

    /** Every security note. */
    public List<SecurityNote> securityNotes() {
        return notes().security;
    }

    /** The security notes of a port, in the order of {@link SecurityNote#KINDS}. */
    public List<SecurityNote> securityNotes(int port) {
        List<SecurityNote> asked = portNotes(KnowledgeCodec.SECURITY, port);
        if (asked != null) {
            List<SecurityNote> sorted = new ArrayList<>(asked);
            sorted.sort(BY_KIND);
            return List.copyOf(sorted);
        }
        return notes().securityByPort.getOrDefault(port, List.of());
    }

    /** Every documented malware association. */
    public List<MalwareAssociation> allMalware() {
        List<MalwareAssociation> all = new ArrayList<>();
        for (List<MalwareAssociation> m : notes().malwareByPort.values()) {
            all.addAll(m);
        }
        return all;
    }

    /** Malware documented to use a port on any transport. */
    public List<MalwareAssociation> malware(int port) {
        List<MalwareAssociation> asked = portNotes(KnowledgeCodec.MALWARE, port);
        return asked != null ? List.copyOf(asked) : notes().malwareByPort.getOrDefault(port, List.of());
    }

    /** Malware documented to use a port on one transport. */
    public List<MalwareAssociation> malware(int port, Transport transport) {
        List<MalwareAssociation> out = new ArrayList<>();
        for (MalwareAssociation m : malware(port)) {
            if (m.transports().contains(transport)) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** How operating systems hand out ephemeral ports, and how to see, change and reserve them. */
    public List<EphemeralHandling> ephemeralHandling() {
        return facts().handling;
    }

    /** Default ephemeral ranges of operating systems. */
    public List<EphemeralRange> ephemeralRanges() {
        return facts().ephemeral;
    }

    /** Privileged-port rules of operating systems. */
    public List<PrivilegedPorts> privilegedPorts() {
        return facts().privileged;
    }

    /** Whether browsers refuse to fetch from this port (the Fetch standard's bad ports). */
    public boolean browsersRefuse(int port) {
        return facts().badPorts.contains(port);
    }

    /** The Fetch standard's bad ports, ascending. */
    public Set<Integer> badPorts() {
        return facts().badPorts;
    }

    /** Citations of the bad-port list. */
    public List<String> badPortCites() {
        return facts().badPortCites;
    }

    /** The URL schemes the bad-port check applies to ({@code http}, {@code https}). */
    public List<String> badPortSchemes() {
        return facts().badPortSchemes;
    }

    /** Citations of the change that added a port to the bad-port list, if known. */
    public List<String> badPortAdditionCites(int port) {
        return facts().badPortAdditions.getOrDefault(port, List.of());
    }

    /** De-assignments the knowledge documents. */
    public List<Deassignment> deassignments() {
        return facts().deassignments;
    }

    /** De-assignments that include a port. */
    public List<Deassignment> deassignments(int port) {
        List<Deassignment> out = new ArrayList<>();
        for (Deassignment d : facts().deassignments) {
            if (d.ports().contains(port)) {
                out.add(d);
            }
        }
        return List.copyOf(out);
    }

    /** Citations of the de-assignment procedure. */
    public List<String> deassignmentCites() {
        return facts().deassignmentCites;
    }

    /** A history event by id. */
    public Optional<HistoryEvent> event(String id) {
        return Optional.ofNullable(facts().events.get(id));
    }

    /** All history events, in file order. */
    public List<HistoryEvent> events() {
        return List.copyOf(facts().events.values());
    }

    /** Groups of related ports that include {@code port}. */
    public List<RelatedPorts> relatedTo(int port) {
        List<RelatedPorts> out = new ArrayList<>();
        for (RelatedPorts r : facts().related) {
            if (r.ports().contains(port)) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /** How an RFC 6335 range is administered, by id ({@code system}, {@code user}, {@code dynamic}). */
    public Optional<RangeFacts> range(String id) {
        return Optional.ofNullable(facts().ranges.get(id));
    }

    /**
     * The SHA-256 of this knowledge's compiled form, in hexadecimal: equal knowledge gives the
     * same fingerprint, and any change to a fact, a citation or their order gives another. A
     * static export records it to know whether its pages are still current. Computed once, on
     * first use (a few milliseconds).
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            try {
                // the compiled form this knowledge is read from is the encoding of its files
                byte[] form = compiled != null ? compiled.bytes() : KnowledgeCodec.encode(java.util.Objects.requireNonNull(parts));
                f = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(form));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
            fingerprint = f;
        }
        return f;
    }
}
