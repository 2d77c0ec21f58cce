package dev.portolan.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The internal links of the files of a static export, and whether each leads to a file the
 * export holds, the way {@code deploy/nginx.conf} finds files: {@code /ports/60} is {@code
 * ports/60.html}, {@code /api/v1/ports/60} is {@code api/v1/ports/60.json}, {@code /es/} is {@code
 * es/index.html}, assets and XML files by their own names.
 *
 * <p>Links are read from HTML ({@code href} and {@code src} of every element, the {@code action}
 * of forms that GET, the addresses in JSON-LD), JSON (the fields {@code url}, {@code path}, {@code
 * href}, {@code item}, and any string that starts with the base URL), XML and Atom ({@code <loc>},
 * {@code href="..."}) and robots.txt ({@code Sitemap:}). A link is internal when it starts with
 * {@code /} (not {@code //}) or with the base URL; a fragment of the same page ({@code #note-1})
 * and other sites are not checked. Forms that POST go to the program, not to a file.
 */
final class ExportLinks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOC = Pattern.compile("<loc>([^<]*)</loc>");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Set<String> JSON_LINKS = Set.of("url", "path", "href", "item");

    private ExportLinks() {}

    /** One link: the file it is in, and the address it names. */
    record Link(String file, String target) {
        @Override
        public String toString() {
            return file + " -> " + target;
        }
    }

    /** The internal links of every file (gzip forms and the manifest left out). */
    static List<Link> internal(Map<String, byte[]> files, String base) {
        List<Link> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String name = f.getKey();
            if (name.endsWith(".gz") || name.equals(StaticExport.MANIFEST)) {
                continue;
            }
            for (String target : addresses(name, new String(f.getValue(), StandardCharsets.UTF_8), base)) {
                String path = sitePath(target, base);
                if (path != null) {
                    out.add(new Link(name, path));
                }
            }
        }
        return out;
    }

    /** The links that lead to no file of {@code files}. */
    static List<Link> dangling(List<Link> links, Set<String> files) {
        return links.stream().filter(l -> !resolves(l.target(), files)).toList();
    }

    /** Whether a site path ({@code /ports/60}, {@code /services/whois%2B%2B}) names one of the files. */
    static boolean resolves(String path, Set<String> files) {
        String p = decode(path.replaceAll("[?#].*", "")).substring(1);
        if (p.isEmpty() || p.endsWith("/")) {
            return files.contains(p + "index.html");
        }
        return files.contains(p) || files.contains(p + ".html") || files.contains(p + ".json");
    }

    /** A path with its percent escapes decoded, as a web server finds the file ({@code +} stays {@code +}). */
    private static String decode(String path) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                out.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The path on the site of an address, or null when it is not internal. A relative address
     * other than a fragment is returned as it is, so that the check reports it: the site uses
     * none.
     */
    private static String sitePath(String target, String base) {
        if (target.startsWith(base + "/")) {
            return target.substring(base.length());
        }
        if (target.equals(base)) {
            return "/";
        }
        if (target.startsWith("//") || target.startsWith("#") || target.isEmpty()) {
            return null;
        }
        if (target.startsWith("/")) {
            return target;
        }
        String scheme = target.toLowerCase(Locale.ROOT);
        if (scheme.startsWith("http:") || scheme.startsWith("https:") || scheme.startsWith("mailto:")
                || scheme.startsWith("data:")) {
            return null;
        }
        return "/?relative:" + target;
    }

    /** Every address a file names, internal or not. */
    static List<String> addresses(String name, String text, String base) {
        List<String> out = new ArrayList<>();
        if (name.endsWith(".html")) {
            Document d = Jsoup.parse(text);
            for (Element e : d.select("[href]")) {
                out.add(e.attr("href"));
            }
            for (Element e : d.select("[src]")) {
                out.add(e.attr("src"));
            }
            for (Element form : d.select("form[action]")) {
                if (!form.attr("method").equalsIgnoreCase("post")) {
                    out.add(form.attr("action"));
                }
            }
            for (Element ld : d.select("script[type=application/ld+json]")) {
                json(ld.data(), base, out);
            }
        } else if (name.endsWith(".json")) {
            json(text, base, out);
        } else if (name.endsWith(".xml") || name.endsWith(".atom")) {
            for (Pattern p : List.of(LOC, HREF)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    out.add(m.group(1).replace("&amp;", "&"));
                }
            }
        } else if (name.endsWith("robots.txt")) {
            text.lines().filter(l -> l.startsWith("Sitemap: ")).forEach(l -> out.add(l.substring(9).strip()));
        }
        return out;
    }

    private static void json(String text, String base, List<String> out) {
        try {
            walk(JSON.readTree(text), null, base, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void walk(JsonNode node, String field, String base, List<String> out) {
        if (node.isTextual()) {
            String v = node.asText();
            if (field != null && JSON_LINKS.contains(field) || v.startsWith(base + "/") || v.equals(base)) {
                out.add(v);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(e.getValue(), e.getKey(), base, out);
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, field, base, out));
        }
    }
}
