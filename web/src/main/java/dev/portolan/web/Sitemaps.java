package dev.portolan.web;

import dev.portolan.core.Assignment;
import dev.portolan.core.PortRange;
import dev.portolan.core.RangeClass;
import dev.portolan.core.RegistrySnapshot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The sitemap: an index at {@code /sitemap.xml} pointing to parts under {@code /sitemaps/}, three
 * a language, each under the protocol's limit of 50,000 addresses: {@code en-pages.xml} (home,
 * lists, ranges, services, the registry's releases) and {@code en-ports-0.xml}, {@code
 * en-ports-1.xml} with {@value #PORTS_PER_PART} ports each. The alternates of a page in other
 * languages are in its head.
 */
final class Sitemaps {
    static final int PORTS_PER_PART = 32_768;
    static final int PORT_PARTS = (PortRange.MAX_PORT + 1) / PORTS_PER_PART;
    static final String CONTENT_TYPE = "application/xml;charset=utf-8";
    private static final String URLSET = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";

    private final String base;
    private final List<Frame.Language> languages;
    private final PortRange ports;
    private final java.util.SortedSet<String> services;
    private final List<String> more;

    /**
     * The sitemap of the whole site: every port, every service name of the registry.
     *
     * @param more other pages for the pages part, by their paths in English (the registry's releases)
     */
    Sitemaps(String base, RegistrySnapshot snapshot, List<Frame.Language> languages, List<String> more) {
        this(base, languages, PortRange.ALL, serviceNames(snapshot), more);
    }

    /**
     * A sitemap listing only the pages a static export of some ports wrote: the port pages of
     * {@code ports}, the pages of the lists that hold them, the given service pages.
     *
     * @param services the service names whose pages exist
     * @param more other pages for the pages part, by their paths in English (the registry's releases)
     */
    Sitemaps(String base, List<Frame.Language> languages, PortRange ports, java.util.SortedSet<String> services,
            List<String> more) {
        this.base = base;
        this.languages = List.copyOf(languages);
        this.ports = ports;
        this.services = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(services));
        this.more = List.copyOf(more);
    }

    /** The file name of a language's part with the pages other than ports. */
    static String pagesPart(Frame.Language language) {
        return language.code() + "-pages.xml";
    }

    /** The file name of a language's part {@code n} of the port pages. */
    static String portsPart(Frame.Language language, int n) {
        return language.code() + "-ports-" + n + ".xml";
    }

    /** The numbers of the parts of port pages that hold a port of {@code ports}, in order. */
    static List<Integer> portParts(PortRange ports) {
        List<Integer> parts = new java.util.ArrayList<>(PORT_PARTS);
        for (int i = 0; i < PORT_PARTS; i++) {
            if (new PortRange(i * PORTS_PER_PART, (i + 1) * PORTS_PER_PART - 1).intersection(ports).isPresent()) {
                parts.add(i);
            }
        }
        return parts;
    }

    /** The index of the parts: the pages part of each language and its parts that hold port pages. */
    byte[] index() {
        StringBuilder s = header(256 * languages.size());
        s.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        List<Integer> parts = portParts(ports);
        for (Frame.Language l : languages) {
            sitemap(s, "/sitemaps/" + pagesPart(l));
            for (int i : parts) {
                sitemap(s, "/sitemaps/" + portsPart(l, i));
            }
        }
        s.append("</sitemapindex>\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void sitemap(StringBuilder s, String path) {
        s.append("<sitemap><loc>").append(escape(base + path)).append("</loc></sitemap>\n");
    }

    /** Part {@code n} of the port pages of a language. */
    byte[] ports(Frame.Language language, int part) {
        StringBuilder s = header(PORTS_PER_PART * 64);
        s.append(URLSET);
        int first = part * PORTS_PER_PART;
        for (int p = Math.max(first, ports.first()); p < first + PORTS_PER_PART && p <= ports.last(); p++) {
            url(s, language, "/ports/" + p);
        }
        s.append("</urlset>\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every service name of a registry, lower case, sorted: the names of the service pages. */
    static TreeSet<String> serviceNames(RegistrySnapshot snapshot) {
        TreeSet<String> services = new TreeSet<>();
        for (Assignment a : snapshot.assignments()) {
            if (a.service() != null) {
                services.add(a.service().toLowerCase(Locale.ROOT));
            }
        }
        return services;
    }

    /**
     * The other pages: home, the port index, the ranges that hold a port page, the service names,
     * and the pages given.
     */
    byte[] pages(Frame.Language l) {
        StringBuilder s = header(services.size() * 80 + 4096);
        s.append(URLSET);
        url(s, l, "/");
        url(s, l, "/ports");
        for (int page = 2; page <= HtmlPages.pages(ports.size()); page++) {
            url(s, l, HtmlPages.pagePath("/ports", page));
        }
        for (RangeClass r : RangeClass.values()) {
            if (r.ports().intersection(ports).isPresent()) {
                url(s, l, "/ranges/" + r.id());
            }
        }
        url(s, l, ExplainRoutes.PATH);
        for (String name : services) {
            url(s, l, "/services/" + Urls.segment(name));
        }
        for (String path : more) {
            url(s, l, path);
        }
        s.append("</urlset>\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void url(StringBuilder s, Frame.Language language, String path) {
        s.append("<url><loc>").append(escape(base + Frame.hrefIn(language, path))).append("</loc></url>\n");
    }

    private static StringBuilder header(int capacity) {
        return new StringBuilder(capacity).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    private static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (rep != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (rep != null) {
                    out.append(rep);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** robots.txt: everything may be crawled except search results; the sitemap's address. */
    byte[] robots() {
        StringBuilder s = new StringBuilder("User-agent: *\n");
        for (Frame.Language l : languages) {
            s.append("Disallow: ").append(Frame.hrefIn(l, "/search")).append('\n');
        }
        s.append("Disallow: /api/\nAllow: /\n\nSitemap: ").append(base).append("/sitemap.xml\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
