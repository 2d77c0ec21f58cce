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

    private final Map<String, Citation> citations;
    private final List<Program> programs;
    private final Map<String, Program> programsById;
    /** Uses of single ports, by port; uses of ranges are few and kept apart. */
    private final Map<Integer, List<ProgramUse>> usesByPort;
    private final List<ProgramUse> rangeUses;
    private final List<CommonName> names;
    private final List<ProtocolNote> protocols;
    private final List<SecurityNote> security;
    private final Map<Integer, List<CommonName>> namesByPort;
    private final Map<Integer, List<ProtocolNote>> protocolsByPort;
    private final Map<Integer, List<SecurityNote>> securityByPort;
    private final Map<Integer, List<MalwareAssociation>> malwareByPort;
    private final List<EphemeralRange> ephemeral;
    private final List<EphemeralHandling> handling;
    private final List<PrivilegedPorts> privileged;
    private final Set<Integer> badPorts;
    private final List<String> badPortCites;
    private final Map<String, HistoryEvent> events;
    private final List<RelatedPorts> related;
    private final Map<String, RangeFacts> ranges;
    private final List<Deassignment> deassignments;
    private final List<String> deassignmentCites;
    private final List<String> badPortSchemes;
    private final Map<Integer, List<String>> badPortAdditions;
    /** What the knowledge was built from, kept for {@link #fingerprint()}. */
    private final KnowledgeReader.Parts parts;
    private volatile @org.jspecify.annotations.Nullable String fingerprint;

    Knowledge(KnowledgeReader.Parts parts) {
        this.parts = parts;
        this.citations = Collections.unmodifiableMap(new LinkedHashMap<>(parts.citations));
        this.programs = List.copyOf(parts.programs);
        Map<String, Program> byId = new LinkedHashMap<>();
        List<ProgramUse> singles = new ArrayList<>();
        List<ProgramUse> ranges = new ArrayList<>();
        for (Program p : programs) {
            byId.put(p.id(), p);
            for (ProgramPort pp : p.ports()) {
                (pp.ports().isSingle() ? singles : ranges).add(new ProgramUse(p, pp));
            }
        }
        this.programsById = Collections.unmodifiableMap(byId);
        this.usesByPort = group(singles, u -> u.use().ports().first());
        this.rangeUses = List.copyOf(ranges);
        this.names = List.copyOf(parts.names);
        this.protocols = List.copyOf(parts.protocols);
        this.security = List.copyOf(parts.security);
        this.namesByPort = byPorts(names, CommonName::ports, null);
        this.protocolsByPort = byPorts(protocols, ProtocolNote::ports, null);
        this.securityByPort = byPorts(security, SecurityNote::ports,
                java.util.Comparator.comparingInt(n -> SecurityNote.KINDS.indexOf(n.kind())));
        this.malwareByPort = group(parts.malware, MalwareAssociation::port);
        this.ephemeral = List.copyOf(parts.ephemeral);
        this.handling = List.copyOf(parts.handling);
        this.privileged = List.copyOf(parts.privileged);
        this.badPorts = Collections.unmodifiableSet(new TreeSet<>(parts.badPorts));
        this.badPortCites = List.copyOf(parts.badPortCites);
        Map<String, HistoryEvent> ev = new LinkedHashMap<>();
        parts.events.forEach(e -> ev.put(e.id(), e));
        this.events = Collections.unmodifiableMap(ev);
        this.related = List.copyOf(parts.related);
        Map<String, RangeFacts> r = new LinkedHashMap<>();
        parts.ranges.forEach(f -> r.put(f.id(), f));
        this.ranges = Collections.unmodifiableMap(r);
        this.deassignments = List.copyOf(parts.deassignments);
        this.deassignmentCites = List.copyOf(parts.deassignmentCites);
        this.badPortSchemes = List.copyOf(parts.badPortSchemes);
        Map<Integer, List<String>> add = new HashMap<>();
        parts.badPortAdditions.forEach((k, v) -> add.put(k, List.copyOf(v)));
        this.badPortAdditions = Collections.unmodifiableMap(add);
    }

    /** Facts that name several ports, indexed by each of them, in file order (or {@code order}). */
    private static <T> Map<Integer, List<T>> byPorts(List<T> facts, java.util.function.Function<T, List<Integer>> ports,
            java.util.@org.jspecify.annotations.Nullable Comparator<T> order) {
        Map<Integer, List<T>> byPort = new HashMap<>();
        for (T f : facts) {
            for (int p : new java.util.LinkedHashSet<>(ports.apply(f))) {
                byPort.computeIfAbsent(p, k -> new ArrayList<>(2)).add(f);
            }
        }
        if (order != null) {
            byPort.values().forEach(l -> l.sort(order));
        }
        byPort.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(byPort);
    }

    private static <T> Map<Integer, List<T>> group(List<T> facts, java.util.function.ToIntFunction<T> port) {
        Map<Integer, List<T>> byPort = new HashMap<>();
        for (T f : facts) {
            byPort.computeIfAbsent(port.applyAsInt(f), k -> new ArrayList<>(2)).add(f);
        }
        byPort.replaceAll((k, v) -> List.copyOf(v));
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
                        k = compiled == null ? read(embeddedFiles()) : new Knowledge(KnowledgeCodec.decode(compiled));
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
     * Starts decoding the embedded knowledge on a background thread, for a short-lived program
     * that will ask {@link #embedded()} after other work: on a machine with a second core the
     * decoding (a sixth of a command line's run) then overlaps that work. Whoever asks first
     * waits for the one decoding; a failure is reported to the one who asks.
     */
    public static void decodeInBackground() {
        if (embedded != null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                embedded();
            } catch (RuntimeException e) {
                // embedded() throws it again to the caller that needs the knowledge
            }
        }, "portolan-knowledge");
        t.setDaemon(true);
        t.start();
    }

    /** The compiled form of the embedded knowledge, or null when the class path has none. */
    static byte @org.jspecify.annotations.Nullable [] compiled() {
        try (InputStream in = Knowledge.class.getClassLoader().getResourceAsStream(KnowledgeCodec.RESOURCE)) {
            return in == null ? null : in.readAllBytes();
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
        return Optional.ofNullable(citations.get(id));
    }

    /** Every citation, in the order the files define them. */
    public Map<String, Citation> citations() {
        return citations;
    }

    /** Every program, in file order. */
    public List<Program> programs() {
        return programs;
    }

    /** The program with this id. */
    public Optional<Program> program(String id) {
        return Optional.ofNullable(programsById.get(id));
    }

    /**
     * The programs that use a port, on any transport: those that name the port itself, in file
     * order, then those whose range holds it.
     */
    public List<ProgramUse> uses(int port) {
        List<ProgramUse> single = usesByPort.getOrDefault(port, List.of());
        List<ProgramUse> inRange = null;
        for (ProgramUse u : rangeUses) {
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
        return Collections.unmodifiableSet(new TreeSet<>(usesByPort.keySet()));
    }

    /** Every common name. */
    public List<CommonName> commonNames() {
        return names;
    }

    /** The common names that apply on a port. */
    public List<CommonName> commonNames(int port) {
        return namesByPort.getOrDefault(port, List.of());
    }

    /** Every protocol note. */
    public List<ProtocolNote> protocolNotes() {
        return protocols;
    }

    /** The protocol notes of a port. */
    public List<ProtocolNote> protocolNotes(int port) {
        return protocolsByPort.getOrDefault(port, List.of());
    }

    /** Every security note. */
    public List<SecurityNote> securityNotes() {
        return security;
    }

    /** The security notes of a port, in the order of {@link SecurityNote#KINDS}. */
    public List<SecurityNote> securityNotes(int port) {
        return securityByPort.getOrDefault(port, List.of());
    }

    /** Every documented malware association. */
    public List<MalwareAssociation> allMalware() {
        List<MalwareAssociation> all = new ArrayList<>();
        malwareByPort.values().forEach(all::addAll);
        return all;
    }

    /** Malware documented to use a port on any transport. */
    public List<MalwareAssociation> malware(int port) {
        return malwareByPort.getOrDefault(port, List.of());
    }

    /** Malware documented to use a port on one transport. */
    public List<MalwareAssociation> malware(int port, Transport transport) {
        return malware(port).stream().filter(m -> m.transports().contains(transport)).toList();
    }

    /** How operating systems hand out ephemeral ports, and how to see, change and reserve them. */
    public List<EphemeralHandling> ephemeralHandling() {
        return handling;
    }

    /** Default ephemeral ranges of operating systems. */
    public List<EphemeralRange> ephemeralRanges() {
        return ephemeral;
    }

    /** Privileged-port rules of operating systems. */
    public List<PrivilegedPorts> privilegedPorts() {
        return privileged;
    }

    /** Whether browsers refuse to fetch from this port (the Fetch standard's bad ports). */
    public boolean browsersRefuse(int port) {
        return badPorts.contains(port);
    }

    /** The Fetch standard's bad ports, ascending. */
    public Set<Integer> badPorts() {
        return badPorts;
    }

    /** Citations of the bad-port list. */
    public List<String> badPortCites() {
        return badPortCites;
    }

    /** The URL schemes the bad-port check applies to ({@code http}, {@code https}). */
    public List<String> badPortSchemes() {
        return badPortSchemes;
    }

    /** Citations of the change that added a port to the bad-port list, if known. */
    public List<String> badPortAdditionCites(int port) {
        return badPortAdditions.getOrDefault(port, List.of());
    }

    /** De-assignments the knowledge documents. */
    public List<Deassignment> deassignments() {
        return deassignments;
    }

    /** De-assignments that include a port. */
    public List<Deassignment> deassignments(int port) {
        return deassignments.stream().filter(d -> d.ports().contains(port)).toList();
    }

    /** Citations of the de-assignment procedure. */
    public List<String> deassignmentCites() {
        return deassignmentCites;
    }

    /** A history event by id. */
    public Optional<HistoryEvent> event(String id) {
        return Optional.ofNullable(events.get(id));
    }

    /** All history events, in file order. */
    public List<HistoryEvent> events() {
        return List.copyOf(events.values());
    }

    /** Groups of related ports that include {@code port}. */
    public List<RelatedPorts> relatedTo(int port) {
        return related.stream().filter(r -> r.ports().contains(port)).toList();
    }

    /** How an RFC 6335 range is administered, by id ({@code system}, {@code user}, {@code dynamic}). */
    public Optional<RangeFacts> range(String id) {
        return Optional.ofNullable(ranges.get(id));
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
                f = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(KnowledgeCodec.encode(parts)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
            fingerprint = f;
        }
        return f;
    }
}
