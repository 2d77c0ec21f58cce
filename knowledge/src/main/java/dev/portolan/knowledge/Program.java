package dev.portolan.knowledge;

import java.util.List;

/**
 * A program and the ports it uses, as its own documentation (or another cited source) states them.
 *
 * @param id the identifier, unique across all knowledge files ({@code [a-z0-9-]+})
 * @param name the program's name, as its project writes it
 * @param aliases other names people use for it: short names, former names, process names
 * @param field the field it belongs to, the name of its knowledge file ({@code databases})
 * @param ports the ports it uses, in file order
 */
public record Program(String id, String name, List<String> aliases, String field, List<ProgramPort> ports) {
    public Program {
        aliases = List.copyOf(aliases);
        ports = List.copyOf(ports);
    }

    // Written out, as in Text: the generated ones cost a command line's start method-handle spinning.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Program p && id.equals(p.id) && name.equals(p.name) && aliases.equals(p.aliases)
                && field.equals(p.field) && ports.equals(p.ports);
    }

    /** The identifier's hash: identifiers are unique, so equal programs have equal ones. */
    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
