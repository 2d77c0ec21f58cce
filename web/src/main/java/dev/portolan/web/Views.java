package dev.portolan.web;

import java.util.List;

/**
 * What the templates show, already in one language: every string here is formatted, so templates
 * only place and escape it. Absent values are empty strings, empty lists or -1, never null.
 */
final class Views {
    private Views() {}

    /**
     * What the page's head says and where the page sits in the site.
     *
     * @param canonicalPath the page's path in English, or empty for pages search engines should not
     *     index (errors, search results); in every language it is this path under the language's prefix
     * @param path the page's path in English with its query, for the links to it in other languages
     */
    record Head(String title, String description, String canonicalPath, List<String> jsonLd, String section,
            String path) {
        Head {
            jsonLd = List.copyOf(jsonLd);
        }
    }

    /**
     * A link to the site in the visitor's preferred language, written in that language.
     *
     * @param lang the BCP 47 tag of the text, for its {@code lang} attribute
     * @param dir the direction of the text
     */
    record Suggestion(String lang, String dir, String text, String href) {
        /** No suggestion. */
        static final Suggestion NONE = new Suggestion("", "", "", "");
    }

    /**
     * A sentence and the cluster of footnote markers after it: ascending numbers, each once; empty
     * when the next sentence of its paragraph rests on the same sources and cites them.
     */
    record Sentence(String text, List<Integer> notes) {
        Sentence {
            notes = List.copyOf(notes);
        }
    }

    /** A link. */
    record Link(String label, String href) {}

    /** A step of the breadcrumb trail; the last one is the page itself. */
    record Crumb(String label, String href, boolean current) {}

    /** The port page. */
    record PortView(int port, String title, String subtitle, List<Crumb> crumbs, List<SectionView> sections,
            List<Qa> faq, List<RelatedView> related, List<Link> nearby, List<Note> notes, String data) {}

    /** A section with its heading. */
    record SectionView(String id, String heading, List<BlockView> blocks) {}

    /** A block of a section. */
    sealed interface BlockView permits Paragraph, Points, Commands, Table, SystemsTable {}

    /** Sentences of one paragraph. */
    record Paragraph(List<Sentence> sentences) implements BlockView {}

    /** A bulleted list. */
    record Points(List<Sentence> items) implements BlockView {}

    /** Commands to type. */
    record Commands(List<CommandView> commands) implements BlockView {}

    /** One command: where it runs, the exact line, the cluster of markers of its sources. */
    record CommandView(String label, String line, List<Integer> notes) {}

    /** What each operating system does with the port. */
    record SystemsTable(String caption, String system, String listen, String ephemeral, String sources,
            List<SystemRowView> rows) implements BlockView {}

    /** One system: its name, who may listen, its ephemeral ranges, the markers of its sources. */
    record SystemRowView(String system, List<String> listen, List<String> ephemeral, List<Integer> notes) {}

    /** The registry's records. */
    record Table(String caption, List<Row> rows) implements BlockView {}

    /** One registry record, formatted. */
    record Row(String service, String transport, String ports, String status, String description, String assignees,
            String contacts, String registered, String modified, List<Link> references, List<String> notes,
            List<String> unauthorized) {}

    /** A question and its answer. */
    record Qa(Sentence question, Sentence answer) {}

    /** A related port and why it is related. */
    record RelatedView(String label, String href, Sentence reason) {}

    /** A footnote: its number, what it is about when it lists a group (else empty), its sources. */
    record Note(int number, String label, List<Source> sources) {}

    /** One source of a footnote; {@code secondary} is the words that mark a secondary source, or empty. */
    record Source(String title, String publisher, String url, String secondary) {}

    /** One port in a list, with what the registry lists for it. */
    record PortRow(int port, String href, String services) {}

    /** One of the three ranges. */
    record RangeView(String id, String name, String bounds, String about, String href) {}

    /** Links between pages of a long list. */
    record Pager(String position, String previousHref, String nextHref, List<Link> pages) {}

    /** The home page. */
    record HomeView(List<RangeView> ranges, List<PortRow> wellKnown, Suggestion suggestion, String data) {}

    /** A page of the port index or of a range. */
    record ListView(String heading, String intro, List<Crumb> crumbs, List<RangeView> ranges, String caption,
            List<PortRow> rows, Pager pager) {}

    /** One registry entry of a service page. */
    record EntryRow(String port, String href, String transport, String service, String description) {}

    /**
     * One port a search found.
     *
     * @param href the port's page
     * @param port "Port 3389"
     * @param name what the port is called ("RDP (ms-wbt-server)"), or empty
     * @param transports "TCP, UDP", or empty
     * @param matched what matched ("Found by the name people use, “RDP”.")
     * @param use who uses the port, or the registry's description, or empty
     */
    record HitRow(String href, String port, String name, String transports, String matched, String use) {}

    /** The search page: the form, and results when a query was given. */
    record SearchView(String query, String heading, String count, String more, List<HitRow> hits, String suggestions,
            String error) {}

    /** A service's records. */
    record ServiceView(String heading, String count, List<Crumb> crumbs, List<EntryRow> rows) {}

    /** An error page. */
    record ErrorView(String heading, String message) {}

    /**
     * The explain page: its form, and what a paste held once one was sent.
     *
     * @param form whether the page takes a paste; a static export, which cannot answer a POST,
     *     shows a note instead of the form
     * @param text the pasted text, shown in the form again, or empty
     * @param error why the paste was refused, or empty
     * @param capture what the paste held, or {@link Capture#NONE}
     */
    record ExplainView(boolean form, String text, String error, Capture capture) {
        /** The empty form. */
        static final ExplainView FORM = new ExplainView(true, "", "", Capture.NONE);
        /** The page of a static export: what it reads, without the form. */
        static final ExplainView STATIC = new ExplainView(false, "", "", Capture.NONE);

        /** Whether this answers a paste (it is then no page for search engines). */
        boolean answers() {
            return !text.isEmpty() || !error.isEmpty();
        }
    }

    /**
     * What a paste held.
     *
     * @param summary the format found and the number of sockets, or empty for no paste
     * @param sockets the sockets, in the order of the paste
     * @param peers whether a socket has a peer (else the table has no column for it)
     * @param processNote why some sockets name no process, or empty when all do
     * @param unreadCount how many lines were not read, or empty when all were
     * @param unread the first of those lines
     * @param unreadMore how many more lines were not read than are listed, or empty
     */
    record Capture(String summary, List<SocketRow> sockets, boolean peers, String processNote, String unreadCount,
            List<UnreadRow> unread, String unreadMore) {
        /** No paste. */
        static final Capture NONE = new Capture("", List.of(), false, "", "", List.of(), "");

        Capture {
            sockets = List.copyOf(sockets);
            unread = List.copyOf(unread);
        }
    }

    /**
     * One socket of a paste.
     *
     * @param port the local port ("22")
     * @param href the port's page
     * @param name what the site calls the port ("ssh", "RDP (ms-wbt-server)", "unassigned")
     * @param protocol "TCP" or "UDP"
     * @param address the local address as the system wrote it ("0.0.0.0", "::1")
     * @param addressNote who can reach that address ("every address of the machine"), or empty
     * @param state the state, in words
     * @param remote the peer's address and a colon ("10.0.0.9:", "[::1]:"), or empty for a listener
     * @param remotePort the peer's port, or empty
     * @param remoteHref the page of the peer's port, or empty
     * @param remoteName what the site calls the peer's port, or empty
     * @param process the processes that hold the socket, or why none is named
     */
    record SocketRow(String port, String href, String name, String protocol, String address, String addressNote,
            String state, String remote, String remotePort, String remoteHref, String remoteName, String process) {}

    /**
     * A line of a paste that is no socket.
     *
     * @param line its number, from 1
     * @param text the line, control characters shown as {@code ?}
     * @param why the reason, in the page's language
     * @param detail the reader's own words in English where the page has no sentence of its own, or empty
     */
    record UnreadRow(String line, String text, String why, String detail) {}
}
