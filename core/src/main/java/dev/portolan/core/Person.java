package dev.portolan.core;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An entry of the registry's {@code <people>} list: a person or an organisation that is assignee
 * or contact of records. E-mail addresses are never kept: the registry publishes them for IANA's
 * use, and Portolan does not republish them.
 *
 * @param id the registry's identifier, such as {@code Jon_Postel}
 * @param name the person's name or the organisation's name
 * @param organisation whether the entry is an organisation
 * @param uri a web address for the entry, when the registry gives one that is not e-mail
 * @param updated when the registry last changed the entry
 */
public record Person(
        String id, String name, boolean organisation, @Nullable String uri, @Nullable LocalDate updated) {

    /** A person known only by identifier: the name is the identifier with spaces for underscores. */
    public static Person unresolved(String id) {
        return new Person(id, id.replace('_', ' ').strip(), false, null, null);
    }
}
