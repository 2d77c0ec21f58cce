/**
 * The embedded default registry: {@link dev.portolan.core.baseline.Baseline} loads the compact
 * snapshot compiled at build time from the IANA release committed in {@code core/src/main/baseline}
 * (the compressed XML and its {@code RELEASE} record of date and hash).
 */
@NullMarked
package dev.portolan.core.baseline;

import org.jspecify.annotations.NullMarked;
