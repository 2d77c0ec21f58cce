package dev.portolan.core.iana;

import java.util.Locale;

/** Text rules shared by the XML and CSV readers, so that both give equal snapshots. */
final class IanaText {
    private IanaText() {}

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
