/**
 * The web site: HTML port pages, lists, search, a JSON API, sitemaps and the feedback endpoint,
 * served by Javalin with templates compiled at build time. {@link dev.portolan.web.WebServer} is
 * the entry point; {@link dev.portolan.web.WebSettings} holds every setting.
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.portolan.web;

import org.jspecify.annotations.NullMarked;
