package dev.portolan.knowledge.search;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * How the search reads text, the same way for what it indexes and for what people type: words of
 * letters, digits and combining marks, case-folded and compatibility-normalized (NFKC), Latin and
 * Greek letters without their accents ({@code Télécharger} and {@code telecharger} are one word),
 * Arabic without its short-vowel marks, Russian ё as е. Runs of Chinese and Japanese characters,
 * written without spaces, become their overlapping pairs of characters ({@code 远程桌面} is
 * {@code 远程}, {@code 程桌} and {@code 桌面}), so that a query finds a text however a dictionary
 * would cut either; runs of Thai, Lao, Khmer or Burmese are cut into words with ICU's
 * dictionaries.
 *
 * <p>Hyphens and other punctuation separate words, so {@code ms-wbt-server} is three words; its
 * whole form is the words joined by single spaces ({@link #whole}), so that {@code ms wbt server}
 * and {@code MS-WBT-Server} name it as well.
 */
public final class SearchText {
    private SearchText() {}

    /** ICU's normalizers, loaded only for text that is not plain ASCII. */
    private static final class Icu {
        static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();
        static final Normalizer2 NFD = Normalizer2.getNFDInstance();
        static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    }

    /** The words of a text, normalized, in order, repeats kept. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        String folded = fold(text);
        int i = 0;
        int n = folded.length();
        while (i < n) {
            int c = folded.codePointAt(i);
            if (!isWordChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            boolean segmented = false;
            while (i < n) {
                c = folded.codePointAt(i);
                if (!isWordChar(c)) {
                    break;
                }
                segmented |= needsDictionary(c);
                i += Character.charCount(c);
            }
            String run = folded.substring(start, i);
            if (segmented) {
                split(run, out);
            } else {
                out.add(run);
            }
        }
        return out;
    }

    /** The whole form of a name: its words joined by single spaces ({@code ms wbt server}). */
    public static String whole(String name) {
        return String.join(" ", words(name));
    }

    /** Case-folded, NFKC, without Latin accents and Arabic short-vowel marks. */
    static String fold(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (ascii) {
            // What NFKC case folding does to ASCII, without loading ICU's data.
            return text.toLowerCase(java.util.Locale.ROOT);
        }
        String folded = Icu.FOLD.normalize(text);
        // Accents and vowel marks are only dropped where they decorate a letter that stays
        // readable without them; Devanagari or Bengali vowel signs are letters of the word.
        String d = Icu.NFD.normalize(folded);
        StringBuilder out = new StringBuilder(d.length());
        int base = UScript.COMMON;
        for (int i = 0; i < d.length(); ) {
            int c = d.codePointAt(i);
            i += Character.charCount(c);
            int type = UCharacter.getType(c);
            if (type == UCharacter.NON_SPACING_MARK) {
                // Russian ё is searched as е; й keeps its breve, as it is another letter.
                boolean drop = base == UScript.LATIN || base == UScript.GREEK || base == UScript.ARABIC
                        || base == UScript.CYRILLIC && c == 0x0308;
                if (drop) {
                    continue;
                }
            } else {
                base = UScript.getScript(c);
            }
            out.appendCodePoint(c);
        }
        return Icu.NFC.normalize(out);
    }

    private static boolean isWordChar(int c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Whether some letter of a text belongs to a script written without spaces between words. */
    private static boolean needsDictionary(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (needsDictionary(text.codePointAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a letter belongs to a script written without spaces between words. */
    private static boolean needsDictionary(int c) {
        if (c < 0x0e00) {
            return false;
        }
        int script = UScript.getScript(c);
        return script == UScript.HAN || script == UScript.HIRAGANA || script == UScript.KATAKANA
                || script == UScript.THAI || script == UScript.LAO || script == UScript.KHMER
                || script == UScript.MYANMAR;
    }

    /**
     * Adds the words of a run that holds letters of scripts written without spaces: Chinese and
     * Japanese characters as overlapping pairs, other letters (Latin, digits) as words, Thai and
     * its neighbours cut by ICU.
     */
    private static void split(String run, List<String> out) {
        int i = 0;
        while (i < run.length()) {
            int c = run.codePointAt(i);
            int start = i;
            boolean han = isHan(c);
            while (i < run.length() && isHan(run.codePointAt(i)) == han) {
                i += Character.charCount(run.codePointAt(i));
            }
            String part = run.substring(start, i);
            if (!han) {
                if (needsDictionary(part)) {
                    segment(part, out);
                } else {
                    out.add(part);
                }
            } else if (part.codePointCount(0, part.length()) == 1) {
                out.add(part);
            } else {
                int[] cps = part.codePoints().toArray();
                for (int k = 0; k + 1 < cps.length; k++) {
                    out.add(new String(cps, k, 2));
                }
            }
        }
    }

    private static boolean isHan(int c) {
        if (c < 0x3000) {
            return false;
        }
        int script = UScript.getScript(c);
        return script == UScript.HAN || script == UScript.HIRAGANA || script == UScript.KATAKANA
                || c == 0x30fc; // the katakana long-vowel mark
    }

    /** Cuts a run of letters with ICU's word dictionaries and adds its words. */
    private static void segment(String run, List<String> out) {
        BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
        words.setText(run);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (words.getRuleStatus() != BreakIterator.WORD_NONE) {
                out.add(run.substring(start, end));
            }
        }
    }
}
