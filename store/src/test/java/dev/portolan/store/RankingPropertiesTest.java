package dev.portolan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * For any votes, {@link FeedbackStore#leastHelpful} lists exactly the pages with an unhelpful
 * vote, in the documented order, and {@link FeedbackStore#counts} agrees with what was recorded.
 */
class RankingPropertiesTest {
    private Path dir;

    @BeforeProperty
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("portolan-ranking");
    }

    @AfterProperty
    void deleteDirectory() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<Map<Integer, FeedbackCounts>> pages() {
        Arbitrary<FeedbackCounts> counts = Combinators.combine(Arbitraries.longs().between(0, 4),
                Arbitraries.longs().between(0, 3), Arbitraries.longs().between(0, 3)).as(FeedbackCounts::new);
        return Arbitraries.maps(Arbitraries.integers().between(0, 65_535), counts).ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 15)
    void leastHelpful_isTheDocumentedOrder(@ForAll("pages") Map<Integer, FeedbackCounts> pages,
            @ForAll("limits") int limit) throws Exception {
        Path db = Files.createTempFile(dir, "votes", ".db");
        try (FeedbackStore store = FeedbackStore.open(db)) {
            for (Map.Entry<Integer, FeedbackCounts> e : new TreeMap<>(pages).entrySet()) {
                FeedbackStoreTest.votes(store, e.getKey(), (int) e.getValue().unhelpful(),
                        (int) e.getValue().neutral(), (int) e.getValue().helpful());
            }

            List<PageFeedback> expected = new ArrayList<>();
            pages.forEach((port, counts) -> {
                if (counts.unhelpful() > 0) {
                    expected.add(new PageFeedback(port, counts));
                }
            });
            expected.sort(Comparator.comparingDouble((PageFeedback p) -> -p.counts().unhelpfulLowerBound())
                    .thenComparingLong(p -> -p.counts().unhelpful())
                    .thenComparingInt(PageFeedback::port));

            assertThat(store.leastHelpful(limit)).containsExactlyElementsOf(
                    expected.subList(0, Math.min(limit, expected.size())));
            for (Map.Entry<Integer, FeedbackCounts> e : pages.entrySet()) {
                assertThat(store.counts(e.getKey())).isEqualTo(e.getValue());
            }
        }
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.of(1, 2, 3, 20, FeedbackStore.MAX_LIMIT);
    }
}
