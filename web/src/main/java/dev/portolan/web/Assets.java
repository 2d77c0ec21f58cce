package dev.portolan.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The site's own static files, served under {@code /assets/} with a fingerprint of their content
 * in the name ({@code site.3f2a19c04b1e.css}), so they can be cached for a year: a changed file
 * gets a new name.
 */
final class Assets {
    /** Fingerprinted assets never change under their name. */
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final Map<String, Rendered> byPath = new HashMap<>();
    private final String css;
    private final String js;
    private final String icon;

    Assets() {
        css = add("site", "css", "text/css;charset=utf-8");
        js = add("site", "js", "text/javascript;charset=utf-8");
        icon = add("icon", "svg", "image/svg+xml;charset=utf-8");
    }

    private String add(String name, String extension, String contentType) {
        byte[] bytes = read("web/assets/" + name + "." + extension);
        Rendered r = Rendered.of(bytes, contentType, CACHE_CONTROL);
        String path = "/assets/" + name + "." + r.fingerprint() + "." + extension;
        byPath.put(path, r);
        return path;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The asset at a path, if there is one. */
    @Nullable Rendered get(String path) {
        return byPath.get(path);
    }

    /** Every asset by its path, for a static export. */
    Map<String, Rendered> all() {
        return Map.copyOf(byPath);
    }

    String cssPath() {
        return css;
    }

    String jsPath() {
        return js;
    }

    String iconPath() {
        return icon;
    }
}
