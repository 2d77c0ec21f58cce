package dev.portolan.knowledge.search;

import dev.portolan.core.InvalidQueryException;

/**
 * A search query that cannot be read, with what is wrong with it, so that each front end can say
 * so in its own words and language.
 */
public final class SearchQueryException extends InvalidQueryException {
    /** What is wrong with a query. */
    public enum Problem {
        /** Nothing was typed. */
        EMPTY,
        /** Longer than {@link SearchQuery#MAX_LENGTH}; the value is its length. */
        TOO_LONG,
        /** A control or unpaired surrogate character; the value is its code point, U+XXXX. */
        CONTROL,
        /** Only punctuation or symbols. */
        NO_WORDS,
        /** A number above 65535; the value is the token. */
        PORT_RANGE,
        /** A range whose end is below its start; the value is the token. */
        RANGE_ORDER
    }

    private final Problem problem;
    private final String value;

    SearchQueryException(Problem problem, String value, String message) {
        super(message);
        this.problem = problem;
        this.value = value;
    }

    /** What is wrong. */
    public Problem problem() {
        return problem;
    }

    /** The offending part of the query, as {@link Problem} describes for each, or empty. */
    public String value() {
        return value;
    }
}
