package dev.portolan.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The origin check of state-changing requests: whether one comes from this site's pages (or
 * from no browser at all), judged by {@code Origin} and {@code Sec-Fetch-Site} against the
 * site's own address, never the {@code Host} header.
 */
final class OriginCheck {
    private final WebSettings settings;
    private final Supplier<String> publicUrl;

    OriginCheck(WebSettings settings, Supplier<String> publicUrl) {
        this.settings = settings;
        this.publicUrl = publicUrl;
    }

    /**
     * Whether a state-changing request comes from this site or from no browser at all. An {@code
     * Origin} header must name the site's public address ({@code --public-url}); without one, an
     * address of this machine on the server's port ({@code http://localhost:8080}). The {@code
     * Host} header is not trusted for this: a page on another name that resolves to this server
     * (DNS rebinding) sends its own name as the host. A browser's {@code Sec-Fetch-Site:
     * cross-site} is refused too; a request without {@code Origin} (no browser, or a same-origin
     * form of an old browser) goes on.
     */
    boolean sameOrigin(Context ctx) {
        String fetchSite = ctx.req().getHeader("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.equalsIgnoreCase("cross-site")) {
            return false;
        }
        String origin = ctx.req().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String authority = authority(origin);
        if (authority == null) {
            return false;
        }
        String own = authority(publicUrl.get());
        if (own != null && own.equalsIgnoreCase(authority)) {
            return true;
        }
        if (!settings.publicUrl().isEmpty()) {
            return false;
        }
        // No public address configured: this machine's own names for itself, on the server's port.
        int colon = authority.lastIndexOf(':');
        String host = authority.substring(0, colon);
        String port = authority.substring(colon + 1);
        String ownPort = own == null ? "" : own.substring(own.lastIndexOf(':') + 1);
        return port.equals(ownPort) && (host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1")
                || host.equals("[::1]") || host.equals(settings.bind()));
    }

    /** {@code host:port} of an origin, with the scheme's default port filled in; null if not one. */
    private static @Nullable String authority(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getHost() + ":" + (uri.getPort() >= 0 ? uri.getPort()
                    : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
