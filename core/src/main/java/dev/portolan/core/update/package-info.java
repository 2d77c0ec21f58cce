/**
 * Downloads the official registry from IANA: {@link dev.portolan.core.update.RegistryDownloader}.
 */
@NullMarked
package dev.portolan.core.update;

import org.jspecify.annotations.NullMarked;
