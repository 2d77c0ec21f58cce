/**
 * Persistence: readers' votes on port pages ("Was this page helpful?") in SQLite, or in PostgreSQL
 * for several servers. The entry point is {@link dev.portolan.store.FeedbackStore}; {@link
 * dev.portolan.store.FeedbackDatabase} says which database.
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.portolan.store;

import org.jspecify.annotations.NullMarked;
