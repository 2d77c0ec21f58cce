package dev.portolan.knowledge.page;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A block of a section. Renderers switch over the permitted kinds. */
public sealed interface Block {
    /** A paragraph of one sentence or a few joined ones. */
    record Paragraph(List<Text> sentences) implements Block {
        public Paragraph {
            sentences = List.copyOf(sentences);
        }
    }

    /** A bulleted list. */
    record Points(List<Text> items) implements Block {
        public Points {
            items = List.copyOf(items);
        }
    }

    /**
     * Commands to type, grouped by platform. Command lines are exact and never translated.
     */
    record Commands(List<Command> commands) implements Block {
        public Commands {
            commands = List.copyOf(commands);
        }
    }

    /**
     * One command.
     *
     * @param platform {@code linux}, {@code macos}, {@code windows} or {@code portolan}
     * @param transport {@code tcp}, {@code udp}, or empty when the command covers both
     * @param line the command line, exactly as to type it
     * @param cites citations of the tool's documentation
     * @param purpose what the command shows or does, when a block holds commands of several
     *     purposes: {@code connections}, {@code showRange}, {@code changeRange}, {@code reserve}
     *     (the message {@code command.purpose.<purpose>}), or empty
     */
    record Command(String platform, String transport, String line, List<String> cites, String purpose) {
        public Command {
            cites = List.copyOf(cites);
        }

        /** A command with no purpose of its own: what its block is about. */
        public Command(String platform, String transport, String line, List<String> cites) {
            this(platform, transport, line, cites, "");
        }
    }

    /**
     * What each operating system does with the port: who may listen on it and whether the system
     * hands it to outgoing connections. One row per system, each citing its own sources.
     */
    record Systems(List<SystemRow> rows) implements Block {
        public Systems {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One system's row.
     *
     * @param system the system's name ({@code Linux})
     * @param listen whether any user may listen on the port, and what changes that; empty when no
     *     source says
     * @param ephemeral its default ephemeral ranges, each saying whether it holds the port
     * @param cites the sources of the row
     */
    record SystemRow(String system, List<Text> listen, List<Text> ephemeral, List<String> cites) {
        public SystemRow {
            listen = List.copyOf(listen);
            ephemeral = List.copyOf(ephemeral);
            cites = List.copyOf(cites);
        }
    }

    /** The registry's records for the port. */
    record Assignments(List<AssignmentRow> rows) implements Block {
        public Assignments {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One registry record, as data: descriptions and notes are the registry's own text.
     *
     * @param service the service name, or empty
     * @param transport {@code tcp}, {@code udp}, {@code sctp}, {@code dccp}, or empty for all
     * @param ports the port or range the record covers ({@code 6000-6063})
     * @param status {@code assigned}, {@code reserved} or {@code unassigned}
     * @param description the registry's description
     * @param assignees assignee names (never e-mail addresses)
     * @param contacts contact names
     * @param registered the registration date, if recorded
     * @param modified the last modification date, if recorded
     * @param references the record's references, with links where they have one
     * @param notes the registry's assignment notes
     * @param unauthorized the registry's reports of unauthorized use
     */
    record AssignmentRow(String service, String transport, String ports, String status, String description,
            List<String> assignees, List<String> contacts, @Nullable PageDate registered, @Nullable PageDate modified,
            List<Link> references, List<String> notes, List<String> unauthorized) {
        public AssignmentRow {
            assignees = List.copyOf(assignees);
            contacts = List.copyOf(contacts);
            references = List.copyOf(references);
            notes = List.copyOf(notes);
            unauthorized = List.copyOf(unauthorized);
        }
    }

    /**
     * A reference with its link.
     *
     * @param label what to show ({@code RFC 9110})
     * @param url where it points, or empty when it has no link
     */
    record Link(String label, String url) {}
}
