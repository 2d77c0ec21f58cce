package dev.portolan.core;

import java.util.Locale;

/**
 * A reference of a registry record: an RFC, an Internet-Draft, a URI, free text, or one of the
 * registry's own footnotes.
 *
 * @param kind what the reference points to
 * @param value the RFC number as {@code RFC4251}, the draft name, the URI, the text, or the
 *     footnote anchor
 */
public record Reference(Kind kind, String value) {
    /** What a reference points to. */
    public enum Kind {
        RFC, DRAFT, URI, TEXT, FOOTNOTE;

        /** Lower-case name, as the registry's XML {@code xref type} spells it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Reference {
        if (value.isBlank()) {
            throw new IllegalArgumentException("a " + kind.id() + " reference needs a value");
        }
    }

    /** An RFC reference from any spelling: {@code rfc6335}, {@code RFC6335}, {@code RFC 6335}. */
    public static Reference rfc(String text) {
        String digits = text.replaceAll("(?i)^\\s*rfc\\s*", "").strip();
        return new Reference(Kind.RFC, "RFC" + digits);
    }

    /**
     * Classifies a reference written as in the registry's CSV, without its brackets: {@code
     * RFC4251}, {@code draft-ietf-x}, {@code RFC-ietf-x-12} (a draft in the RFC Editor queue), a
     * URI, a footnote number, or anything else as text.
     */
    public static Reference parse(String text) {
        String t = text.strip();
        if (t.matches("(?i)rfc\\s*\\d+")) {
            return rfc(t);
        }
        if (t.regionMatches(true, 0, "draft-", 0, 6) || t.regionMatches(true, 0, "RFC-", 0, 4)) {
            return new Reference(Kind.DRAFT, t);
        }
        if (t.matches("(?i)(https?|ftp)://\\S+")) {
            return new Reference(Kind.URI, t);
        }
        if (t.matches("\\d{1,3}")) {
            return new Reference(Kind.FOOTNOTE, t);
        }
        return new Reference(Kind.TEXT, t);
    }

    /** The reference as one short string: {@code RFC4251}, a draft name, a URI, or text. */
    public String label() {
        return kind == Kind.FOOTNOTE ? "[" + value + "]" : value;
    }

    @Override
    public String toString() {
        return label();
    }
}
