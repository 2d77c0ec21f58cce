package dev.portolan.web;

import dev.portolan.core.Registry;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The files for machines rather than readers: the sitemap index and its parts, {@code
 * robots.txt}, {@code /healthz} and the assets pages link to (styles, scripts, icons).
 */
final class MachineFiles {
    private static final String TEXT = "text/plain;charset=utf-8";

    private final Site site;
    private final PageCache cache;
    private final Registry registry;
    private final Assets assets;
    private final Supplier<String> publicUrl;
    private volatile @Nullable Sitemaps sitemaps;

    MachineFiles(Site site, Registry registry, Assets assets, Supplier<String> publicUrl) {
        this.site = site;
        this.cache = site.cache();
        this.registry = registry;
        this.assets = assets;
        this.publicUrl = publicUrl;
    }

    void sitemapIndex(Context ctx) throws IOException {
        Responses.send(ctx, cache.get("/sitemap.xml", () -> xml(sitemaps().index())));
    }

    void sitemapPart(Context ctx) throws IOException {
        String part = ctx.pathParam("part");
        for (Edition e : site.editions()) {
            Frame.Language language = e.frame().language();
            if (part.equals(Sitemaps.pagesPart(language))) {
                Responses.send(ctx, cache.get("/sitemaps/" + part, () -> xml(sitemaps().pages(language))));
                return;
            }
            for (int i = 0; i < Sitemaps.PORT_PARTS; i++) {
                if (part.equals(Sitemaps.portsPart(language, i))) {
                    int n = i;
                    Responses.send(ctx, cache.get("/sitemaps/" + part, () -> xml(sitemaps().ports(language, n))));
                    return;
                }
            }
        }
        throw new HttpError(404, HttpError.text("error.notFound"));
    }

    void robots(Context ctx) throws IOException {
        Responses.send(ctx, cache.get("/robots.txt",
                () -> Rendered.of(sitemaps().robots(), TEXT, CachePolicy.PAGE_CACHE)));
    }

    void health(Context ctx) throws IOException {
        Responses.send(ctx, Rendered.of(JsonApi.health(registry.snapshot().info().describe(), cache.entries(),
                cache.bytes(), cache.fileBytes()), JsonApi.CONTENT_TYPE,
                CachePolicy.NO_STORE));
    }

    void asset(Context ctx) throws IOException {
        Rendered r = assets.get(ctx.path());
        if (r == null) {
            throw new HttpError(404, HttpError.text("error.notFound"));
        }
        Responses.send(ctx, r);
    }

    private Sitemaps sitemaps() {
        Sitemaps s = sitemaps;
        if (s == null) {
            s = new Sitemaps(publicUrl.get(), registry.snapshot(), site.editions().get(0).frame().languages(),
                    site.changes().paths());
            sitemaps = s;
        }
        return s;
    }

    private static Rendered xml(byte[] body) {
        return Rendered.of(body, Sitemaps.CONTENT_TYPE, CachePolicy.PAGE_CACHE);
    }
}
