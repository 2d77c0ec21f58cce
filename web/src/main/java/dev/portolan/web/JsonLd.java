package dev.portolan.web;

import dev.portolan.web.Views.Crumb;
import java.util.List;

/**
 * schema.org structured data for search engines, as JSON-LD. The JSON escapes {@code <} and
 * friends (see {@link Json}), so it is safe inside {@code <script type="application/ld+json">};
 * browsers do not run such data blocks, so the Content-Security-Policy needs no allowance.
 */
final class JsonLd {
    private static final String CONTEXT = "https://schema.org";

    private JsonLd() {}

    /** A BreadcrumbList of the trail, with absolute addresses. */
    static String breadcrumbs(Frame frame, List<Crumb> crumbs) {
        return Json.string(g -> {
            g.writeStartObject();
            g.writeStringField("@context", CONTEXT);
            g.writeStringField("@type", "BreadcrumbList");
            g.writeArrayFieldStart("itemListElement");
            int position = 1;
            for (Crumb c : crumbs) {
                g.writeStartObject();
                g.writeStringField("@type", "ListItem");
                g.writeNumberField("position", position++);
                g.writeStringField("name", c.label());
                g.writeStringField("item", frame.absolute(c.href()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** A FAQPage of the questions and answers, as plain text. */
    static String faq(List<Views.Qa> faq) {
        return Json.string(g -> {
            g.writeStartObject();
            g.writeStringField("@context", CONTEXT);
            g.writeStringField("@type", "FAQPage");
            g.writeArrayFieldStart("mainEntity");
            for (Views.Qa q : faq) {
                g.writeStartObject();
                g.writeStringField("@type", "Question");
                g.writeStringField("name", q.question().text());
                g.writeObjectFieldStart("acceptedAnswer");
                g.writeStringField("@type", "Answer");
                g.writeStringField("text", q.answer().text());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
