package dev.portolan.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order of {@link FeedbackStore#leastHelpful(int)}, the same for every engine.
 *
 * <p>Pages with at least one "unhelpful" vote, ordered by the lower bound of the 95% Wilson score
 * interval for their share of "unhelpful" among all their votes ({@link
 * FeedbackCounts#unhelpfulLowerBound()}), highest first; ties by more "unhelpful" votes, then by
 * port. The lower bound weighs the evidence: 8 unhelpful votes of 10 (bound 0.49) rank above a
 * single unhelpful vote (0.21), and every neutral or helpful vote lowers a page's bound. A page
 * nobody found unhelpful is never listed.
 */
final class Ranking {
    private Ranking() {}

    /** A page with its rank score, computed once. */
    private record Ranked(PageFeedback page, double bound) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            int c = Double.compare(o.bound, bound);
            if (c == 0) {
                c = Long.compare(o.page.counts().unhelpful(), page.counts().unhelpful());
            }
            return c != 0 ? c : Integer.compare(page.port(), o.page.port());
        }
    }

    /** Checks a limit before any database work. */
    static void checkLimit(int limit) {
        if (limit < 1 || limit > FeedbackStore.MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is out of range: expected 1-"
                    + FeedbackStore.MAX_LIMIT);
        }
    }

    /** Checks a port before any database work. */
    static void checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range: expected 0-65535");
        }
    }

    /** The worst {@code limit} of {@code pages}, worst first. */
    static List<PageFeedback> worst(List<PageFeedback> pages, int limit) {
        List<Ranked> ranked = new ArrayList<>(pages.size());
        for (PageFeedback p : pages) {
            ranked.add(new Ranked(p, p.counts().unhelpfulLowerBound()));
        }
        Collections.sort(ranked);
        List<PageFeedback> worst = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            worst.add(ranked.get(i).page());
        }
        return Collections.unmodifiableList(worst);
    }
}
