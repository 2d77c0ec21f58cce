/**
 * Turning language-neutral {@link dev.portolan.knowledge.page.Text} into sentences of one locale,
 * with ICU MessageFormat bundles. {@link dev.portolan.knowledge.text.Messages} is the entry point.
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.portolan.knowledge.text;

import org.jspecify.annotations.NullMarked;
