package dev.portolan.knowledge.page;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.CheckCommands;
import dev.portolan.core.CheckCommands.Os;
import dev.portolan.core.PortRange;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Reference;
import dev.portolan.core.Registry;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.Transport;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.history.PortTimeline;
import dev.portolan.knowledge.EphemeralRange;
import dev.portolan.knowledge.HistoryEvent;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PrivilegedPorts;
import dev.portolan.knowledge.RangeFacts;
import dev.portolan.knowledge.RelatedPorts;
import dev.portolan.knowledge.Headline;
import dev.portolan.knowledge.page.Block.AssignmentRow;
import dev.portolan.knowledge.page.Block.Command;
import dev.portolan.knowledge.page.Block.Link;
import dev.portolan.knowledge.page.PortPage.Crumb;
import dev.portolan.knowledge.page.PortPage.Faq;
import dev.portolan.knowledge.page.PortPage.Footnote;
import dev.portolan.knowledge.page.PortPage.Related;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Composes the {@link PortPage} of any port from the registry and the curated knowledge. Every
 * sentence comes from a fact and cites it; a fact that is absent leaves its sentence out. The
 * composer is immutable and safe to share between threads.
 */
public final class PortPages {
    /** The citation id of the IANA registry, defined in {@code knowledge/sources.yaml}. */
    static final String REGISTRY = "iana-registry";
    /**
     * What port 0 means to a program that binds it: the Linux manual page that says so, and the
     * registry that keeps the number reserved.
     */
    static final String RFC6763_TXT = "rfc6763-s6-3";
    static final List<String> ZERO_CITES = List.of("linux-ip7-ephemeral", REGISTRY);
    /** The year the ARPANET switched from NCP to TCP/IP: the history's first paragraph ends there. */
    static final int TCP_SWITCH_YEAR = 1983;
    /** How many other ports of the same service a page links to at most. */
    static final int SAME_SERVICE_LIMIT = 6;

    private final Registry registry;
    private final Knowledge knowledge;
    /** The registry's history, when it ends with the release the pages answer from. */
    private final @org.jspecify.annotations.Nullable ChangeLog history;
    private final dev.portolan.knowledge.PortSummaries summaries;
    /** Counts over the whole data that a few pages quote, made when the first of them is asked for. */
    private volatile @org.jspecify.annotations.Nullable Counts counts;

    /**
     * Counts over the whole data: programs known, malware families, security notes, and the even
     * (odd) numbers below 256 unassigned on both TCP and UDP (the registry's own evidence for the
     * NCP story). Made on first use: a command line's one page rarely quotes them, and they read
     * every program and 255 ports' records.
     */
    private record Counts(int software, int malware, int securityNotes, int evenFree, int oddFree) {}

    /** Pages without the registry's history: their History section leaves out the releases. */
    public PortPages(Registry registry, Knowledge knowledge) {
        this(knowledge, registry, null);
    }

    /**
     * Pages that tell each port's timeline across the registry's releases, when {@code history}
     * ends with the release {@code registry} holds (the same {@code updated} date); over other
     * data they leave it out, since the timeline would not end where the page's records do.
     */
    public PortPages(Registry registry, Knowledge knowledge, ChangeLog history) {
        this(knowledge, registry, history);
    }

    /** Both public constructors' work; the order of its parameters only tells it apart. */
    private PortPages(Knowledge knowledge, Registry registry, @org.jspecify.annotations.Nullable ChangeLog log) {
        this.registry = registry;
        this.knowledge = knowledge;
        LocalDate updated = registry.snapshot().info().updated();
        this.history = log != null && updated != null && log.releases().get(log.releases().size() - 1).equals(updated)
                ? log : null;
        this.summaries = new dev.portolan.knowledge.PortSummaries(registry, knowledge);
    }

    private Counts counts() {
        Counts c = counts;
        if (c == null) {
            Set<String> malware = new TreeSet<>();
            for (dev.portolan.knowledge.MalwareAssociation m : knowledge.allMalware()) {
                malware.add(m.name().toLowerCase(Locale.ROOT));
            }
            int even = 0;
            int odd = 0;
            for (int p = 1; p < Rules.NCP_LIMIT; p++) {
                dev.portolan.knowledge.PortSummary s = summaries.of(p);
                if (s.status(Transport.TCP) == AssignmentStatus.UNASSIGNED
                        && s.status(Transport.UDP) == AssignmentStatus.UNASSIGNED) {
                    if (p % 2 == 0) {
                        even++;
                    } else {
                        odd++;
                    }
                }
            }
            // two threads may both count: the same numbers, and either result is kept
            c = new Counts(knowledge.programs().size(), malware.size(), knowledge.securityNotes().size(), even, odd);
            counts = c;
        }
        return c;
    }

    /** The registry the pages answer from. */
    public Registry registry() {
        return registry;
    }

    /** Whether the pages tell each port's timeline across the registry's releases. */
    public boolean hasTimeline() {
        return history != null;
    }

    /** The knowledge the pages draw on. */
    public Knowledge knowledge() {
        return knowledge;
    }

    /** What is on each port, over the same registry and knowledge as the pages. */
    public dev.portolan.knowledge.PortSummaries summaries() {
        return summaries;
    }

    /**
     * The page of a port.
     *
     * @throws IllegalArgumentException if the port is outside 0-65535
     */
    public PortPage page(int port) {
        if (port < PortRange.MIN_PORT || port > PortRange.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
        PortFacts f = new PortFacts(summaries.of(port), knowledge);
        PortTimeline timeline = history == null ? null : history.timeline(port);
        String p = Integer.toString(port);
        List<Section> sections = new ArrayList<>();
        List<Text> lead = Lead.of(f);
        add(sections, Section.Id.LEAD, List.of(paragraph(lead)));
        add(sections, Section.Id.OVERVIEW, overview(f));
        add(sections, Section.Id.USES, uses(f));
        add(sections, Section.Id.SECURITY, security(f));
        add(sections, Section.Id.CHECK, check(f));
        add(sections, Section.Id.RANGE, range(f));
        add(sections, Section.Id.EPHEMERAL, ephemeral(f));
        add(sections, Section.Id.HISTORY, history(f, timeline));
        add(sections, Section.Id.WHY, why(f));
        add(sections, Section.Id.ASSIGNMENTS, assignments(f));
        Text title = Text.of("page.title", "port", p, "what", Rules.titleWhat(f)).citing(f.summary.headline().cites());
        Text subtitle = Rules.subtitle(f);
        // The description is the lead's answer: what runs here, and the fact most worth knowing.
        // (Who may listen on a low port is true of the whole range, not worth a description.)
        Text summary = lead.size() == 3 && !lead.get(2).key().equals("lead.privileged")
                ? Text.of("page.summaryPair", "first", lead.get(0), "second", lead.get(2)) : lead.get(0);
        List<Crumb> crumbs = List.of(new Crumb(Text.of("crumb.ports"), "/ports"),
                new Crumb(Text.of("crumb.range", "range", f.range.id()), "/ranges/" + f.range.id()),
                new Crumb(Text.of("crumb.port", "port", p), "/ports/" + p));
        List<Faq> faq = faq(f);
        List<Related> related = related(f);
        OptionalInt previous = port > PortRange.MIN_PORT ? OptionalInt.of(port - 1) : OptionalInt.empty();
        OptionalInt next = port < PortRange.MAX_PORT ? OptionalInt.of(port + 1) : OptionalInt.empty();
        List<Footnote> footnotes = Footnotes.of(knowledge, f.sources.groups(), List.of(title, subtitle, summary), sections,
                faq, related);
        return new PortPage(port, f.range.id(), title, subtitle, summary, crumbs, sections, faq, related, previous,
                next, footnotes, dataLine(registry.snapshot().info(), false), f.summary, timeline);
    }

    /**
     * Which registry data answered: its kind and label, and with {@code dates} the registry's date
     * and the day of import. Port pages leave the dates out: a newer registry then changes only the
     * pages whose records changed (each record shows its own dates), and a static export rewrites
     * only those; the home page gives the dates.
     */
    public static Text dataLine(SnapshotInfo info, boolean dates) {
        String label = switch (info.source()) {
            case IANA_XML -> "XML";
            case IANA_CSV -> "CSV";
            default -> info.label();
        };
        LocalDate updated = dates ? info.updated() : null;
        LocalDate imported = dates ? info.importDay() : null;
        Object updatedOn = updated == null ? "" : new PageDate(updated.getYear(), updated.getMonthValue(),
                updated.getDayOfMonth());
        Object importedOn = "";
        if (imported != null) {
            importedOn = new PageDate(imported.getYear(), imported.getMonthValue(), imported.getDayOfMonth());
        }
        return Text.of("data.snapshot", "source", info.source().id(), "label", label, "dated",
                updated == null ? "no" : "yes", "updated", updatedOn, "imported", imported == null ? "no" : "yes",
                "importedOn", importedOn);
    }

    private static void add(List<Section> sections, Section.Id id, List<Block> blocks) {
        if (!blocks.isEmpty()) {
            sections.add(new Section(id, blocks));
        }
    }

    private static Block paragraph(Text... sentences) {
        return new Block.Paragraph(List.of(sentences));
    }

    private static Block paragraph(List<Text> sentences) {
        return new Block.Paragraph(sentences);
    }

    // --- what the port is ---

    private List<Block> overview(PortFacts f) {
        String p = Integer.toString(f.port);
        List<Block> blocks = new ArrayList<>();
        // What the names people use stand for and what the protocol does; the lead has said what
        // runs here, and the programs have a section of their own.
        List<Text> about = new ArrayList<>(KnownSentences.names(f.summary));
        about.addAll(KnownSentences.protocols(f.summary));
        if (!about.isEmpty()) {
            blocks.add(paragraph(about));
        }
        // Transports that say the same thing are named together: "On TCP and UDP, ...".
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, Text> sentences = new LinkedHashMap<>();
        for (Transport t : Transport.values()) {
            AssignmentStatus status = f.status(t);
            List<String> services = f.services(t);
            String key = status.id() + "|" + String.join(",", services);
            Buckets.list(groups, key).add(label(t));
            if (!sentences.containsKey(key)) {
                Text s = switch (status) {
                    case ASSIGNED -> Text.of("overview.assigned", "port", p, "services", services,
                            "count", services.size());
                    case RESERVED -> Text.of("overview.reserved", "port", p);
                    case UNASSIGNED -> f.range == RangeClass.DYNAMIC ? Text.of("overview.dynamic", "port", p)
                            : Text.of("overview.unassigned", "port", p);
                };
                sentences.put(key, s);
            }
        }
        List<Text> out = new ArrayList<>();
        boolean every = groups.size() == 1;
        if (every && !f.assignedAnywhere()) {
            return blocks; // the lead says the port is unassigned (or reserved) everywhere
        }
        for (Map.Entry<String, Text> e : sentences.entrySet()) {
            Text s = e.getValue();
            Map<String, Object> args = new LinkedHashMap<>(s.args());
            args.put("scope", every ? "all" : "some");
            args.put("transports", groups.get(e.getKey()));
            out.add(new Text(s.key(), args, List.of(REGISTRY)));
        }
        blocks.add(paragraph(out));
        // The registry's own descriptions, quoted: they are data, shown as IANA wrote them.
        List<Text> described = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Assignment a : f.listedRecords()) {
            if (a.status() == AssignmentStatus.ASSIGNED && a.service() != null && !a.description().isBlank()
                    && seen.add(a.service() + "\n" + a.description())) {
                described.add(Text.of("overview.described", "service", a.service(), "description", a.description())
                        .citing(REGISTRY));
            }
        }
        if (!described.isEmpty()) {
            blocks.add(new Block.Points(described));
        }
        return blocks;
    }

    private static void addTo(List<String> transports, @org.jspecify.annotations.Nullable String transport) {
        if (transport != null && !transports.contains(transport)) {
            transports.add(transport);
        }
    }

    private static String label(Transport t) {
        return t.id().toUpperCase(Locale.ROOT);
    }

    // --- the range ---

    private List<Block> range(PortFacts f) {
        String p = Integer.toString(f.port);
        List<Block> blocks = new ArrayList<>();
        RangeFacts rf = knowledge.range(f.range.id()).orElse(null);
        List<String> rangeCites = rf == null ? List.of() : rf.cites();
        Text where = Text.of("range.where", "port", p, "range", f.range.id(),
                "low", Integer.toString(f.range.ports().first()), "high", Integer.toString(f.range.ports().last()))
                .citing(rangeCites.isEmpty() ? List.of(REGISTRY) : rangeCites);
        List<Text> first = new ArrayList<>(List.of(where));
        if (rf != null) {
            if (rf.procedures().isEmpty()) {
                first.add(Text.of("range.neverAssigned", "range", f.range.id()).citing(rf.cites()));
            } else {
                List<Object> procedures = new ArrayList<>();
                for (String pr : rf.procedures()) {
                    procedures.add(Text.of("procedure." + pr));
                }
                first.add(Text.of("range.procedures", "range", f.range.id(), "procedures", procedures)
                        .citing(rf.cites()));
            }
        }
        for (dev.portolan.knowledge.Deassignment d : knowledge.deassignments(f.port)) {
            List<String> c = new ArrayList<>(d.cites());
            c.addAll(knowledge.deassignmentCites());
            first.add(Text.of("range.deassigned", "port", p, "date", PageDate.parse(d.date()), "service",
                    d.formerService()).citing(dedupe(c)));
        }
        blocks.add(paragraph(first));

        // Who may bind it. Nobody listens on port 0: asking for it means "any port".
        if (f.port == 0) {
            blocks.add(paragraph(Text.of("range.zero").citing(ZERO_CITES)));
            return blocks;
        }
        blocks.add(paragraph(Text.of("range.systemsIntro", "port", p)));
        blocks.add(new Block.Systems(systemRows(f)));
        return blocks;
    }

    /**
     * One row per operating system the knowledge speaks of: who may listen on the port, and which
     * of its default ephemeral ranges hold it.
     */
    private List<Block.SystemRow> systemRows(PortFacts f) {
        String p = Integer.toString(f.port);
        Map<String, List<Text>> listen = new LinkedHashMap<>();
        Map<String, List<Text>> ephemeral = new LinkedHashMap<>();
        Map<String, Set<String>> cites = new LinkedHashMap<>();
        for (PrivilegedPorts pp : knowledge.privilegedPorts()) {
            List<Text> cell = Buckets.list(listen, pp.system());
            Set<String> c = Buckets.set(cites, pp.system());
            c.addAll(pp.cites());
            String privilege = pp.privilege().isEmpty() ? "root" : pp.privilege();
            if (!pp.restricts(f.port)) {
                cell.add(Text.of("systems.listenYes", "below", String.valueOf(pp.below())));
                continue;
            }
            cell.add(Text.of(pp.exempt().isEmpty() ? "systems.listenPrivileged" : "systems.listenWildcard",
                    "privilege", privilege));
            if (!pp.settings().isEmpty()) {
                cell.add(Text.of("systems.listenSetting", "setting", new ArrayList<Object>(pp.settings()),
                        "settingCount", pp.settings().size(), "since", pp.since(),
                        "hasSince", pp.since().isEmpty() ? "no" : "yes"));
            }
            for (PrivilegedPorts.Alternative alt : pp.alternatives()) {
                cell.add(Text.of("systems.listenAlternative", "name", alt.name(), "since", alt.since(),
                        "hasSince", alt.since().isEmpty() ? "no" : "yes"));
                c.addAll(alt.cites());
            }
        }
        for (EphemeralRange r : knowledge.ephemeralRanges()) {
            Buckets.list(listen, r.system());
            Buckets.set(cites, r.system()).addAll(r.cites());
            Buckets.list(ephemeral, r.system()).add(Text.of("systems.ephemeral",
                    "low", Integer.toString(r.low()), "high", Integer.toString(r.high()),
                    "versions", r.since().isEmpty() ? (r.until().isEmpty() ? "all" : "until") : "since",
                    "since", r.since(), "until", r.until(), "inside", r.contains(f.port) ? "yes" : "no", "port", p));
        }
        List<Block.SystemRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<Text>> e : listen.entrySet()) {
            String system = e.getKey();
            rows.add(new Block.SystemRow(system, e.getValue(), ephemeral.getOrDefault(system, List.of()),
                    List.copyOf(cites.get(system))));
        }
        return rows;
    }

    /** Citation ids without repeats, in first-seen order. */
    static List<String> dedupe(List<String> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    // --- assignments ---

    private List<Block> assignments(PortFacts f) {
        String p = Integer.toString(f.port);
        List<Assignment> records = f.listedRecords();
        if (records.isEmpty()) {
            return List.of(paragraph(Text.of("assignments.none", "port", p).citing(REGISTRY)));
        }
        RegistrySnapshot snapshot = registry.snapshot();
        // A record without a protocol resolves once per transport: show it once, with its transports.
        Map<String, AssignmentRow> rows = new LinkedHashMap<>();
        Map<String, List<String>> transports = new LinkedHashMap<>();
        for (Assignment a : records) {
            String key = a.service() + "|" + a.ports() + "|" + a.description() + "|" + a.registered() + "|"
                    + a.notes() + "|" + a.assignees();
            Buckets.list(transports, key).add(a.transport() == null ? "" : a.transport().id());
            if (!rows.containsKey(key)) {
                rows.put(key, row(a, snapshot));
            }
        }
        List<AssignmentRow> out = new ArrayList<>();
        for (Map.Entry<String, AssignmentRow> e : rows.entrySet()) {
            AssignmentRow r = e.getValue();
            String ts = String.join(", ", new LinkedHashSet<>(transports.get(e.getKey())));
            out.add(new AssignmentRow(r.service(), ts, r.ports(), r.status(), r.description(), r.assignees(),
                    r.contacts(), r.registered(), r.modified(), r.references(), r.notes(), r.unauthorized()));
        }
        return List.of(paragraph(Text.of("assignments.intro", "port", p, "count", out.size()).citing(REGISTRY)),
                new Block.Assignments(out));
    }

    private static AssignmentRow row(Assignment a, RegistrySnapshot snapshot) {
        List<String> assignees = new ArrayList<>(a.assignees().size());
        for (String id : a.assignees()) {
            assignees.add(snapshot.person(id).name());
        }
        List<String> contacts = new ArrayList<>(a.contacts().size());
        for (String id : a.contacts()) {
            contacts.add(snapshot.person(id).name());
        }
        List<Link> refs = new ArrayList<>();
        for (Reference r : a.references()) {
            refs.add(link(r, snapshot));
        }
        PortRange ports = a.ports();
        return new AssignmentRow(a.service() == null ? "" : a.service(), a.transport() == null ? "" : a.transport().id(),
                ports == null ? "" : ports.toString(), a.status().id(), a.description(), assignees, contacts,
                a.registered() == null ? null : PageDate.of(a.registered()),
                a.modified() == null ? null : PageDate.of(a.modified()), refs, a.notes(), a.unauthorized());
    }

    /** A reference with the link a reader can follow: the RFC Editor for RFCs, the IETF datatracker for drafts. */
    static Link link(Reference r, RegistrySnapshot snapshot) {
        return switch (r.kind()) {
            case RFC -> {
                String n = r.value().substring(3);
                yield new Link("RFC " + n, "https://www.rfc-editor.org/rfc/rfc" + n);
            }
            case DRAFT -> new Link(r.value(), "https://datatracker.ietf.org/doc/" + r.value() + "/");
            case URI -> new Link(r.value(), r.value());
            case TEXT -> new Link(r.value(), "");
            case FOOTNOTE -> new Link(snapshot.footnote(r.value()).orElse(r.label()), "");
        };
    }

    // --- ephemeral ports ---

    /**
     * For a dynamic port, or one inside a system's default ephemeral range: what happens when a
     * program connects out, how long a closed connection keeps its port, and the commands that
     * show and change the range and reserve the port.
     */
    private List<Block> ephemeral(PortFacts f) {
        List<dev.portolan.knowledge.EphemeralHandling> all = knowledge.ephemeralHandling();
        if (all.isEmpty() || f.port == 0 || (f.range != RangeClass.DYNAMIC && f.ephemeralInside().isEmpty())) {
            return List.of();
        }
        String p = Integer.toString(f.port);
        Set<String> holding = new LinkedHashSet<>();
        for (EphemeralRange r : f.ephemeralInside()) {
            holding.add(r.system());
        }
        List<Block> blocks = new ArrayList<>();
        // What connecting out does, from the sources of (at most three of) the systems that hand this port out.
        List<String> connect = new ArrayList<>();
        int connecting = 0;
        for (dev.portolan.knowledge.EphemeralHandling h : all) {
            if (connecting < 3 && (holding.isEmpty() || holding.contains(h.system()))) {
                connect.addAll(h.connectCites());
                connecting++;
            }
        }
        List<Text> first = new ArrayList<>();
        first.add(Text.of("ephemeral.connect", "port", p).citing(dedupe(connect)));
        // TIME_WAIT: systems with the same default named together, then those with only a setting.
        // longest first
        Map<Integer, List<dev.portolan.knowledge.EphemeralHandling>> bySeconds = new java.util.TreeMap<>(
                java.util.Collections.reverseOrder());
        for (dev.portolan.knowledge.EphemeralHandling h : all) {
            if (h.timeWaitSeconds() > 0) {
                Buckets.list(bySeconds, h.timeWaitSeconds()).add(h);
            }
        }
        if (!bySeconds.isEmpty()) {
            List<Object> durations = new ArrayList<>();
            List<String> c = new ArrayList<>();
            for (Map.Entry<Integer, List<dev.portolan.knowledge.EphemeralHandling>> e : bySeconds.entrySet()) {
                List<Object> systems = new ArrayList<>();
                for (dev.portolan.knowledge.EphemeralHandling h : e.getValue()) {
                    systems.add(h.system());
                    c.addAll(h.timeWaitCites());
                }
                durations.add(Text.of("ephemeral.timeWaitItem", "seconds", e.getKey(), "systems", systems));
            }
            first.add(Text.of("ephemeral.timeWait", "durations", durations).citing(dedupe(c)));
        }
        for (dev.portolan.knowledge.EphemeralHandling h : all) {
            if (h.timeWaitSeconds() == 0 && !h.timeWaitSetting().isEmpty()) {
                first.add(Text.of("ephemeral.timeWaitSetting", "system", h.system(), "setting", h.timeWaitSetting())
                        .citing(h.timeWaitCites()));
            }
        }
        blocks.add(paragraph(first));
        // The commands, system by system.
        blocks.add(paragraph(Text.of("ephemeral.commandsIntro", "port", p)));
        List<Command> commands = new ArrayList<>();
        for (dev.portolan.knowledge.EphemeralHandling h : all) {
            String platform = h.system().toLowerCase(Locale.ROOT);
            EphemeralRange current = null;
            for (EphemeralRange r : knowledge.ephemeralRanges()) {
                if (current == null && r.system().equals(h.system()) && r.until().isEmpty()) {
                    current = r;
                }
            }
            commands.add(new Command(platform, "", h.show().command(), h.show().cites(), "showRange"));
            if (current != null) {
                String line = h.change().command().replace("{low}", Integer.toString(current.low()))
                        .replace("{high}", Integer.toString(current.high()))
                        .replace("{count}", Integer.toString(current.high() - current.low() + 1));
                commands.add(new Command(platform, "", line, h.change().cites(), "changeRange"));
            }
            if (h.reserve() != null) {
                commands.add(new Command(platform, "", h.reserve().command().replace("{port}", p), h.reserve().cites(),
                        "reserve"));
            }
        }
        blocks.add(new Block.Commands(commands));
        List<Text> after = new ArrayList<>();
        after.add(Text.of("ephemeral.changeNote"));
        for (dev.portolan.knowledge.EphemeralHandling h : all) {
            if (!h.reserveReplaces().isEmpty()) {
                after.add(Text.of("ephemeral.reserveList", "setting", h.reserveReplaces()).citing(h.reserve().cites()));
            }
        }
        List<Object> none = new ArrayList<>();
        List<String> noneCites = new ArrayList<>();
        for (dev.portolan.knowledge.EphemeralHandling h : all) {
            if (h.reserveNone()) {
                none.add(h.system());
                noneCites.addAll(h.reserveCites());
            }
        }
        if (!none.isEmpty()) {
            after.add(Text.of("ephemeral.noReserve", "systems", none, "count", none.size()).citing(dedupe(noneCites)));
        }
        blocks.add(paragraph(after));
        return blocks;
    }

    // --- history ---

    private List<Block> history(PortFacts f, @org.jspecify.annotations.Nullable PortTimeline timeline) {
        String p = Integer.toString(f.port);
        // The port across the registry's releases; the changes it dates to the day, the registry's
        // dates of last change below do not say again.
        RegistryTimeline.Story releases = timeline == null ? new RegistryTimeline.Story(List.of(), Set.of())
                : RegistryTimeline.of(timeline);
        List<Block> blocks = new ArrayList<>();
        // One story in date order: the NCP socket days for the numbers below 256, the printed
        // lists for system ports, the online registry for all.
        List<String> ids = new ArrayList<>();
        if (f.port < Rules.NCP_LIMIT) {
            ids.addAll(List.of("rfc33", "rfc147", "rfc349", "ncp-tcp-switch"));
        }
        if (f.range == RangeClass.SYSTEM) {
            ids.addAll(List.of("rfc739", "rfc1700"));
        }
        ids.addAll(List.of("rfc3232", "rfc6335"));
        // Dated sentences, the registry's own dates among the events, told in date order (a stable
        // sort keeps a record's registration before its modification on the same day).
        List<java.util.Map.Entry<String, Text>> dated = new ArrayList<>();
        for (String id : ids) {
            java.util.Optional<HistoryEvent> e = event(id);
            if (e.isPresent()) {
                dated.add(Map.entry(PageDate.parse(e.get().date()).toString(), eventText(e.get())));
            }
        }
        List<Text> notes = new ArrayList<>();
        // The registry's dates, each told once: a service registered on several days names the
        // transports of each day; records changed on one day make one sentence, naming each
        // service with its transports when there are several.
        Map<String, Map<PageDate, List<String>>> registered = new java.util.LinkedHashMap<>();
        Map<PageDate, Map<String, List<String>>> modified = new java.util.TreeMap<>(BY_DATE_TEXT);
        for (Assignment a : f.listedRecords()) {
            String service = a.service() == null ? "" : a.service();
            String transport = a.transport() == null ? null : label(a.transport());
            if (a.registered() != null && !service.isEmpty()) {
                addTo(Buckets.list(Buckets.map(registered, service), PageDate.of(a.registered())), transport);
            }
            if (a.modified() != null && !service.isEmpty() && !a.modified().equals(a.registered())
                    && !releases.explained().contains(RegistryTimeline.explainedKey(service, a.transport(),
                            PageDate.of(a.modified()).toString()))) {
                addTo(Buckets.list(Buckets.map(modified, PageDate.of(a.modified())), service), transport);
            }
            for (String note : a.notes()) {
                notes.add(note(note, service));
            }
        }
        for (Map.Entry<String, Map<PageDate, List<String>>> r : registered.entrySet()) {
            String service = r.getKey();
            Map<PageDate, List<String>> days = r.getValue();
            for (Map.Entry<PageDate, List<String>> day : days.entrySet()) {
                PageDate d = day.getKey();
                List<String> transports = day.getValue();
                String named = days.size() > 1 && !transports.isEmpty()
                        ? service + " (" + String.join(", ", transports) + ")" : service;
                dated.add(Map.entry(d.toString(), Text.of("history.registered", "service", named, "port", p,
                        "date", d, "precision", d.precision()).citing(REGISTRY)));
            }
        }
        for (Map.Entry<PageDate, Map<String, List<String>>> m : modified.entrySet()) {
            PageDate d = m.getKey();
            Map<String, List<String>> services = m.getValue();
            if (services.size() == 1) {
                Map.Entry<String, List<String>> only = services.entrySet().iterator().next();
                List<String> transports = only.getValue();
                dated.add(Map.entry(d.toString(), Text.of("history.modified", "service", only.getKey(),
                        "hasTransport", transports.isEmpty() ? "no" : "yes", "transport",
                        transports.size() == 1 ? transports.get(0) : List.<Object>copyOf(transports),
                        "date", d, "precision", d.precision()).citing(REGISTRY)));
            } else {
                List<Object> named = new ArrayList<>();
                for (Map.Entry<String, List<String>> s : services.entrySet()) {
                    named.add(s.getValue().isEmpty() ? s.getKey()
                            : s.getKey() + " (" + String.join(", ", s.getValue()) + ")");
                }
                dated.add(Map.entry(d.toString(), Text.of("history.modifiedMany", "services", named,
                        "date", d, "precision", d.precision()).citing(REGISTRY)));
            }
        }
        // The timeline's parts among the other dated sentences; a part that introduces a list of
        // changes carries it along.
        Map<Text, List<Text>> points = new java.util.HashMap<>();
        for (RegistryTimeline.Told t : releases.told()) {
            dated.add(Map.entry(t.key(), t.sentence()));
            if (!t.points().isEmpty()) {
                points.put(t.sentence(), t.points());
            }
        }
        dated.sort(BY_KEY);
        String firstRelease = timeline == null ? "~" : timeline.releases().get(0).toString();
        // Below 256, two paragraphs: the ARPANET's socket numbers up to the switch to TCP/IP, which
        // ends with what that left on this port; then the lists and the registry. What the
        // registry's releases show since the oldest of them follows, with its lists of changes.
        List<Text> story = new ArrayList<>();
        List<Text> later = new ArrayList<>();
        List<Block> registryYears = new ArrayList<>();
        List<Text> current = new ArrayList<>();
        Set<Text> said = new java.util.HashSet<>();
        for (Map.Entry<String, Text> e : dated) {
            Text t = e.getValue();
            if (!said.add(t)) {
                continue;
            }
            if (e.getKey().compareTo(firstRelease) >= 0) {
                current.add(t);
                List<Text> changes = points.get(t);
                if (changes != null) {
                    registryYears.add(paragraph(current));
                    registryYears.add(new Block.Points(changes));
                    current = new ArrayList<>();
                }
                continue;
            }
            boolean arpanet = f.port < Rules.NCP_LIMIT && t.args().get("date") instanceof PageDate d
                    && d.year() <= TCP_SWITCH_YEAR;
            (arpanet && later.isEmpty() ? story : later).add(t);
        }
        if (!current.isEmpty()) {
            registryYears.add(paragraph(current));
        }
        if (f.port > 0 && f.port < Rules.NCP_LIMIT) {
            // RFC 349 itself is the source of what it listed; the registry, of what is unassigned today.
            List<String> ncpCites = Rules.rfc349Source(f);
            if (Rules.ncpOrphan(f)) {
                List<String> c = new ArrayList<>(ncpCites);
                c.add(REGISTRY);
                story.add(Text.of("history.ncpOrphan", "port", p, "evenFree", counts().evenFree(),
                        "oddFree", counts().oddFree())
                        .citing(dedupe(c)));
            } else if (!f.even() && f.assignedAnywhere() && !ncpCites.isEmpty()) {
                story.add(Text.of("history.ncpOdd", "port", p).citing(ncpCites));
            }
        }
        if (!story.isEmpty()) {
            blocks.add(paragraph(story));
        }
        if (!later.isEmpty()) {
            blocks.add(paragraph(later));
        }
        blocks.addAll(registryYears);
        // The registry's notes on the port's records, which carry no date.
        List<Text> unique = dedupeTexts(notes);
        if (!unique.isEmpty()) {
            blocks.add(new Block.Points(unique));
        }
        return blocks;
    }

    /**
     * A note starting like this lists the keys of the service's DNS-SD TXT record (RFC 6763);
     * compiled when a note names TXT keys at all (compiling it cost every explained page a few
     * milliseconds of a command line's start).
     */
    private static final class TxtKeys {
        static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile(
                "(?i)^\\s*defined txt keys?\\s*:\\s*(.+)$", java.util.regex.Pattern.DOTALL);
    }

    /**
     * A registry note as a sentence. "Defined TXT keys: u=<username> p=<password>" reads like
     * credentials; it names the keys of the service's DNS-SD TXT record, and the page says so.
     */
    private Text note(String note, String service) {
        java.util.regex.Matcher m = note.toLowerCase(java.util.Locale.ROOT).contains("txt key")
                ? TxtKeys.PATTERN.matcher(note) : null;
        if (m != null && m.matches() && knowledge.citation(RFC6763_TXT).isPresent()) {
            return Text.of("history.noteTxtKeys", "service", service.isEmpty() ? "" : service, "keys",
                    m.group(1).strip(), "named", service.isEmpty() ? "no" : "yes").citing(REGISTRY, RFC6763_TXT);
        }
        return Text.of("history.note", "note", note).citing(REGISTRY);
    }

    private static Text eventText(HistoryEvent e) {
        PageDate date = PageDate.parse(e.date());
        return Text.of("history.event." + e.id(), "date", date, "precision", date.precision()).citing(e.cites());
    }

    private static List<Text> dedupeTexts(List<Text> texts) {
        return List.copyOf(new LinkedHashSet<>(texts));
    }

    /** Dates in the order of their text ({@code 2024-08}, {@code 2024-08-01}). */
    private static final java.util.Comparator<PageDate> BY_DATE_TEXT = new java.util.Comparator<>() {
        @Override
        public int compare(PageDate a, PageDate b) {
            return a.toString().compareTo(b.toString());
        }
    };

    /** Dated sentences in the order of their date's text. */
    private static final java.util.Comparator<Map.Entry<String, Text>> BY_KEY = new java.util.Comparator<>() {
        @Override
        public int compare(Map.Entry<String, Text> a, Map.Entry<String, Text> b) {
            return a.getKey().compareTo(b.getKey());
        }
    };

    private java.util.Optional<HistoryEvent> event(String id) {
        return knowledge.event(id);
    }

    /**
     * Whether the data is the IANA registry itself, which records reports of unauthorized use; the
     * embedded baseline does not carry them, so its pages must not claim there are none.
     */
    private boolean fullRegistry() {
        return registry.snapshot().info().source() != dev.portolan.core.SnapshotInfo.Source.BASELINE;
    }

    // --- other uses ---

    private List<Block> uses(PortFacts f) {
        String p = Integer.toString(f.port);
        if (f.summary.programs().isEmpty()) {
            // A statement about Portolan's own list: no source to cite. What the registry reports of
            // unauthorized use, or that the embedded data lacks those reports, the security section says.
            return List.of(paragraph(Text.of("uses.none", "port", p, "software", counts().software())));
        }
        return List.of(paragraph(Text.of("uses.intro", "port", p, "count", f.summary.distinctPrograms().size())),
                new Block.Points(programItems(f)));
    }

    /**
     * One item per use of the port by a program, as the command line words them too; an item of a
     * program the title names also cites the source of that name (the title carries no markers).
     */
    private static List<Text> programItems(PortFacts f) {
        String p = Integer.toString(f.port);
        Set<Text> out = new LinkedHashSet<>();
        for (dev.portolan.knowledge.ProgramUse u : f.summary.programs()) {
            Text item = KnownSentences.use(u, p);
            List<String> named = f.sources.titleNames(u.program().name());
            if (!named.isEmpty()) {
                List<String> c = new ArrayList<>(item.cites());
                c.addAll(named);
                item = item.citing(dedupe(c));
            }
            out.add(item);
        }
        return List.copyOf(out);
    }

    private static List<Object> labels(Set<Transport> transports) {
        List<Object> out = new ArrayList<>();
        for (Transport t : Transport.values()) {
            if (transports.contains(t)) {
                out.add(label(t));
            }
        }
        return out;
    }

    // --- security ---

    private List<Block> security(PortFacts f) {
        String p = Integer.toString(f.port);
        List<Block> blocks = new ArrayList<>();
        List<Text> reports = new ArrayList<>(KnownSentences.security(f.summary, List.of(Transport.values())));
        for (String report : f.unauthorized()) {
            reports.add(Text.of("security.unauthorized", "report", report).citing(REGISTRY));
        }
        // The page says here, and only here, that the embedded data lacks the registry's reports.
        Text noReports = Text.of("security.baselineNoReports").citing(REGISTRY);
        if (reports.isEmpty() && fullRegistry()) {
            blocks.add(paragraph(Text.of("security.noneKnown", "port", p, "notes", counts().securityNotes(),
                    "malware", counts().malware()).citing(REGISTRY)));
        } else if (reports.isEmpty()) {
            blocks.add(paragraph(Text.of("security.noneKnownBaseline", "port", p, "notes", counts().securityNotes(),
                    "malware", counts().malware()), noReports));
        } else {
            blocks.add(new Block.Points(reports));
            if (!fullRegistry()) {
                blocks.add(paragraph(noReports));
            }
        }
        if (!knowledge.badPorts().isEmpty()) {
            blocks.add(paragraph(Text.of(knowledge.browsersRefuse(f.port) ? "security.browsersRefuse"
                    : "security.browsersAllow", "port", p).citing(knowledge.badPortCites())));
        }
        return blocks;
    }

    // --- how to check ---

    private List<Block> check(PortFacts f) {
        String p = Integer.toString(f.port);
        List<Command> commands = List.of(
                new Command("linux", "tcp", CheckCommands.listeners(Os.LINUX, Transport.TCP, f.port), List.of("ss-man")),
                new Command("linux", "udp", CheckCommands.listeners(Os.LINUX, Transport.UDP, f.port), List.of("ss-man")),
                new Command("macos", "tcp", CheckCommands.listeners(Os.MACOS, Transport.TCP, f.port), List.of("lsof-man")),
                new Command("macos", "udp", CheckCommands.listeners(Os.MACOS, Transport.UDP, f.port), List.of("lsof-man")),
                new Command("windows", "tcp", CheckCommands.listeners(Os.WINDOWS, Transport.TCP, f.port),
                        List.of("ms-get-nettcpconnection")),
                new Command("windows", "udp", CheckCommands.listeners(Os.WINDOWS, Transport.UDP, f.port),
                        List.of("ms-get-netudpendpoint")),
                new Command("portolan", "", "portolan check " + p, List.of()));
        // Ports whose numbers start with this one's digits: what a plain text search would also match.
        List<Object> longer = new ArrayList<>();
        for (long q = f.port * 10L; q <= PortRange.MAX_PORT && f.port > 0 && longer.size() < 2; q *= 10) {
            longer.add(Long.toString(q));
        }
        List<Command> connections = new ArrayList<>();
        for (String line : CheckCommands.connections(Os.LINUX, f.port)) {
            connections.add(new Command("linux", "tcp", line, List.of("ss-man"), "connections"));
        }
        for (String line : CheckCommands.connections(Os.MACOS, f.port)) {
            connections.add(new Command("macos", "tcp", line, List.of("lsof-man"), "connections"));
        }
        for (String line : CheckCommands.connections(Os.WINDOWS, f.port)) {
            connections.add(new Command("windows", "tcp", line, List.of("ms-get-nettcpconnection"), "connections"));
        }
        return List.of(paragraph(Text.of("check.intro", "port", p, "longer", longer, "count", longer.size())
                        .citing("ss-man")),
                new Block.Commands(commands),
                paragraph(Text.of("check.connections", "port", p).citing("ss-man", "lsof-man",
                        "ms-get-nettcpconnection")),
                new Block.Commands(connections),
                paragraph(Text.of("check.privileges").citing("ss-man", "lsof-man")));
    }

    // --- why it matters ---

    private List<Block> why(PortFacts f) {
        List<Text> reasons = Rules.whyItMatters(f);
        return reasons.isEmpty() ? List.of() : List.of(paragraph(reasons));
    }

    // --- FAQ ---

    private List<Faq> faq(PortFacts f) {
        String p = Integer.toString(f.port);
        List<Faq> out = new ArrayList<>();
        out.add(new Faq(Text.of("faq.what.q", "port", p), Rules.whatAnswer(f)));
        out.add(new Faq(Text.of("faq.own.q", "port", p), Rules.ownServiceAnswer(f)));
        if (!knowledge.badPorts().isEmpty()) {
            out.add(new Faq(Text.of("faq.browser.q", "port", p), Text.of(knowledge.browsersRefuse(f.port)
                    ? "faq.browser.refuse" : "faq.browser.allow", "port", p).citing(knowledge.badPortCites())));
        }
        out.add(new Faq(Text.of("faq.check.q", "port", p), Text.of("faq.check.a", "port", p,
                "linux", CheckCommands.listeners(Os.LINUX, Transport.TCP, f.port),
                "macos", CheckCommands.listeners(Os.MACOS, Transport.TCP, f.port),
                "windows", CheckCommands.listeners(Os.WINDOWS, Transport.TCP, f.port), "portolan", "portolan check " + p)
                .citing("ss-man", "lsof-man", "ms-get-nettcpconnection")));
        return out;
    }

    // --- related ports ---

    private List<Related> related(PortFacts f) {
        Map<Integer, Related> out = new LinkedHashMap<>();
        List<RelatedPorts> groups = knowledge.relatedTo(f.port);
        for (RelatedPorts group : groups) {
            for (int other : group.ports()) {
                if (other != f.port) {
                    out.putIfAbsent(other, new Related(other, Text.of("related." + group.relation(),
                            "port", Integer.toString(f.port), "other", Integer.toString(other)).citing(group.cites())));
                }
            }
        }
        for (String service : f.allServices()) {
            List<Assignment> all = registry.service(service).orElse(List.of());
            Set<Integer> ports = new TreeSet<>();
            for (Assignment a : all) {
                PortRange r = a.ports();
                if (r != null && r.isSingle() && r.first() != f.port) {
                    ports.add(r.first());
                }
            }
            for (int other : ports) {
                if (out.size() >= SAME_SERVICE_LIMIT + groups.size()) {
                    break;
                }
                out.putIfAbsent(other, new Related(other, Text.of("related.sameService", "service", service,
                        "other", Integer.toString(other)).citing(REGISTRY)));
            }
        }
        return List.copyOf(out.values());
    }
}
