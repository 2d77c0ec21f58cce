package dev.portolan.knowledge.page;

import com.ibm.icu.text.BreakIterator;
import dev.portolan.knowledge.text.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sentences a page says twice: the same sentence in two places, or a sentence that another one
 * begins with and goes on after a semicolon or a colon (“The embedded registry data does not carry
 * IANA’s reports of unauthorized use.” and “The embedded registry data does not carry IANA’s
 * reports of unauthorized use; import the full registry to see them.”).
 *
 * <p>A page's sentences are those of its sections, its questions and answers and its related
 * ports, split at the language's sentence breaks (but for German not after the day of a date,
 * "4. Januar", which ICU takes for a sentence's end). Pieces shorter than {@value #SHORTEST}
 * characters are left out: they are fragments of quoted registry data (“I/O Comm.”), not
 * sentences of the page.
 */
final class RepeatedSentences {
    static final int SHORTEST = 20;
    /** A piece that ends with a day of the month and its period, before the month's name. */
    private static final java.util.regex.Pattern ORDINAL_DAY = java.util.regex.Pattern.compile("(^|\\s)\\d{1,2}\\.\\s*$");

    private RepeatedSentences() {}

    /** The sentences {@code page} says more than once, in {@code messages}' language; empty when none. */
    static List<String> in(Messages messages, PortPage page) {
        List<String> sentences = new ArrayList<>();
        Messages.Sentences formatted = messages.sentences();
        BreakIterator breaks = BreakIterator.getSentenceInstance(messages.locale());
        for (Text t : page.bodyTexts()) {
            sentences.addAll(split(breaks, formatted.format(t), messages.locale().getLanguage().equals("de")));
        }
        // Where each sentence stands, and where sentences that go on after a semicolon or colon begin.
        Map<String, Set<Integer>> whole = new HashMap<>();
        Map<String, Set<Integer>> begun = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            whole.computeIfAbsent(normal(s), k -> new TreeSet<>()).add(i);
            for (int at = 0; at < s.length(); at++) {
                char c = s.charAt(at);
                if (c == ';' || c == ':' || c == '；' || c == '：') {
                    begun.computeIfAbsent(normal(s.substring(0, at)), k -> new TreeSet<>()).add(i);
                }
            }
        }
        Set<String> out = new TreeSet<>();
        whole.forEach((s, at) -> {
            Set<Integer> others = new TreeSet<>(begun.getOrDefault(s, Set.of()));
            others.removeAll(at);
            if (at.size() > 1 || !others.isEmpty()) {
                out.add(s);
            }
        });
        return List.copyOf(out);
    }


    private static List<String> split(BreakIterator breaks, String text, boolean ordinalDays) {
        breaks.setText(text);
        List<String> out = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            // German writes the day of a date as an ordinal, "4. Januar 2023": a break after it
            // cuts a date, not a sentence.
            if (ordinalDays && ORDINAL_DAY.matcher(text.substring(start, end)).find()) {
                continue;
            }
            String s = text.substring(start, end).strip();
            start = end;
            if (normal(s).length() >= SHORTEST) {
                out.add(s);
            }
        }
        String rest = text.substring(start).strip();
        if (normal(rest).length() >= SHORTEST) {
            out.add(rest);
        }
        return out;
    }

    /** Without the spaces and punctuation that end it. */
    private static String normal(String s) {
        int end = s.length();
        while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || ".;:。；：".indexOf(s.charAt(end - 1)) >= 0)) {
            end--;
        }
        return s.substring(0, end).strip();
    }
}
