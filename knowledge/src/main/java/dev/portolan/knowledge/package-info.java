/**
 * Curated knowledge beyond the IANA registry: structured facts, each with its citations, loaded
 * from the YAML resources under {@code knowledge/}. {@link dev.portolan.knowledge.Knowledge} is the
 * entry point. Facts hold no sentences; the sentences are in the message bundles, so that every
 * language reads the same facts.
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.portolan.knowledge;

import org.jspecify.annotations.NullMarked;
