/**
 * Persistence of snapshots: {@link dev.portolan.core.snapshot.SnapshotCodec} is the compact
 * binary form the program loads at start, and {@link dev.portolan.core.snapshot.SnapshotStore}
 * keeps imported snapshots under the Portolan home and swaps the active one atomically.
 */
@NullMarked
package dev.portolan.core.snapshot;

import org.jspecify.annotations.NullMarked;
