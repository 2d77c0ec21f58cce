package dev.portolan.knowledge.page;

import java.util.List;
import java.util.Locale;

/**
 * One section of a page. Its heading is the message {@code section.<id>.heading}, with the
 * argument {@code port}.
 *
 * @param id what the section is about
 * @param blocks its content
 */
public record Section(Id id, List<Block> blocks) {
    public Section {
        blocks = List.copyOf(blocks);
    }

    /**
     * The sections of a port page, in page order. The lead comes first and has no heading: the
     * answer in a few sentences; the reference material (the registry's records) comes last.
     */
    public enum Id {
        LEAD, OVERVIEW, USES, SECURITY, CHECK, RANGE, EPHEMERAL, HISTORY, WHY, ASSIGNMENTS;

        private final String id = name().toLowerCase(Locale.ROOT);

        /** Lower-case name: the anchor in HTML, the key in JSON and in message keys. */
        public String id() {
            return id;
        }
    }
}
