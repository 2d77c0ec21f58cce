package dev.portolan.core.iana;

import java.util.Locale;

/** Text rules shared by the XML and CSV readers, so that both give equal snapshots. */
final class IanaText {
    /**
     * The most characters one text field may hold: a name, a description, a note, an attribute, a
     * CSV field. The registry's longest field is about a thousand characters; a longer one is a
     * damaged or hostile file, refused before it costs memory.
     */
    static final int MAX_FIELD_CHARS = 64 * 1024;

    /** The most characters of an input value quoted in a message. */
    private static final int EXCERPT_CHARS = 60;

    private IanaText() {}

    /**
     * {@code value} as it may be quoted in a one-line message: control characters as {@code ?},
     * and cut after {@value #EXCERPT_CHARS} characters with {@code ...}, so that a huge or binary
     * value cannot flood the terminal.
     */
    static String excerpt(String value) {
        return excerpt(value, EXCERPT_CHARS);
    }

    /** {@link #excerpt(String)} cut after {@code max} characters. */
    static String excerpt(String value, int max) {
        String v = value.length() > max ? value.substring(0, max) + "..." : value;
        return v.replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * Collapses every run of white space, line ends included, into one space and strips the edges.
     * IANA's CSV writes descriptions and notes this way, while the XML keeps the line breaks of its
     * source ({@code <br/>} and wrapped lines); normalizing both gives the same text from both.
     */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** How an inline {@code <xref>} inside a note or description reads in the CSV: {@code [RFC4146]}. */
    static String inlineXref(String type, String data, String text) {
        String shown;
        if (type.equals("rfc")) {
            shown = data.toUpperCase(Locale.ROOT).replace(" ", "");
        } else if (!data.isBlank()) {
            shown = data;
        } else {
            shown = text;
        }
        return "[" + shown + "]";
    }
}
