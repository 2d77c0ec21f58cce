package dev.portolan.bench;

import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.baseline.Baseline;

/** The registries a benchmark can run on, named by its {@code registry} parameter. */
final class Registries {
    /** The full IANA registry (what answers after {@code portolan update}). */
    static final String FULL = "full";
    /** The embedded baseline (what answers on a fresh install). */
    static final String BASELINE = "baseline";

    private Registries() {}

    static RegistrySnapshot load(String name) {
        return switch (name) {
            case FULL -> BenchData.fullRegistry();
            case BASELINE -> Baseline.load();
            default -> throw new IllegalArgumentException("unknown registry \"" + name + "\": expected "
                    + FULL + " or " + BASELINE);
        };
    }
}
