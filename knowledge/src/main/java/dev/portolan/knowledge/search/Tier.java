package dev.portolan.knowledge.search;

/**
 * How a port matched a query, strongest first: results rank by tier before anything else.
 */
public enum Tier {
    /** The query named the port by number ({@code 443}, {@code 443/udp}, {@code 8000-8100}). */
    PORT,
    /** The query is a service name or alias of the registry ({@code ssh}, {@code microsoft-ds}). */
    SERVICE,
    /**
     * The query is the name people use for what runs there ({@code dns}, {@code rdp}, {@code
     * remote desktop protocol}), or the curated name of the program the port is known for.
     */
    COMMON,
    /** The query is the name of a program that uses the port, or of malware documented on it. */
    PROGRAM,
    /** Every word of the query is a word, or the start of one, of the port's names. */
    NAME,
    /** The query's words are in the port's descriptions: the registry's, and what the knowledge says of it. */
    DESCRIPTION,
    /** Nothing matched as typed; a word came within a typo of one of the port's names. */
    TYPO
}
