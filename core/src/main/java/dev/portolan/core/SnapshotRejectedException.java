package dev.portolan.core;

/**
 * A registry that was read but must not replace the active data: too few records to be a whole
 * registry, or older than the active release without {@code --force}.
 */
public final class SnapshotRejectedException extends PortolanException {
    public SnapshotRejectedException(String message) {
        super(message);
    }
}
