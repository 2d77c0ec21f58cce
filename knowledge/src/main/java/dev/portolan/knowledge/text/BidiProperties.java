package dev.portolan.knowledge.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The properties of characters that isolating the runs of right-to-left text asks ({@link
 * BidiIsolation}): a character's bidirectional class, whether it is of the Arabic script, its
 * paired-bracket type and pair, and whether it is a quotation mark. ICU says them, but loading its
 * bidirectional and character-property data costs a command line some 30 ms of CPU; the build
 * writes every character's answers as ICU gives them to {@value #FILE} ({@link
 * LocaleDataCompiler}), ranges of characters alike plus the bracket pairs, and this class looks them
 * up. Tests compare every code point with ICU. Without the file (a build that did not write it),
 * ICU answers.
 */
final class BidiProperties {
    /** The table of all characters, on the class path. */
    static final String FILE = "knowledge/bidi.bin";
    private static final int MAGIC = 0x50424931; // "PBI1"
    private static final int DIRECTION = 0x1f;
    private static final int ARABIC = 1 << 5;
    private static final int BRACKET_SHIFT = 6;
    private static final int QUOTATION = 1 << 8;

    private static volatile @Nullable BidiProperties table;

    /** The properties of every character (see {@link #icu}). */
    private final CodePointRanges values;
    /** The characters with a paired bracket, ascending, and each one's pair. */
    private final int[] brackets;
    private final int[] pairs;

    private BidiProperties(CodePointRanges values, int[] brackets, int[] pairs) {
        this.values = values;
        this.brackets = brackets;
        this.pairs = pairs;
    }

    /** The bidirectional class of a character, one of ICU's {@code UCharacterDirection} values. */
    static int direction(int cp) {
        return value(cp) & DIRECTION;
    }

    /** Whether a character is used by the Arabic script (ICU's {@code UScript.hasScript}). */
    static boolean arabic(int cp) {
        return (value(cp) & ARABIC) != 0;
    }

    /** A character's paired-bracket type, one of ICU's {@code UCharacter.BidiPairedBracketType} values. */
    static int bracketType(int cp) {
        return value(cp) >>> BRACKET_SHIFT & 3;
    }

    /** Whether a character is a quotation mark (Unicode's Quotation_Mark). */
    static boolean quotationMark(int cp) {
        return (value(cp) & QUOTATION) != 0;
    }

    /** The bracket a character pairs with; the character itself when it pairs with none. */
    static int pairedBracket(int cp) {
        BidiProperties t = table();
        if (t == null) {
            return UCharacter.getBidiPairedBracket(cp);
        }
        int i = java.util.Arrays.binarySearch(t.brackets, cp);
        return i < 0 ? cp : t.pairs[i];
    }

    private static int value(int cp) {
        BidiProperties t = table();
        return t == null ? icu(cp) : t.lookUp(cp);
    }

    /** A character's properties as ICU gives them, packed: class, Arabic, bracket type, quotation mark. */
    static int icu(int cp) {
        int bracket = UCharacter.getIntPropertyValue(cp, UProperty.BIDI_PAIRED_BRACKET_TYPE);
        return UCharacter.getDirection(cp) | (UScript.hasScript(cp, UScript.ARABIC) ? ARABIC : 0)
                | bracket << BRACKET_SHIFT | (UCharacter.hasBinaryProperty(cp, UProperty.QUOTATION_MARK) ? QUOTATION : 0);
    }

    /** A character's packed properties, from the table. */
    int lookUp(int cp) {
        return values.get(cp);
    }

    /** The table from the class path, read once; null when the build wrote none (ICU then answers). */
    static @Nullable BidiProperties table() {
        BidiProperties t = table;
        if (t == null) {
            byte[] bytes = CodePointRanges.file(FILE);
            if (bytes == null) {
                return null;
            }
            t = decode(bytes);
            table = t; // read twice at worst, the same either way
        }
        return t;
    }

    /** Every character's properties as ICU gives them: the file the build writes. */
    static byte[] encode() {
        java.util.List<Integer> brackets = new java.util.ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (UCharacter.getDirection(cp) > DIRECTION) {
                throw new IllegalStateException("ICU gives U+" + Integer.toHexString(cp) + " a bidirectional class "
                        + UCharacter.getDirection(cp) + ", beyond the table's five bits");
            }
            if (UCharacter.getBidiPairedBracket(cp) != cp) {
                brackets.add(cp);
            }
        }
        CodePointRanges values = CodePointRanges.of(BidiProperties::icu);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(values.size());
            for (int i = 0; i < values.size(); i++) {
                out.writeInt(values.start(i));
                out.writeShort(values.value(i));
            }
            out.writeInt(brackets.size());
            for (int cp : brackets) {
                out.writeInt(cp);
                out.writeInt(UCharacter.getBidiPairedBracket(cp));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The table a file holds. */
    static BidiProperties decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.getInt() != MAGIC) {
                throw new IllegalStateException(FILE + " is not a table of bidirectional properties");
            }
            int n = in.getInt();
            if (n < 1 || n > (bytes.length - 8) / 6) {
                throw new IllegalStateException(FILE + " is damaged: " + n + " ranges in " + bytes.length + " bytes");
            }
            int[] starts = new int[n];
            int[] values = new int[n];
            for (int i = 0; i < n; i++) {
                starts[i] = in.getInt();
                values[i] = in.getShort();
                if ((i == 0 ? starts[i] != 0 : starts[i] <= starts[i - 1] || starts[i] > Character.MAX_CODE_POINT)
                        || (values[i] & ~(DIRECTION | ARABIC | 3 << BRACKET_SHIFT | QUOTATION)) != 0) {
                    throw new IllegalStateException(FILE + " is damaged at range " + i);
                }
            }
            int m = in.getInt();
            if (m < 0 || (long) m * 8 != in.remaining()) {
                throw new IllegalStateException(FILE + " is damaged: " + m + " bracket pairs in " + in.remaining()
                        + " bytes");
            }
            int[] brackets = new int[m];
            int[] pairs = new int[m];
            for (int i = 0; i < m; i++) {
                brackets[i] = in.getInt();
                pairs[i] = in.getInt();
                if (i > 0 && brackets[i] <= brackets[i - 1]) {
                    throw new IllegalStateException(FILE + " is damaged at bracket pair " + i);
                }
            }
            return new BidiProperties(new CodePointRanges(starts, values), brackets, pairs);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalStateException(FILE + " is cut short", e);
        }
    }
}
