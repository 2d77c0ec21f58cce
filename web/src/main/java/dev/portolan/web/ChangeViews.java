package dev.portolan.web;

import dev.portolan.web.Views.Crumb;
import dev.portolan.web.Views.Link;
import java.util.List;

/**
 * What the pages of the registry's releases show, already in one language (see {@link Views}):
 * the list of releases and the page of one release.
 */
final class ChangeViews {
    private ChangeViews() {}

    /**
     * The list of releases.
     *
     * @param first the oldest release and how many records it lists
     * @param feed the Atom feed's address in this language
     */
    record IndexView(String heading, String lead, List<Crumb> crumbs, List<ReleaseRow> rows, String first,
            String feed) {
        IndexView {
            crumbs = List.copyOf(crumbs);
            rows = List.copyOf(rows);
        }
    }

    /** A release in the list: its day, its page, what it changed. */
    record ReleaseRow(String day, String href, String summary) {}

    /**
     * What one release changed.
     *
     * @param fields in which fields the changed records differ, or empty
     * @param contents links to the kinds of change on the page
     * @param kinds the records added, removed and changed (kinds without records are left out)
     * @param nearby the releases before and after, and the list of all
     * @param feed the Atom feed's address in this language
     */
    record ReleaseView(String heading, String lead, List<Crumb> crumbs, String fields, List<Link> contents,
            List<KindView> kinds, List<Link> nearby, String feed) {
        ReleaseView {
            crumbs = List.copyOf(crumbs);
            contents = List.copyOf(contents);
            kinds = List.copyOf(kinds);
            nearby = List.copyOf(nearby);
        }
    }

    /** The records of one kind of change ({@code added}, {@code removed}, {@code changed}), by range. */
    record KindView(String id, String heading, List<GroupView> groups) {
        KindView {
            groups = List.copyOf(groups);
        }
    }

    /** The records of one range ({@code added-system}). */
    record GroupView(String id, String heading, List<ItemView> items) {
        GroupView {
            items = List.copyOf(items);
        }
    }

    /**
     * One record.
     *
     * @param port "Port 300" or "Ports 6000-6063", or the words for a record without one
     * @param href the port's page, or empty where the site has none to link to
     * @param transport "TCP", or empty for a record on every transport
     * @param service the service name, or empty
     * @param description the registry's description
     * @param changes what changed, one sentence a field; empty for an added or removed record
     */
    record ItemView(String port, String href, String transport, String service, String description,
            List<String> changes) {
        ItemView {
            changes = List.copyOf(changes);
        }
    }
}
