package dev.portolan.store;

/**
 * How many votes of each reaction a page has, over all languages.
 *
 * @param unhelpful votes "not helpful"
 * @param neutral votes "so-so"
 * @param helpful votes "helpful"
 */
public record FeedbackCounts(long unhelpful, long neutral, long helpful) {
    /** A page nobody voted on. */
    public static final FeedbackCounts NONE = new FeedbackCounts(0, 0, 0);

    public FeedbackCounts {
        if (unhelpful < 0 || neutral < 0 || helpful < 0) {
            throw new IllegalArgumentException("vote counts must not be negative: unhelpful " + unhelpful
                    + ", neutral " + neutral + ", helpful " + helpful);
        }
    }

    /** All votes. */
    public long total() {
        return unhelpful + neutral + helpful;
    }

    /** The votes of one reaction. */
    public long count(Reaction reaction) {
        return switch (reaction) {
            case UNHELPFUL -> unhelpful;
            case NEUTRAL -> neutral;
            case HELPFUL -> helpful;
        };
    }

    /**
     * How sure we can be that readers find this page unhelpful: the lower bound of the 95% Wilson
     * score interval for the share of "unhelpful" among all votes; 0 without votes.
     *
     * <p>The bound ranks a page with 8 unhelpful votes of 10 (0.49) above one with a single
     * unhelpful vote of 1 (0.21): a small sample is not taken at face value, and neutral and
     * helpful votes both pull the bound down. See {@link FeedbackStore#leastHelpful(int)}.
     */
    public double unhelpfulLowerBound() {
        long n = total();
        if (n == 0) {
            return 0;
        }
        double z = 1.959_963_984_540_054; // the 97.5th percentile of the standard normal distribution
        double p = (double) unhelpful / n;
        double z2n = z * z / n;
        double centre = p + z2n / 2;
        double spread = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
        return Math.max(0, (centre - spread) / (1 + z2n));
    }
}
