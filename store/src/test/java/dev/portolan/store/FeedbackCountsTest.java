package dev.portolan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link FeedbackCounts}: totals and the score that ranks the least helpful pages. */
class FeedbackCountsTest {
    @Test
    void total_addsAllReactions() {
        FeedbackCounts c = new FeedbackCounts(3, 4, 5);

        assertThat(c.total()).isEqualTo(12);
        assertThat(c.count(Reaction.UNHELPFUL)).isEqualTo(3);
        assertThat(c.count(Reaction.NEUTRAL)).isEqualTo(4);
        assertThat(c.count(Reaction.HELPFUL)).isEqualTo(5);
        assertThat(FeedbackCounts.NONE.total()).isZero();
    }

    @Test
    void negativeCount_isRefused() {
        assertThatThrownBy(() -> new FeedbackCounts(0, -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vote counts must not be negative: unhelpful 0, neutral -1, helpful 0");
    }

    /** Reference values of the 95% Wilson lower bound, computed by hand from the formula. */
    @Test
    void unhelpfulLowerBound_isTheWilsonLowerBound() {
        assertThat(new FeedbackCounts(1, 0, 0).unhelpfulLowerBound()).isCloseTo(0.2065, within(1e-4));
        assertThat(new FeedbackCounts(8, 0, 2).unhelpfulLowerBound()).isCloseTo(0.4902, within(1e-4));
        assertThat(new FeedbackCounts(8, 2, 0).unhelpfulLowerBound()).isCloseTo(0.4902, within(1e-4));
        assertThat(new FeedbackCounts(50, 25, 25).unhelpfulLowerBound()).isCloseTo(0.4038, within(1e-4));
        assertThat(new FeedbackCounts(0, 0, 10).unhelpfulLowerBound()).isZero();
        assertThat(FeedbackCounts.NONE.unhelpfulLowerBound()).isZero();
    }

    @Test
    void moreEvidence_ranksHigherAtTheSameShare() {
        assertThat(new FeedbackCounts(10, 0, 0).unhelpfulLowerBound())
                .isGreaterThan(new FeedbackCounts(1, 0, 0).unhelpfulLowerBound());
        assertThat(new FeedbackCounts(1, 0, 1).unhelpfulLowerBound())
                .isLessThan(new FeedbackCounts(1, 0, 0).unhelpfulLowerBound());
    }

    @Test
    void pageFeedback_validatesItsPort() {
        assertThatThrownBy(() -> new PageFeedback(70_000, FeedbackCounts.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 70000 is out of range: expected 0-65535");
    }
}
