package dev.portolan.web;

import dev.portolan.core.RangeClass;
import dev.portolan.knowledge.page.PageDate;
import dev.portolan.knowledge.page.ReleasePages;
import dev.portolan.knowledge.page.Text;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.web.ChangeViews.GroupView;
import dev.portolan.web.ChangeViews.ItemView;
import dev.portolan.web.ChangeViews.KindView;
import dev.portolan.web.Views.Crumb;
import dev.portolan.web.Views.Head;
import dev.portolan.web.Views.Link;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The pages of the registry's releases in one language, through the compiled templates: the list
 * of releases ({@code /registry/changes/}) and what one release changed ({@code
 * /registry/changes/2025-12-15}), its records grouped by kind of change and by range, each port
 * linked to its page. Immutable and safe to share between threads.
 */
final class ChangePages {
    /** The list of releases, in English; other languages under their prefix. */
    static final String INDEX = "/registry/changes/";
    /** The Atom feed of the releases. */
    static final String FEED = "/registry/changes.atom";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            ChangePages.class.getClassLoader(), ChangePages.class.getPackageName());
    private final Frame frame;
    private final Messages messages;
    private final IntPredicate linked;

    /**
     * @param linked whether a port's page exists to link to (a static export of some ports has
     *     only those)
     */
    ChangePages(Frame frame, IntPredicate linked) {
        this.frame = frame;
        this.messages = frame.messages();
        this.linked = linked;
    }

    /** The path of a release's page, in English. */
    static String path(LocalDate release) {
        return INDEX + release;
    }

    /** The paths of every page, in English: the list, then each release, newest first. */
    static List<String> paths(ReleasePages releases) {
        List<String> out = new ArrayList<>();
        out.add(INDEX);
        releases.releases().forEach(d -> out.add(path(d)));
        return out;
    }

    /** A day in this language. */
    String day(LocalDate d) {
        return messages.date(PageDate.of(d));
    }

    /** The list of releases. */
    byte[] index(ReleasePages releases) {
        ReleasePages.Index index = releases.index();
        String heading = messages.format(index.title());
        List<ChangeViews.ReleaseRow> rows = new ArrayList<>();
        for (ReleasePages.Row r : index.rows()) {
            rows.add(new ChangeViews.ReleaseRow(day(r.release()), path(r.release()), messages.format(r.summary())));
        }
        List<Crumb> crumbs = List.of(new Crumb(frame.t("changes.crumb"), INDEX, true));
        String lead = messages.format(index.lead());
        Head head = new Head(frame.t("site.pageTitle", "title", heading), lead, INDEX,
                List.of(JsonLd.breadcrumbs(frame, crumbs)), "registry", INDEX);
        return render("changes", head, new ChangeViews.IndexView(heading, lead, crumbs, rows,
                messages.format(index.first()), FEED));
    }

    /** What one release changed; {@code releases} says which releases around it have pages. */
    byte[] release(ReleasePages releases, ReleasePages.Release r) {
        String heading = messages.format(r.title());
        String path = path(r.release());
        List<Crumb> crumbs = List.of(new Crumb(frame.t("changes.crumb"), INDEX, false),
                new Crumb(day(r.release()), path, true));
        List<KindView> kinds = new ArrayList<>(3);
        kind(kinds, "added", r.added());
        kind(kinds, "removed", r.removed());
        kind(kinds, "changed", r.changed());
        List<Link> contents = new ArrayList<>();
        kinds.forEach(k -> contents.add(new Link(k.heading(), "#" + k.id())));
        List<Link> nearby = new ArrayList<>(3);
        // the oldest release has no page: it is where the comparison starts
        if (releases.releases().contains(r.previous())) {
            nearby.add(new Link(frame.t("changes.previous", "date", day(r.previous())), path(r.previous())));
        }
        if (r.next() != null) {
            nearby.add(new Link(frame.t("changes.next", "date", day(r.next())), path(r.next())));
        }
        nearby.add(new Link(frame.t("changes.all"), INDEX));
        String lead = messages.format(r.lead());
        Head head = new Head(frame.t("site.pageTitle", "title", heading), lead, path,
                List.of(JsonLd.breadcrumbs(frame, crumbs)), "registry", path);
        ChangeViews.ReleaseView view = new ChangeViews.ReleaseView(heading, lead, crumbs,
                r.fields() == null ? "" : messages.format(r.fields()), contents, kinds, nearby, FEED);
        return render("release", head, view);
    }

    /** The records of one kind, grouped by range (service names without a port last); none: no section. */
    private void kind(List<KindView> kinds, String id, List<ReleasePages.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<GroupView> groups = new ArrayList<>();
        for (RangeClass range : RangeClass.values()) {
            List<ReleasePages.Entry> in = entries.stream().filter(e -> e.port() >= 0 && RangeClass.of(e.port()) == range)
                    .toList();
            if (!in.isEmpty()) {
                groups.add(new GroupView(id + "-" + range.id(), frame.t("changes.group", "name",
                        frame.t("range." + range.id()), "count", in.size()), items(in)));
            }
        }
        List<ReleasePages.Entry> portless = entries.stream().filter(e -> e.port() < 0).toList();
        if (!portless.isEmpty()) {
            groups.add(new GroupView(id + "-none", frame.t("changes.group", "name", frame.t("changes.noPort"),
                    "count", portless.size()), items(portless)));
        }
        kinds.add(new KindView(id, frame.t("changes." + id, "count", entries.size()), groups));
    }

    /**
     * The records as lines: records that differ only in their transport (the TCP and UDP records
     * of one service, most often) share a line that names their transports.
     */
    private List<ItemView> items(List<ReleasePages.Entry> entries) {
        Map<ItemView, List<String>> lines = new LinkedHashMap<>();
        for (ReleasePages.Entry e : entries) {
            ItemView item = item(e);
            lines.computeIfAbsent(new ItemView(item.port(), item.href(), "", item.service(), item.description(),
                    item.changes()), k -> new ArrayList<>()).add(item.transport());
        }
        List<ItemView> out = new ArrayList<>(lines.size());
        lines.forEach((item, transports) -> out.add(new ItemView(item.port(), item.href(),
                transports.contains("") ? "" : String.join(", ", transports), item.service(), item.description(),
                item.changes())));
        return out;
    }

    private ItemView item(ReleasePages.Entry e) {
        String port = e.port() < 0 ? frame.t("service.noPort") : frame.t("changes.ports", "ports", e.ports(), "single",
                e.ports().indexOf('-') < 0 ? "yes" : "no");
        String href = e.port() >= 0 && linked.test(e.port()) ? "/ports/" + e.port() : "";
        List<String> changes = new ArrayList<>(e.changes().size());
        for (Text t : e.changes()) {
            changes.add(messages.format(t));
        }
        return new ItemView(port, href, e.transport().toUpperCase(Locale.ROOT), e.service(), e.description(), changes);
    }

    private byte[] render(String template, Head head, Object view) {
        Utf8ByteOutput out = new Utf8ByteOutput(256);
        engine.render(template + ".jte", Map.of("f", frame, "head", head, "v", view), out);
        return out.toByteArray();
    }
}
