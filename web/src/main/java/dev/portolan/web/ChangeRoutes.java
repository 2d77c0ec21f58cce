package dev.portolan.web;

import dev.portolan.core.history.ChangeLog;
import dev.portolan.knowledge.page.ReleasePages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pages of the registry's releases, in the language of their {@link Edition}: the list at
 * {@code /registry/changes/}, one release at {@code /registry/changes/2025-12-15}, and the Atom
 * feed at {@code /registry/changes.atom}; cached and sent like the other pages.
 */
final class ChangeRoutes {
    private final PageCache cache;
    private final ChangeLog history;
    private final ReleasePages releases;
    private final List<ChangePages> pages;
    private final List<String> paths;

    ChangeRoutes(Site site, ChangeLog history) {
        this.cache = site.cache();
        this.history = history;
        this.releases = new ReleasePages(history);
        List<ChangePages> out = new ArrayList<>();
        for (Edition e : site.editions()) {
            out.add(new ChangePages(e.frame(), port -> true));
        }
        this.pages = List.copyOf(out);
        this.paths = List.copyOf(ChangePages.paths(releases));
    }

    /** The registry's releases the pages tell. */
    ChangeLog history() {
        return history;
    }

    /** The addresses of the pages, in English, for the sitemaps: the list, then each release. */
    List<String> paths() {
        return paths;
    }

    /** The list of releases. */
    void index(Context ctx, Edition e) throws IOException {
        Responses.send(ctx, cache.get(e.href(ChangePages.INDEX), () -> page(pages.get(e.index()).index(releases))));
    }

    /** {@code /registry/changes} without the slash: the list is {@code /registry/changes/}. */
    void bare(Context ctx, Edition e) {
        ctx.header("Cache-Control", CachePolicy.PAGE_CACHE);
        ctx.redirect(e.href(ChangePages.INDEX), HttpStatus.MOVED_PERMANENTLY);
    }

    /** One release, or a 404 naming the day when the registry's history has no page for it. */
    void release(Context ctx, Edition e) throws IOException {
        String day = ctx.pathParam("date");
        ReleasePages.Release release = parse(day).flatMap(releases::page).orElseThrow(() -> new HttpError(404,
                HttpError.text("error.notFoundRelease", "value", RequestInput.clip(day))));
        Responses.send(ctx, cache.get(e.href(ChangePages.path(release.release())),
                () -> page(pages.get(e.index()).release(releases, release))));
    }

    /** The Atom feed, in the edition's language. */
    void feed(Context ctx, Edition e) throws IOException {
        Responses.send(ctx, cache.get(e.href(ChangePages.FEED), () -> Rendered.of(ChangeFeed.of(e.frame(), releases),
                ChangeFeed.CONTENT_TYPE, CachePolicy.PAGE_CACHE)));
    }

    /** A day written {@code YYYY-MM-DD}, exactly. */
    static Optional<LocalDate> parse(String day) {
        if (day.length() != 10 || day.charAt(4) != '-' || day.charAt(7) != '-') {
            return Optional.empty();
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (day.charAt(i) < '0' || day.charAt(i) > '9')) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.parse(day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Rendered page(byte[] body) {
        return Rendered.of(body, HtmlPages.contentType(), CachePolicy.PAGE_CACHE);
    }
}
