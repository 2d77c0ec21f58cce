package dev.portolan.core;

import dev.portolan.core.testsupport.SharedRegistryData;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** Port index properties over the real registry; skipped when the shared data is absent. */
@AddLifecycleHook(SharedRegistryData.Required.class)
class FullRegistryPropertiesTest {

    @Property(tries = 1000)
    void anyPortAndTransport_resolvesToEntriesCoveringIt(@ForAll @IntRange(min = 0, max = 65_535) int port,
            @ForAll Transport transport) {
        PortIndexPropertiesTest.assertResolvesToCoveringEntries(Holder.REGISTRY.ports(), port, transport);
    }

    @Example
    void everyPortTimesEveryTransport_resolvesToANonEmptyList() {
        PortIndexPropertiesTest.assertEveryPairResolves(Holder.REGISTRY.ports());
    }

    @Property(tries = 200)
    void scanningAndIndexedAnswers_agree(@ForAll @IntRange(min = 0, max = 65_535) int port,
            @ForAll Transport transport) {
        PortIndexPropertiesTest.assertScanAgreesWithIndex(Holder.REGISTRY.snapshot().assignments(),
                Holder.REGISTRY.ports(), port, transport);
    }

    /** One registry for all tries, so that its index is built once. */
    private static final class Holder {
        static final Registry REGISTRY = Registry.of(SharedRegistryData.xml());
    }
}
