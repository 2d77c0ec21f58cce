/**
 * The port page model: what Portolan says about one port, as language-neutral sections of
 * {@link dev.portolan.knowledge.page.Text} (a message key, its arguments and the ids of the
 * citations it rests on). {@link dev.portolan.knowledge.page.PortPages} composes a page from the
 * registry and the curated knowledge; renderers (HTML, JSON, plain text) turn it into bytes for one
 * medium and one locale and never ask the registry anything the page does not say.
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.portolan.knowledge.page;

import org.jspecify.annotations.NullMarked;
