package dev.portolan.core;

/**
 * A registry that was read but must not replace the active data: too few records to be a whole
 * registry, or (without {@code --force}) not newer than the active release or much smaller.
 */
public final class SnapshotRejectedException extends PortolanException {
    public SnapshotRejectedException(String message) {
        super(message);
    }
}
