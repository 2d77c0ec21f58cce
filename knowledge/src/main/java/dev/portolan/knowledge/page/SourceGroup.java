package dev.portolan.knowledge.page;

import java.util.List;
import java.util.Objects;

/**
 * Sources that a page lists under one footnote: everything it cites about one system, one program
 * or one protocol. A sentence that rests on several of them (Linux's rule for low ports, the
 * kernel setting that moves it and the release that brought the setting) then carries one marker
 * for that system instead of one per document, and the footnote names each document.
 *
 * @param id what the group is about, unique on a page ({@code system:Linux}, {@code program:redis})
 * @param label what the footnote is headed with: a name, or a message
 * @param cites the citation ids of the group, in the order its footnote lists them
 */
public record SourceGroup(String id, Text label, List<String> cites) {
    public SourceGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        cites = List.copyOf(cites);
    }

    /** A group headed with a name shown as is: a system, a program. */
    static SourceGroup named(String id, String name, List<String> cites) {
        return new SourceGroup(id, Text.of("footnote.group.named", "name", name), cites);
    }
}
