package dev.portolan.knowledge.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * How many terminal columns a text takes: two for a wide or full-width character (East Asian
 * Width W or F: Chinese, Japanese, Korean), none for a combining mark or a format character (the
 * vowel signs of Devanagari, the isolates and marks of right-to-left text), one for any other,
 * and one for every character below U+0300 (Latin and its neighbours). ICU's character properties
 * say which is which, but loading them costs a command line some 30 ms; the build writes every
 * character's width as ICU gives it to {@value #FILE} ({@link LocaleDataCompiler}), ranges of
 * characters of one width, and this class looks them up. Tests compare every code point with ICU.
 */
public final class Columns {
    /** The widths of all characters, on the class path. */
    public static final String FILE = "knowledge/columns.bin";
    private static final int MAGIC = 0x50434f31; // "PCO1"
    /** Below the first combining marks every character takes one column (the fast path for Latin text). */
    private static final int COMBINING_MARKS = 0x300;

    private static volatile @Nullable Columns table;

    /** The columns of every character. */
    private final CodePointRanges widths;

    private Columns(CodePointRanges widths) {
        this.widths = widths;
    }

    /** The columns a text takes in a terminal. */
    public static int of(String text) {
        int n = 0;
        Columns t = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < COMBINING_MARKS) {
                n++;
                continue;
            }
            if (t == null) {
                t = table();
            }
            n += t == null ? icu(cp) : t.width(cp);
        }
        return n;
    }

    /** The columns of one character, as ICU's properties give them. */
    static int icu(int cp) {
        if (cp < COMBINING_MARKS) {
            return 1;
        }
        int type = UCharacter.getType(cp);
        if (type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK
                || type == UCharacterCategory.FORMAT) {
            return 0;
        }
        int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        return eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH ? 2 : 1;
    }

    /** The columns of one character, from the table. */
    int width(int cp) {
        return widths.get(cp);
    }

    /** The table from the class path, read once; null when the build wrote none (ICU then answers). */
    static @Nullable Columns table() {
        Columns t = table;
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

    /** Every character's width as ICU gives it, in ranges: the file the build writes. */
    static byte[] encode() {
        CodePointRanges widths = CodePointRanges.of(Columns::icu);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(widths.size());
            for (int i = 0; i < widths.size(); i++) {
                out.writeInt(widths.start(i));
                out.writeByte(widths.value(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The table a file holds. */
    static Columns decode(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        if (bytes.length < 8 || in.getInt() != MAGIC) {
            throw new IllegalStateException(FILE + " is not a table of character widths");
        }
        int n = in.getInt();
        if (n < 1 || (long) n * 5 != bytes.length - 8) {
            throw new IllegalStateException(FILE + " is damaged: " + n + " ranges in " + bytes.length + " bytes");
        }
        int[] starts = new int[n];
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = in.getInt();
            widths[i] = in.get();
            if ((i == 0 ? starts[i] != 0 : starts[i] <= starts[i - 1]) || widths[i] < 0 || widths[i] > 2) {
                throw new IllegalStateException(FILE + " is damaged at range " + i);
            }
        }
        return new Columns(new CodePointRanges(starts, widths));
    }
}
