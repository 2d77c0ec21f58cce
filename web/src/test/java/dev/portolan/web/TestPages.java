package dev.portolan.web;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Assignment;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.baseline.EmbeddedHistory;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.knowledge.Citation;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.Block;
import dev.portolan.knowledge.page.PageDate;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.PortPages;
import dev.portolan.knowledge.page.Section;
import dev.portolan.knowledge.page.Text;
import dev.portolan.knowledge.text.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Port pages built by hand from the registry, with sentences of a test bundle. */
final class TestPages implements PageSource {
    /** A FAQ answer that tries to end the JSON-LD script element. */
    static final String HOSTILE = "</script><script>alert(1)</script> & 'quotes' <b>";
    static final int HOSTILE_PORT = 7;

    private static volatile Registry registry;

    static Registry registry() {
        Registry r = registry;
        if (r == null) {
            r = Registry.of(Baseline.load());
            registry = r;
        }
        return r;
    }

    /** The registry's releases embedded in the program; the registry above is the last of them. */
    static ChangeLog history() {
        return EmbeddedHistory.load();
    }

    /** A page that fails to compose, to see that no detail of the failure reaches the client. */
    static final int FAILING_PORT = 13;
    static final String FAILURE_DETAIL = "secret-detail-of-the-failure";

    private static volatile PortPages composer;

    /**
     * The real composer, except that port {@value #HOSTILE_PORT} gets one more FAQ entry whose
     * answer tries to break out of HTML and JSON-LD, and port {@value #FAILING_PORT} fails.
     */
    /** What the real composer knows of each port, over the same registry and knowledge. */
    static dev.portolan.knowledge.PortSummaries summaries() {
        real();
        return composer.summaries();
    }

    static PageSource real() {
        PortPages c = composer;
        if (c == null) {
            c = new PortPages(registry(), Knowledge.embedded(), history());
            composer = c;
        }
        PortPages pages = c;
        return port -> {
            if (port == FAILING_PORT) {
                throw new IllegalStateException(FAILURE_DETAIL);
            }
            PortPage page = pages.page(port);
            if (port != HOSTILE_PORT) {
                return page;
            }
            List<PortPage.Faq> faq = new ArrayList<>(page.faq());
            faq.add(new PortPage.Faq(Text.of("test.faq.question", "port", HOSTILE),
                    Text.of("test.faq.answer", "what", HOSTILE)));
            return new PortPage(page.port(), page.range(), page.title(), page.subtitle(), page.summary(),
                    page.breadcrumbs(), page.sections(), faq, page.related(), page.previous(), page.next(),
                    page.footnotes(), page.data(), page.known(), page.timeline());
        };
    }

    /** The site's bundles and the test sentences (English only: other languages fall back to them). */
    static final List<String> BUNDLES = List.of(Messages.PAGES, WebServer.SITE_BUNDLE, "webtest/page");

    static Messages messages() {
        return Messages.of(ULocale.ENGLISH, BUNDLES);
    }

    private final Registry reg;
    private static final dev.portolan.knowledge.Knowledge NO_KNOWLEDGE = noKnowledge();

    private static dev.portolan.knowledge.Knowledge noKnowledge() {
        try {
            return dev.portolan.knowledge.Knowledge.read(java.util.Map.of());
        } catch (dev.portolan.knowledge.KnowledgeFormatException e) {
            throw new AssertionError(e);
        }
    }

    TestPages(Registry reg) {
        this.reg = reg;
    }

    @Override
    public PortPage page(int port) {
        String p = Integer.toString(port);
        String range = RangeClass.of(port).id();
        List<Assignment> records = new ArrayList<>();
        for (Transport t : List.of(Transport.TCP, Transport.UDP)) {
            records.addAll(reg.ports().resolve(port, t));
        }
        String service = records.stream().map(Assignment::service).filter(s -> s != null).findFirst().orElse("nothing");
        List<Block.AssignmentRow> rows = new ArrayList<>();
        for (Assignment a : records) {
            rows.add(new Block.AssignmentRow(a.service() == null ? "" : a.service(),
                    a.transport() == null ? "" : a.transport().id(), a.ports() == null ? "" : a.ports().toString(),
                    a.status().name().toLowerCase(java.util.Locale.ROOT), a.description(), List.of("Jon Postel"),
                    List.of(), new PageDate(1972, 5, 0), null,
                    List.of(new Block.Link("RFC 6335", "https://www.rfc-editor.org/rfc/rfc6335")), a.notes(),
                    a.unauthorized()));
        }
        List<Section> sections = List.of(
                new Section(Section.Id.OVERVIEW, List.of(
                        new Block.Paragraph(List.of(Text.of("test.overview", "port", p, "range", range).citing("rfc6335"),
                                Text.of("test.registry", "count", records.size()).citing("rfc6335", "iana"))),
                        new Block.Points(List.of(Text.of("test.point", "date", new PageDate(1972, 5, 30)))))),
                new Section(Section.Id.ASSIGNMENTS, List.of(new Block.Assignments(rows))),
                new Section(Section.Id.CHECK, List.of(new Block.Commands(List.of(
                        new Block.Command("linux", "tcp", "ss -ltnp 'sport = :" + p + "'", List.of("ss")),
                        new Block.Command("windows", "", "Get-NetTCPConnection -LocalPort " + p, List.of()))))));
        String what = port == HOSTILE_PORT ? HOSTILE : service;
        List<PortPage.Faq> faq = List.of(new PortPage.Faq(Text.of("test.faq.question", "port", p),
                Text.of("test.faq.answer", "what", what).citing("iana")));
        List<PortPage.Related> related = port < 65_535
                ? List.of(new PortPage.Related(port + 1, Text.of("test.related"))) : List.of();
        List<PortPage.Footnote> notes = List.of(
                new PortPage.Footnote(1, new Citation("rfc6335", "RFC 6335: port number procedures", "IETF",
                        "https://www.rfc-editor.org/rfc/rfc6335", false)),
                new PortPage.Footnote(2, new Citation("iana", "Service Name and Transport Protocol Port Number Registry",
                        "IANA", "https://www.iana.org/assignments/service-names-port-numbers/", false)),
                new PortPage.Footnote(3, new Citation("ss", "ss(8) manual", "Linux man-pages",
                        "https://man7.org/linux/man-pages/man8/ss.8.html", false)));
        return new PortPage(port, range, Text.of("test.title", "port", p), Text.of("test.subtitle", "service", service,
                "port", p), Text.of("test.summary", "port", p),
                List.of(new PortPage.Crumb(Text.of("test.crumb.ports"), "/ports"),
                        new PortPage.Crumb(Text.of("test.crumb.port", "port", p), "/ports/" + p)),
                sections, faq, related, port > 0 ? OptionalInt.of(port - 1) : OptionalInt.empty(),
                port < 65_535 ? OptionalInt.of(port + 1) : OptionalInt.empty(), notes, Text.of("test.data"),
                dev.portolan.knowledge.PortSummary.of(port, reg, NO_KNOWLEDGE));
    }
}
