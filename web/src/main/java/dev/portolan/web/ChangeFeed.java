package dev.portolan.web;

import dev.portolan.knowledge.page.ReleasePages;
import dev.portolan.knowledge.text.Messages;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The Atom 1.0 feed of the registry's releases (RFC 4287) in one language: one entry a release
 * after the oldest, newest first, each with its title, the counts of what it changed as the
 * summary, and a link to its page. Identifiers are the pages' absolute addresses; a release's
 * {@code updated} is its day, midnight UTC, so the same releases give the same bytes.
 */
final class ChangeFeed {
    static final String CONTENT_TYPE = "application/atom+xml;charset=utf-8";

    private ChangeFeed() {}

    /** The feed in the language of {@code frame}. */
    static byte[] of(Frame frame, ReleasePages releases) {
        Messages messages = frame.messages();
        ReleasePages.Index index = releases.index();
        StringBuilder s = new StringBuilder(4096);
        s.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        s.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(escape(frame.lang())).append("\">\n");
        s.append("<id>").append(escape(frame.absolute(ChangePages.INDEX))).append("</id>\n");
        s.append("<title>").append(escape(messages.format(index.title()))).append("</title>\n");
        s.append("<subtitle>").append(escape(messages.format(index.lead()))).append("</subtitle>\n");
        LocalDate newest = index.rows().isEmpty() ? index.oldest() : index.rows().get(0).release();
        s.append("<updated>").append(instant(newest)).append("</updated>\n");
        s.append("<link rel=\"self\" type=\"application/atom+xml\" href=\"")
                .append(escape(frame.absolute(ChangePages.FEED))).append("\"/>\n");
        s.append("<link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(escape(frame.absolute(ChangePages.INDEX))).append("\"/>\n");
        s.append("<author><name>").append(escape(frame.t("site.name"))).append("</name></author>\n");
        for (ReleasePages.Row r : index.rows()) {
            ReleasePages.Release page = releases.page(r.release()).orElseThrow();
            String href = frame.absolute(ChangePages.path(r.release()));
            s.append("<entry>\n");
            s.append("<id>").append(escape(href)).append("</id>\n");
            s.append("<title>").append(escape(messages.format(page.title()))).append("</title>\n");
            s.append("<updated>").append(instant(r.release())).append("</updated>\n");
            s.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(href)).append("\"/>\n");
            s.append("<summary>").append(escape(messages.format(page.lead()))).append("</summary>\n");
            s.append("</entry>\n");
        }
        s.append("</feed>\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A day as an RFC 3339 date-time: its midnight, UTC. */
    private static String instant(LocalDate day) {
        return day + "T00:00:00Z";
    }

    /** Text for element content and attribute values: the five characters XML reserves, escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
