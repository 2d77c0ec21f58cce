/**
 * The embedded default registry: {@link dev.portolan.core.baseline.Baseline} loads the compact
 * snapshot compiled at build time from the committed table {@code core/src/main/baseline}.
 */
@NullMarked
package dev.portolan.core.baseline;

import org.jspecify.annotations.NullMarked;
