/**
 * Ranked, typo-tolerant search over service names and descriptions:
 * {@link dev.portolan.core.search.SearchIndex}.
 */
@NullMarked
package dev.portolan.core.search;

import org.jspecify.annotations.NullMarked;
