package dev.portolan.knowledge;

import dev.portolan.core.PortolanException;

/** A knowledge file that breaks the format of {@code docs/knowledge.md}; the message names the file and the field. */
public final class KnowledgeFormatException extends PortolanException {
    public KnowledgeFormatException(String message) {
        super(message);
    }

    public KnowledgeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
