package dev.portolan.web;

import com.ibm.icu.text.ListFormatter;
import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortEntry;
import dev.portolan.core.PortRange;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.page.Block;
import dev.portolan.knowledge.page.Markers;
import dev.portolan.knowledge.page.PageDate;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.Section;
import dev.portolan.knowledge.page.Text;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.web.Views.BlockView;
import dev.portolan.web.Views.CommandView;
import dev.portolan.web.Views.Crumb;
import dev.portolan.web.Views.EntryRow;
import dev.portolan.web.Views.Head;
import dev.portolan.web.Views.Link;
import dev.portolan.web.Views.PortRow;
import dev.portolan.web.Views.RangeView;
import dev.portolan.web.Views.Sentence;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns page models and registry answers into HTML in one language, through the compiled
 * templates. Instances are immutable and safe to share between threads.
 *
 * <p>The pages link only to port pages that exist: on the site every port has one; a static
 * export of some ports writes only theirs, and there the lists hold only those ports, a range
 * without any of them is named but not linked, and a port outside them (a related port, the
 * neighbour of the first or last, a well-known port on the home page, a record of a service) is
 * named as plain text.
 */
final class HtmlPages {
    /** Ports per page of the port index and the range lists. */
    static final int PER_PAGE = 256;
    /** Ports the home page lists. */
    static final int[] WELL_KNOWN = {20, 21, 22, 23, 25, 53, 67, 80, 110, 123, 143, 161, 389, 443, 445, 465, 514,
        587, 636, 993, 995, 1433, 1521, 1883, 3306, 3389, 5060, 5432, 5672, 5900, 6379, 8080, 8443, 9092, 27017};

    private static final String HTML = "text/html;charset=utf-8";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlPages.class.getClassLoader(), HtmlPages.class.getPackageName());
    private final Frame frame;
    private final Messages messages;
    private final Registry registry;
    private final dev.portolan.knowledge.PortSummaries summaries;
    /** The ports that have pages. */
    private final PortRange ports;
    private final ListFormatter lists;
    /** Service names are alternatives, not a sum: "www-http, http", not "www-http and http". */
    private final ListFormatter names;

    /** The pages of a site where every port has its page. */
    HtmlPages(Frame frame, dev.portolan.knowledge.PortSummaries summaries) {
        this(frame, summaries, PortRange.ALL);
    }

    /**
     * The pages of a site where only {@code ports} have pages (a static export of some ports).
     */
    HtmlPages(Frame frame, dev.portolan.knowledge.PortSummaries summaries, PortRange ports) {
        this.frame = frame;
        this.ports = ports;
        this.messages = frame.messages();
        this.registry = summaries.registry();
        this.summaries = summaries;
        this.lists = ListFormatter.getInstance(messages.locale());
        this.names = ListFormatter.getInstance(messages.locale(), ListFormatter.Type.UNITS, ListFormatter.Width.SHORT);
    }

    static String contentType() {
        return HTML;
    }

    /** The page of a port. */
    byte[] port(PortPage page) {
        return port(page, messages.sentences());
    }

    /** The page of a port, its sentences from {@code sentences} (which its JSON may share). */
    byte[] port(PortPage page, Messages.Sentences sentences) {
        Markers markers = page.markers();
        String port = Integer.toString(page.port());
        List<Crumb> crumbs = new ArrayList<>();
        for (int i = 0; i < page.breadcrumbs().size(); i++) {
            PortPage.Crumb c = page.breadcrumbs().get(i);
            crumbs.add(new Crumb(sentences.format(c.label()), c.path(), i == page.breadcrumbs().size() - 1));
        }
        List<Views.SectionView> sections = new ArrayList<>();
        for (Section s : page.sections()) {
            List<BlockView> blocks = new ArrayList<>();
            for (Block b : s.blocks()) {
                blocks.add(block(b, sentences, markers, port));
            }
            sections.add(new Views.SectionView(s.id().id(), messages.format("section." + s.id().id() + ".heading",
                    "port", port), blocks));
        }
        List<Views.Qa> faq = new ArrayList<>();
        for (PortPage.Faq q : page.faq()) {
            faq.add(new Views.Qa(sentence(sentences, q.question(), markers), sentence(sentences, q.answer(), markers)));
        }
        List<Views.RelatedView> related = new ArrayList<>();
        for (PortPage.Related r : page.related()) {
            related.add(new Views.RelatedView(frame.t("port.link", "port", Integer.toString(r.port())),
                    portHref(r.port()), sentence(sentences, r.reason(), markers)));
        }
        // the way to a neighbour without a page is no way: it is left out
        List<Link> nearby = new ArrayList<>(2);
        page.previous().stream().filter(ports::contains).forEach(p -> nearby.add(new Link(
                frame.t("nearby.previous", "port", Integer.toString(p)), "/ports/" + p)));
        page.next().stream().filter(ports::contains).forEach(p -> nearby.add(new Link(
                frame.t("nearby.next", "port", Integer.toString(p)), "/ports/" + p)));
        List<Views.Note> notes = new ArrayList<>();
        for (PortPage.Footnote n : page.footnotes()) {
            List<Views.Source> sources = new ArrayList<>(n.sources().size());
            for (dev.portolan.knowledge.Citation c : n.sources()) {
                sources.add(new Views.Source(c.title(), c.publisher(), c.url(),
                        c.secondary() ? frame.messages().format("footnote.secondary") : ""));
            }
            notes.add(new Views.Note(n.number(), n.label() == null ? "" : sentences.format(n.label()), sources));
        }
        String title = sentences.format(page.title());
        Views.PortView view = new Views.PortView(page.port(), title, sentences.format(page.subtitle()), crumbs,
                sections, faq, related, nearby, notes, frame.t("footer.data", "data", page.data()));
        List<String> jsonLd = new ArrayList<>(2);
        jsonLd.add(JsonLd.breadcrumbs(frame, crumbs));
        if (!faq.isEmpty()) {
            jsonLd.add(JsonLd.faq(faq));
        }
        Head head = new Head(frame.t("site.pageTitle", "title", title), sentences.format(page.summary()),
                "/ports/" + page.port(), jsonLd, "ports", "/ports/" + page.port());
        return render("port", head, view);
    }

    private BlockView block(Block b, Messages.Sentences sentences, Markers markers, String port) {
        if (b instanceof Block.Paragraph p) {
            List<List<Integer>> clusters = markers.paragraph(p.sentences());
            List<Sentence> out = new ArrayList<>(clusters.size());
            for (int i = 0; i < clusters.size(); i++) {
                out.add(new Sentence(sentences.format(p.sentences().get(i)), clusters.get(i)));
            }
            return new Views.Paragraph(out);
        }
        if (b instanceof Block.Points p) {
            List<Sentence> out = new ArrayList<>(p.items().size());
            for (Text t : p.items()) {
                out.add(sentence(sentences, t, markers));
            }
            return new Views.Points(out);
        }
        if (b instanceof Block.Commands c) {
            List<CommandView> commands = new ArrayList<>();
            for (Block.Command cmd : c.commands()) {
                String platform = frame.has("commands.platform." + cmd.platform())
                        ? frame.t("commands.platform." + cmd.platform()) : cmd.platform();
                String label = cmd.transport().isEmpty() ? platform
                        : frame.t("commands.transport", "platform", platform, "transport",
                                cmd.transport().toUpperCase(Locale.ROOT));
                if (!cmd.purpose().isEmpty()) {
                    label = messages.format("command.withPurpose", "label", label, "purpose",
                            messages.format("command.purpose." + cmd.purpose(), "port", port));
                }
                commands.add(new CommandView(label, cmd.line(), markers.cluster(cmd.cites())));
            }
            return new Views.Commands(commands);
        }
        if (b instanceof Block.Systems t) {
            List<Views.SystemRowView> rows = new ArrayList<>();
            for (Block.SystemRow r : t.rows()) {
                List<String> listen = new ArrayList<>();
                r.listen().forEach(x -> listen.add(sentences.format(x)));
                if (listen.isEmpty()) {
                    listen.add(messages.format("systems.unknown"));
                }
                List<String> ephemeral = new ArrayList<>();
                r.ephemeral().forEach(x -> ephemeral.add(sentences.format(x)));
                if (ephemeral.isEmpty()) {
                    ephemeral.add(messages.format("systems.unknown"));
                }
                rows.add(new Views.SystemRowView(r.system(), listen, ephemeral, markers.cluster(r.cites())));
            }
            return new Views.SystemsTable(messages.format("systems.caption", "port", port),
                    messages.format("systems.system"), messages.format("systems.listen"),
                    messages.format("systems.ephemeralRange"), messages.format("systems.sources"), rows);
        }
        Block.Assignments a = (Block.Assignments) b;
        List<Views.Row> rows = new ArrayList<>();
        String none = frame.t("assignments.none");
        for (Block.AssignmentRow r : a.rows()) {
            List<Link> refs = new ArrayList<>();
            for (Block.Link l : r.references()) {
                refs.add(new Link(l.label(), l.url()));
            }
            rows.add(new Views.Row(r.service().isEmpty() ? none : r.service(),
                    r.transport().isEmpty() ? frame.t("assignments.all") : r.transport().toUpperCase(Locale.ROOT),
                    r.ports(), frame.has("status." + r.status()) ? frame.t("status." + r.status()) : r.status(),
                    r.description(), join(r.assignees(), none), join(r.contacts(), none), date(r.registered(), none),
                    date(r.modified(), none), refs, r.notes(), r.unauthorized()));
        }
        return new Views.Table(frame.t("assignments.caption", "port", port), rows);
    }

    private String join(List<String> items, String none) {
        return items.isEmpty() ? none : lists.format(items);
    }

    private String date(@org.jspecify.annotations.Nullable PageDate d, String none) {
        return d == null ? none : messages.date(d);
    }

    /** The path of a port's page, or empty when the port has none to link to. */
    private String portHref(int port) {
        return ports.contains(port) ? "/ports/" + port : "";
    }

    /** How many pages the index of all ports has (one per {@value #PER_PAGE} ports that have pages). */
    int indexPages() {
        return pages(ports.size());
    }

    /** The ports of a range that have pages, or empty when none has. */
    java.util.Optional<PortRange> listed(RangeClass range) {
        return range.ports().intersection(ports);
    }

    /** How many pages the list of a range has; 0 when no port of it has a page. */
    int rangePages(RangeClass range) {
        return listed(range).map(r -> pages(r.size())).orElse(0);
    }

    /** A text that stands alone (an item, a question, an answer) and its cluster of markers. */
    private static Sentence sentence(Messages.Sentences sentences, Text t, Markers markers) {
        return new Sentence(sentences.format(t), markers.after(t));
    }

    /** The home page, with a link to the site in another language or {@link Views.Suggestion#NONE}. */
    byte[] home(Views.Suggestion suggestion) {
        List<PortRow> known = new ArrayList<>();
        for (int p : WELL_KNOWN) {
            known.add(row(p));
        }
        Head head = new Head(frame.t("home.title"), frame.t("home.description"), "/", List.of(), "home", "/");
        String data = frame.t("footer.data", "data", dev.portolan.knowledge.page.PortPages.dataLine(
                registry.snapshot().info(), true));
        return render("home", head, new Views.HomeView(ranges(), known, suggestion, data));
    }

    /** How many pages a list of {@code count} ports has. */
    static int pages(int count) {
        return (count + PER_PAGE - 1) / PER_PAGE;
    }

    /** A page of the index of all ports (that have pages), 1-based. */
    byte[] portIndex(int page) {
        int first = ports.first() + (page - 1) * PER_PAGE;
        int last = Math.min(first + PER_PAGE - 1, ports.last());
        String caption = frame.t("list.caption", "first", Integer.toString(first), "last", Integer.toString(last));
        List<Crumb> crumbs = List.of(new Crumb(frame.t("nav.ports"), "/ports", page == 1));
        Views.ListView view = new Views.ListView(page == 1 ? frame.t("ports.title")
                : frame.t("ports.pageTitle", "first", Integer.toString(first), "last", Integer.toString(last)),
                frame.t("ports.description", "first", Integer.toString(ports.first()), "last",
                        Integer.toString(ports.last())), crumbs,
                ranges(), caption, rows(first, last), pager("/ports", page, indexPages()));
        String path = pagePath("/ports", page);
        Head head = new Head(frame.t("site.pageTitle", "title", view.heading()),
                frame.t("ports.description", "first", Integer.toString(first), "last", Integer.toString(last)), path,
                List.of(), "ports", path);
        return render("list", head, view);
    }

    /**
     * A page of one range's list (of its ports that have pages), 1-based.
     *
     * @throws IllegalArgumentException if no port of the range has a page
     */
    byte[] range(RangeClass range, int page) {
        PortRange listed = listed(range).orElseThrow(() -> new IllegalArgumentException("no port of the "
                + range.id() + " range has a page"));
        int first = listed.first() + (page - 1) * PER_PAGE;
        int last = Math.min(first + PER_PAGE - 1, listed.last());
        RangeView r = rangeView(range);
        String href = "/ranges/" + range.id();
        String heading = frame.t("range.title", "name", r.name(), "first", Integer.toString(range.ports().first()),
                "last", Integer.toString(range.ports().last()));
        String caption = frame.t("list.caption", "first", Integer.toString(first), "last", Integer.toString(last));
        List<Crumb> crumbs = List.of(new Crumb(frame.t("nav.ports"), "/ports", false),
                new Crumb(r.name(), href, true));
        String intro = frame.t("range.description", "name", r.name(), "first", Integer.toString(range.ports().first()),
                "last", Integer.toString(range.ports().last()), "about", r.about());
        Views.ListView view = new Views.ListView(heading, intro, crumbs, List.of(), caption, rows(first, last),
                pager(href, page, pages(listed.size())));
        String path = pagePath(href, page);
        Head head = new Head(frame.t("site.pageTitle", "title", heading), intro, path,
                List.of(JsonLd.breadcrumbs(frame, crumbs)), "ports", path);
        return render("list", head, view);
    }

    private List<RangeView> ranges() {
        List<RangeView> out = new ArrayList<>(3);
        for (RangeClass r : RangeClass.values()) {
            out.add(rangeView(r));
        }
        return out;
    }

    private RangeView rangeView(RangeClass r) {
        return new RangeView(r.id(), frame.t("range." + r.id()), frame.t("range.bounds", "first",
                Integer.toString(r.ports().first()), "last", Integer.toString(r.ports().last())),
                frame.t("range." + r.id() + ".about"), listed(r).isPresent() ? "/ranges/" + r.id() : "");
    }

    private Views.Pager pager(String base, int page, int pages) {
        List<Link> links = new ArrayList<>();
        // the first, the last, and the pages near this one; enough to walk anywhere in a few steps
        int from = Math.max(1, page - 3);
        int to = Math.min(pages, page + 3);
        if (from > 1) {
            links.add(new Link("1", base));
        }
        for (int p = from; p <= to; p++) {
            links.add(new Link(Integer.toString(p), p == page ? "" : pagePath(base, p)));
        }
        if (to < pages) {
            links.add(new Link(Integer.toString(pages), pagePath(base, pages)));
        }
        return new Views.Pager(frame.t("pager.position", "page", page, "pages", pages),
                page > 1 ? pagePath(base, page - 1) : "", page < pages ? pagePath(base, page + 1) : "", links);
    }

    /** The path of page {@code n} of a list: the list's own path for the first, else {@code base/page/n}. */
    static String pagePath(String base, int page) {
        return page == 1 ? base : base + "/page/" + page;
    }

    private List<PortRow> rows(int first, int last) {
        List<PortRow> out = new ArrayList<>(last - first + 1);
        for (int p = first; p <= last; p++) {
            out.add(row(p));
        }
        return out;
    }

    /**
     * A port in a list: what its summary calls it (the name people use, with the registry's name
     * beside it), or its status.
     */
    private PortRow row(int port) {
        dev.portolan.knowledge.PortSummary summary = summaries.of(port);
        dev.portolan.knowledge.Headline h = summary.headline();
        List<String> labels = new ArrayList<>();
        switch (h.kind()) {
            case SERVICES -> h.labels().forEach(l -> labels.add(l.common().isEmpty() ? l.service()
                    : frame.t("list.named", "name", l.common(), "service", l.service())));
            case PROGRAMS -> labels.addAll(h.programs());
            case STATUS -> labels.add(frame.t(summary.reservedOnly() ? "list.reserved" : "list.unassigned"));
        }
        return new PortRow(port, portHref(port), names.format(labels));
    }

    /** The records of a service name. */
    byte[] service(String name, List<Assignment> records) {
        List<EntryRow> rows = new ArrayList<>();
        for (Assignment a : records) {
            rows.add(entry(a.ports(), a));
        }
        String heading = frame.t("service.heading", "name", name);
        List<Crumb> crumbs = List.of(new Crumb(frame.t("nav.ports"), "/ports", false),
                new Crumb(heading, "/services/" + Urls.segment(name), true));
        Head head = new Head(frame.t("site.pageTitle", "title", heading), frame.t("service.description", "name", name),
                "/services/" + Urls.segment(name), List.of(JsonLd.breadcrumbs(frame, crumbs)), "ports",
                "/services/" + Urls.segment(name));
        return render("service", head, new Views.ServiceView(heading, frame.t("service.count", "count",
                records.size()), crumbs, rows));
    }

    private EntryRow entry(@org.jspecify.annotations.Nullable PortRange range, Assignment a) {
        String port = range == null ? frame.t("service.noPort") : range.toString();
        String href = range == null ? "" : portHref(range.first());
        String transport = a.transport() == null ? frame.t("assignments.all") : a.transport().id().toUpperCase(Locale.ROOT);
        String service = a.service() == null ? frame.t("assignments.none") : a.service();
        return new EntryRow(port, href, transport, service, a.description());
    }

    /**
     * The search page: the empty form, results, or the form with an error.
     *
     * @param query the query as given, or empty
     * @param results what was found, or null when nothing was searched
     * @param error a message saying why the query was refused, or empty
     */
    byte[] search(String query, dev.portolan.knowledge.search.@org.jspecify.annotations.Nullable SearchResults results,
            String error) {
        List<Views.HitRow> hits = new ArrayList<>();
        String suggestions = "";
        if (results != null) {
            for (dev.portolan.knowledge.search.SearchHit h : results.hits()) {
                hits.add(hit(h));
            }
            if (!results.suggestions().isEmpty()) {
                suggestions = frame.t("search.suggest", "names", results.suggestions());
            }
        }
        boolean asked = results != null && error.isEmpty();
        Views.SearchView view = new Views.SearchView(query, asked ? frame.t("search.results", "query", query) : "",
                asked ? frame.t("search.count", "count", hits.size()) : "",
                asked && results.more() ? frame.t("search.more", "count", hits.size()) : "", hits, suggestions, error);
        Head head = new Head(frame.t("site.pageTitle", "title", asked ? view.heading() : frame.t("search.title")),
                frame.t("search.heading"), query.isEmpty() ? "/search" : "", List.of(),
                "search", query.isEmpty() ? "/search" : "/search?q=" + Urls.encode(query));
        return render("search", head, view);
    }

    private Views.HitRow hit(dev.portolan.knowledge.search.SearchHit h) {
        dev.portolan.knowledge.search.SearchLabel l = h.label();
        List<String> others = l.unnamedServices();
        String name = "";
        if (!l.names().isEmpty()) {
            String joined = lists.format(l.names());
            name = others.isEmpty() ? joined : frame.t("list.named", "name", joined, "service", String.join(", ", others));
        } else if (!others.isEmpty()) {
            name = String.join(", ", others);
        }
        List<String> transports = new ArrayList<>();
        for (Transport t : Transport.values()) {
            if (h.transports().contains(t)) {
                transports.add(t.id().toUpperCase(Locale.ROOT));
            }
        }
        String tier = h.tier().name().toLowerCase(Locale.ROOT);
        String matched = frame.t("search.match." + tier, "text", h.matched());
        String use = !l.programs().isEmpty()
                ? frame.t("search.usedBy", "programs", l.programs(), "more", l.morePrograms())
                : l.description();
        return new Views.HitRow("/ports/" + h.port(), frame.t("search.port", "port", Integer.toString(h.port())), name,
                String.join(", ", transports), matched, use);
    }

    /** What the site calls a port in lists: the names its summary gives, or its status. */
    String portName(int port) {
        return row(port).services();
    }

    /** The explain page: the form, a paste's report, or the form with the reason a paste was refused. */
    byte[] explain(Views.ExplainView view) {
        String title = frame.t("explain.title");
        Head head = new Head(frame.t("site.pageTitle", "title", title), frame.t("explain.description"),
                view.answers() ? "" : ExplainRoutes.PATH, List.of(), "explain", ExplainRoutes.PATH);
        return render("explain", head, view);
    }

    /** An error page. */
    byte[] error(int status, String message) {
        String reason = frame.has("error." + status) ? frame.t("error." + status) : Integer.toString(status);
        String heading = frame.t("error.title", "status", Integer.toString(status), "reason", reason);
        Head head = new Head(frame.t("site.pageTitle", "title", heading), message, "", List.of(), "error", "/");
        return render("error", head, new Views.ErrorView(heading, message));
    }

    private byte[] render(String template, Head head, Object view) {
        Utf8ByteOutput out = new Utf8ByteOutput(256);
        engine.render(template + ".jte", Map.of("f", frame, "head", head, "v", view), out);
        return out.toByteArray();
    }
}
