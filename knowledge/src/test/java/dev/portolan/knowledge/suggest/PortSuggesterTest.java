package dev.portolan.knowledge.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummaries;
import dev.portolan.knowledge.PortSummary;
import dev.portolan.knowledge.suggest.PortSuggester.Suggestion;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PortSuggesterTest {
    static PortSummaries summaries;
    static PortSuggester suggester;

    @BeforeAll
    static void load() {
        summaries = new PortSummaries(Registry.of(Baseline.load()), Knowledge.embedded());
        suggester = new PortSuggester(summaries);
    }

    @Test
    void everyCandidate_keepsEveryRule() {
        Knowledge k = summaries.knowledge();
        assertThat(suggester.candidates()).hasSizeGreaterThan(100).isSorted().allSatisfy(port -> {
            assertThat(port).isBetween(1024, 49151);
            PortSummary s = summaries.of(port);
            assertThat(s.status(Transport.TCP)).isEqualTo(AssignmentStatus.UNASSIGNED);
            assertThat(s.status(Transport.UDP)).isEqualTo(AssignmentStatus.UNASSIGNED);
            assertThat(s.specificPrograms()).isEmpty();
            assertThat(s.names()).isEmpty();
            assertThat(s.protocols()).isEmpty();
            assertThat(s.security()).isEmpty();
            assertThat(s.malware()).isEmpty();
            assertThat(k.ephemeralRanges()).noneMatch(r -> r.contains(port));
            assertThat(PortSuggester.NODE_PORTS.contains(port)).isFalse();
            assertThat(k.browsersRefuse(port)).isFalse();
        });
        // the well-known choices people make by habit are not among them
        assertThat(suggester.candidates()).doesNotContain(3000, 5000, 8000, 8080, 8443, 9000, 9090, 6000, 6665);
    }

    @Test
    void suggestions_areFreeHere_ascending_andRepeatableWithASeed() {
        List<Suggestion> all = suggester.suggest(5, port -> port % 2 == 0, new Random(42));
        assertThat(all).hasSize(5).extracting(Suggestion::port).isSorted()
                .allSatisfy(p -> assertThat(p % 2).isZero()).allSatisfy(p -> assertThat(suggester.candidates()).contains(p));
        assertThat(suggester.suggest(5, port -> port % 2 == 0, new Random(42))).isEqualTo(all);
        assertThat(all.get(0).reasons()).hasSize(5).anySatisfy(r -> assertThat(r).contains("Linux", "Windows", "macOS",
                "FreeBSD"));
        assertThat(suggester.suggest(3, port -> false, new Random(1))).isEmpty();
        assertThatThrownBy(() -> suggester.suggest(0, port -> true, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be at least 1, not 0");
    }
}
