package dev.portolan.core;


import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One record of the port registry, or an answer implied for a pair the registry does not list.
 *
 * <p>A registry record may lack a port (a service name registered without one), and may lack a
 * transport protocol (older records that apply to the number on every transport). Assignees and
 * contacts are person identifiers, resolved through {@link RegistrySnapshot#person(String)}.
 *
 * @param service the service name, or null when the record names none (reserved, unassigned)
 * @param aliases other names for the same service on the same port, as services(5) lists them
 * @param ports the port or range, or null for a service name registered without a port
 * @param transport the transport, or null when the record applies to every transport
 * @param description the registry's description
 * @param status assigned, reserved or unassigned
 * @param assignees identifiers of the assignees
 * @param contacts identifiers of the contacts
 * @param registered when the registration was made, if the registry records it
 * @param modified when the record was last modified, if the registry records it
 * @param references RFCs, drafts, URIs, text and footnotes the record cites
 * @param notes the registry's assignment notes
 * @param unauthorized the registry's reports of unauthorized use
 * @param serviceCodes the registry's DCCP service codes
 * @param origin whether the registry lists this record or Portolan implies it
 */
public record Assignment(
        @Nullable String service,
        List<String> aliases,
        @Nullable PortRange ports,
        @Nullable Transport transport,
        String description,
        AssignmentStatus status,
        List<String> assignees,
        List<String> contacts,
        @Nullable RegistryDate registered,
        @Nullable RegistryDate modified,
        List<Reference> references,
        List<String> notes,
        List<String> unauthorized,
        List<String> serviceCodes,
        Origin origin) {

    /** Where an assignment comes from. */
    public enum Origin {
        /** A record of the registry. */
        LISTED,
        /**
         * No record of the registry covers the pair: the answer is implied by the registry's
         * rules (RFC 6335: a number nobody holds is unassigned; Dynamic Ports are never assigned).
         */
        IMPLIED
    }

    public Assignment {
        aliases = List.copyOf(aliases);
        assignees = List.copyOf(assignees);
        contacts = List.copyOf(contacts);
        references = List.copyOf(references);
        notes = List.copyOf(notes);
        unauthorized = List.copyOf(unauthorized);
        serviceCodes = List.copyOf(serviceCodes);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(origin, "origin");
        if (service != null && service.isBlank()) {
            service = null;
        }
    }

    /** The service name, if the record names one. */
    public Optional<String> serviceName() {
        return Optional.ofNullable(service);
    }

    /** Whether this record covers {@code port} on {@code t} (protocol-less records cover all). */
    public boolean covers(int port, Transport t) {
        return ports != null && ports.contains(port) && (transport == null || transport == t);
    }

    /** A copy of this assignment that applies to {@code t}, for answers about one transport. */
    public Assignment on(Transport t) {
        return transport == t ? this : toBuilder().transport(t).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.service = service;
        b.aliases.addAll(aliases);
        b.ports = ports;
        b.transport = transport;
        b.description = description;
        b.status = status;
        b.assignees.addAll(assignees);
        b.contacts.addAll(contacts);
        b.registered = registered;
        b.modified = modified;
        b.references.addAll(references);
        b.notes.addAll(notes);
        b.unauthorized.addAll(unauthorized);
        b.serviceCodes.addAll(serviceCodes);
        b.origin = origin;
        return b;
    }

    /** Builds assignments for readers, which meet a record's fields one at a time. */
    public static final class Builder {
        private @Nullable String service;
        private final List<String> aliases = new ArrayList<>();
        private @Nullable PortRange ports;
        private @Nullable Transport transport;
        private String description = "";
        private @Nullable AssignmentStatus status;
        private final List<String> assignees = new ArrayList<>();
        private final List<String> contacts = new ArrayList<>();
        private @Nullable RegistryDate registered;
        private @Nullable RegistryDate modified;
        private final List<Reference> references = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> unauthorized = new ArrayList<>();
        private final List<String> serviceCodes = new ArrayList<>();
        private Origin origin = Origin.LISTED;

        private Builder() {}

        public Builder service(@Nullable String value) {
            service = value;
            return this;
        }

        public Builder alias(String value) {
            aliases.add(value);
            return this;
        }

        public Builder ports(@Nullable PortRange value) {
            ports = value;
            return this;
        }

        public Builder transport(@Nullable Transport value) {
            transport = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        /** Sets the status; when never set, it follows from the description. */
        public Builder status(AssignmentStatus value) {
            status = value;
            return this;
        }

        public Builder assignee(String id) {
            assignees.add(id);
            return this;
        }

        public Builder contact(String id) {
            contacts.add(id);
            return this;
        }

        public Builder registered(@Nullable RegistryDate value) {
            registered = value;
            return this;
        }

        public Builder modified(@Nullable RegistryDate value) {
            modified = value;
            return this;
        }

        public Builder reference(Reference value) {
            references.add(value);
            return this;
        }

        public Builder note(String value) {
            notes.add(value);
            return this;
        }

        public Builder unauthorized(String value) {
            unauthorized.add(value);
            return this;
        }

        public Builder serviceCode(String value) {
            serviceCodes.add(value);
            return this;
        }

        public Builder origin(Origin value) {
            origin = value;
            return this;
        }

        public Assignment build() {
            AssignmentStatus s = status != null ? status : AssignmentStatus.of(service, description);
            return new Assignment(service, aliases, ports, transport, description, s, assignees,
                    contacts, registered, modified, references, notes, unauthorized, serviceCodes,
                    origin);
        }
    }
}
