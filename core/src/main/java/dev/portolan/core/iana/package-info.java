/**
 * Readers of IANA's official registry files: {@link dev.portolan.core.iana.RegistryFileReader}
 * detects XML or CSV by content and reads either into the same snapshot.
 */
@NullMarked
package dev.portolan.core.iana;

import org.jspecify.annotations.NullMarked;
