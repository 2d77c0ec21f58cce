package dev.portolan.core.iana;

import java.util.Locale;

/** Text rules shared by the XML and CSV readers, so that both give equal snapshots. */
final class IanaText {
    private IanaText() {}

    /** Unifies line ends, strips each line's trailing blanks and the whole text's edges. */
    static String normalize(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(t.length());
        for (String line : t.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line.stripTrailing());
        }
        return out.toString().strip();
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
