/**
 * The registry's history across releases. {@link dev.portolan.core.history.RegistryHistory} is
 * the entry point: the diff of two releases and its application, change logs of several releases
 * (built from registry files, stored in a compact binary form), and the timeline of one port.
 *
 * <p>Records are compared in {@link dev.portolan.core.history.CanonicalRecord canonical form}, so
 * that what two releases only write differently (white space, people's identifiers, the spelling
 * of a reference, the letter case of a name, the order of records) is no change.
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.portolan.core.history;

import org.jspecify.annotations.NullMarked;
