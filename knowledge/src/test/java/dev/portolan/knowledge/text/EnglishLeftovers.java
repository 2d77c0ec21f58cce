package dev.portolan.knowledge.text;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import dev.portolan.knowledge.page.Block;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.Section;
import dev.portolan.knowledge.page.Text;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a page in another language still says in English, and what a page in any language
 * shows unformatted: a message key, an argument in braces, {@code null}, or an argument that is
 * shown although it is empty (“assigns port 24 to the services .”).
 *
 * <p>English that is data stays: the registry's service names, descriptions, people, notes and
 * reports, names of software and malware, system names and versions, commands, citation titles,
 * publishers and links. These are not listed by hand but taken from the page itself: every string
 * a message shows as is ({@code {service}}, {@code {description}}, not a {@code select} keyword),
 * every registry record and command line, every footnote. What remains once they are cut out of
 * the page's text is ours, and must not contain English.
 *
 * <p>A sentence (text between sentence punctuation or line breaks) is English when it holds two
 * or more English marker words: frequent function words and the words our pages are made of
 * ({@code the}, {@code is}, {@code registry}, {@code assigned}...). Technical tokens such as TCP,
 * IANA or SSH are no markers, and single English words kept as names or terms (“Assigned
 * Numbers”, “Expert Review”) stay below two. A marker that is also an ordinary word of the page's
 * language (German “Port”, French “on”, Portuguese “as”, Vietnamese “to”) does not count on that
 * language's pages.
 *
 * <p>The bundles are checked the same way, every branch of every message included, and a message
 * or a branch of one that reads exactly as in English and holds a marker is English too: that
 * catches short labels (“Reserved”, “Dynamic ports”) that a sentence rule lets pass.
 */
final class EnglishLeftovers {
    /** English words that mark an English sentence: function words and the words of our pages. */
    static final Set<String> MARKERS = Set.of(
            // function words
            "the", "a", "an", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
            "those", "they", "their", "there", "here", "which", "what", "when", "who", "why", "and", "or", "but",
            "not", "no", "yes", "nothing", "if", "than", "then", "of", "in", "to", "for", "with", "by", "from", "on",
            "at", "into", "through", "about", "as", "so", "can", "may", "will", "would", "should", "do", "does",
            "has", "have", "only", "also", "any", "every", "each", "other", "such", "because", "unless", "you",
            "your",
            // the words of our pages
            "port", "ports", "number", "even", "odd", "listen", "listens", "listening", "connect",
            "connection", "connections", "registry", "record", "records", "assigned", "unassigned", "reserved",
            "registered", "assignee", "references", "service", "services", "programs", "system", "user", "used",
            "uses", "dynamic", "ephemeral", "privileged", "privileges", "outgoing", "browser", "history", "security",
            "related", "sources", "frequently", "asked", "questions", "matters", "commands", "run", "match",
            "exactly", "version", "boundary", "printed", "retired", "lists", "between", "talking", "updated",
            "imported", "embedded", "copy", "file", "modified", "unauthorized", "reported", "bound", "managing",
            "sharing", "collecting", "printing");

    /** Markers that are also ordinary words of a language, by language code. */
    static final Map<String, Set<String>> HOMOGRAPHS = Map.of(
            "de", Set.of("port", "ports", "in", "an", "so", "was", "will", "listen", "registry", "services", "system",
                    "browser", "version"),
            "fr", Set.of("a", "on", "or", "as", "but", "port", "ports", "service", "services", "sources", "questions",
                    "version"),
            "es", Set.of("a", "no"),
            "pt", Set.of("a", "as", "no", "do"),
            "id", Set.of("port", "ports", "browser", "file"),
            "vi", Set.of("a", "an", "in", "to", "do", "can", "the"));

    /** A marker count from which a sentence is English. */
    static final int SENTENCE_MARKERS = 2;
    /** A private-use character that no message holds, to see whether an argument is shown. */
    private static final String EMPTY_MARK = "\uE000";
    /** What stands for cut-out data in the sentences a problem quotes. */
    static final String DATA = "…";

    private static final Pattern DOTTED = Pattern.compile("[\\p{L}\\p{N}_-]+(?:\\.[\\p{L}\\p{N}_-]+)+");
    private static final Pattern NULL = Pattern.compile("\\bnull\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;:。！？；：؟۔।\\n]+");
    private static final Pattern MARKER_NUMBER = Pattern.compile("\\[\\d+]");
    private static final Map<String, Set<String>> SHOWN_AS_IS = new ConcurrentHashMap<>();
    /**
     * A name in title case: two or more capitalized words, maybe joined by “of”, “the”, “on” or
     * “and” (Quote of the Day, Web Services on Devices, Net.TCP Port Sharing).
     */
    private static final Pattern TITLE_CASE = Pattern.compile(
            "\\b[A-Z][\\p{L}\\p{N}.]*(?:(?: (?:of|the|on|and))* [A-Z][\\p{L}\\p{N}.]*)+\\b");
    private static final Pattern CAPITALIZED = Pattern.compile("\\b[A-Z][a-z]+\\b");
    /** Function words that start a sentence rather than a name (“On TCP”, “The Registry”). */
    private static final Set<String> SENTENCE_STARTS = Set.of("On", "The", "In", "If", "It", "This", "That", "When",
            "What", "Which", "Who", "Why", "And", "Or", "But", "No", "Yes", "Each", "Every", "Any", "Other", "To", "For",
            "With", "By", "From", "At", "As", "So", "Only", "Also", "Port", "Ports");
    /**
     * The names our English messages give in title case: the names of protocols and documents
     * (Remote Job Entry, Quote of the Day, Initial Connection Protocol) that stay as they are in
     * every language, as the names of software do.
     */
    static final Set<String> NAMES = names();

    /**
     * One thing wrong on a page or in a bundle.
     *
     * @param language the language code
     * @param where {@code port 443} or {@code message faq.what.q}
     * @param what what is wrong, quoting the offending text
     */
    record Problem(String language, String where, String what) {
        @Override
        public String toString() {
            return language + ", " + where + ": " + what;
        }
    }

    private final ULocale language;
    private final String code;
    private final Messages messages;
    private final Messages english = Messages.of(ULocale.ENGLISH);
    private final Set<String> markers;
    private final List<String> keyStarts;

    EnglishLeftovers(ULocale language) {
        this.language = language;
        this.code = Languages.code(language);
        this.messages = Messages.of(language);
        Set<String> m = new HashSet<>(MARKERS);
        m.removeAll(HOMOGRAPHS.getOrDefault(code, Set.of()));
        this.markers = Set.copyOf(m);
        Set<String> starts = new TreeSet<>();
        messages.keys().forEach(k -> starts.add(k.substring(0, k.indexOf('.') + 1)));
        this.keyStarts = List.copyOf(starts);
    }

    private boolean isEnglish() {
        return language.equals(english.locale());
    }

    /**
     * What is wrong with one page in this language; empty when the page is fully translated.
     *
     * @param rendered the page as {@link PlainTextPage} renders it in this language, unwrapped (a
     *     very wide width)
     */
    List<Problem> problems(PortPage page, String rendered) {
        String where = "port " + page.port();
        Set<Problem> out = new LinkedHashSet<>();
        // The messages of the page model that the plain text leaves out are checked as well.
        StringBuilder all = new StringBuilder(rendered);
        for (Text t : unrenderedTexts(page)) {
            all.append('\n').append(messages.format(t));
        }
        String text = MARKER_NUMBER.matcher(all).replaceAll("");
        Set<String> kept = new HashSet<>(data(page));
        kept.addAll(NAMES);
        String[] ourLines = withoutData(text, kept).split("\n", -1);
        for (String ours : ourLines) {
            // Data may hold braces (a configuration's ${jboss.http.port:8080}); ours must not.
            for (String brace : List.of("{", "}")) {
                if (ours.contains(brace)) {
                    out.add(new Problem(code, where, "an unfilled argument in " + around(ours, brace)));
                }
            }
            Matcher nulls = NULL.matcher(ours);
            if (nulls.find()) {
                out.add(new Problem(code, where, "“null” in " + around(ours, "null")));
            }
            for (String key : rawKeys(ours)) {
                out.add(new Problem(code, where, "the message key " + key + " shown raw in " + around(ours, key)));
            }
            if (!isEnglish()) {
                for (String sentence : englishSentences(ours)) {
                    out.add(new Problem(code, where, "English sentence «" + sentence + "»"));
                }
            }
        }
        for (Text t : texts(page)) {
            for (String name : emptyShown(t)) {
                out.add(new Problem(code, where, "message " + t.key() + " shows an empty {" + name + "}: «"
                        + messages.format(t) + "»"));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The arguments of a message that are empty (an empty string or list) and yet shown: a sentence
     * with a hole, such as “assigns port 24 to the services .”.
     */
    private List<String> emptyShown(Text t) {
        List<String> out = new ArrayList<>();
        Set<String> shown = shownAsIs(t.key());
        for (Map.Entry<String, Object> a : t.args().entrySet()) {
            Object v = a.getValue();
            boolean empty = v instanceof String s && s.isEmpty() || v instanceof List<?> l && l.isEmpty();
            if (empty && shown.contains(a.getKey())) {
                // Shown in the branch the other arguments select? Fill it with a mark and look for it.
                Map<String, Object> marked = new LinkedHashMap<>(t.args());
                marked.put(a.getKey(), EMPTY_MARK);
                if (messages.format(new Text(t.key(), marked, List.of())).contains(EMPTY_MARK)) {
                    out.add(a.getKey());
                }
            }
        }
        return out;
    }

    /** Message keys in a line of text. */
    private List<String> rawKeys(String line) {
        List<String> out = new ArrayList<>();
        // Every key starts with one of a few words and a dot; look for those before matching.
        for (String start : keyStarts) {
            for (int at = line.indexOf(start); at >= 0; at = line.indexOf(start, at + 1)) {
                Matcher dotted = DOTTED.matcher(line).region(at, line.length());
                if (dotted.lookingAt() && messages.has(dotted.group())) {
                    out.add(dotted.group());
                }
            }
        }
        return out;
    }

    /**
     * What is left in English in this language's page bundle: a message, or a branch of one (a
     * plural case no sampled page reaches), with an English sentence, or a message that reads
     * exactly as in English.
     */
    List<Problem> bundleProblems() {
        List<Problem> out = new ArrayList<>();
        if (!isEnglish()) {
            for (String key : new TreeSet<>(english.keys())) {
                out.addAll(messageProblems(key, Messages.pattern(messages, key), Messages.pattern(english, key)));
            }
        }
        return out;
    }

    /**
     * What is left in English in one message of this language, given its pattern and the English
     * one: a sentence of English in its words, or a part (the message around its arguments, or a
     * branch of a {@code select} or {@code plural}) that reads exactly as the same part in English.
     */
    List<Problem> messageProblems(String key, String own, String englishPattern) {
        List<Problem> out = new ArrayList<>();
        String where = "message " + key;
        for (String sentence : englishSentences(withoutData(literalText(own), NAMES))) {
            out.add(new Problem(code, where, "English sentence «" + sentence + "»"));
        }
        Map<String, String> englishParts = parts(englishPattern);
        parts(own).forEach((path, words) -> {
            if (words.equals(englishParts.get(path)) && markerCount(words) > 0) {
                out.add(new Problem(code, where, (path.isEmpty() ? "" : "the branch " + path + " ")
                        + "reads as in English: «" + words + "»"));
            }
        });
        return out;
    }

    /**
     * The words of each part of a pattern by its path: {@code ""} for the message around its
     * arguments, {@code count=one} for a branch, {@code range=other/count=one} for a branch in a
     * branch; arguments and nested branches are {@value #DATA}.
     */
    static Map<String, String> parts(String pattern) {
        MessagePattern mp = new MessagePattern(pattern);
        Map<String, String> out = new LinkedHashMap<>();
        parts(pattern, mp, 0, "", out);
        return out;
    }

    /** Collects the parts of the message starting at part {@code start}; returns the index of its MSG_LIMIT. */
    private static int parts(String pattern, MessagePattern mp, int start, String path, Map<String, String> out) {
        StringBuilder words = new StringBuilder();
        int i = start;
        int textFrom = mp.getPart(i).getLimit();
        for (i = start + 1; i < mp.countParts(); i++) {
            MessagePattern.Part part = mp.getPart(i);
            MessagePattern.Part.Type type = part.getType();
            if (type == MessagePattern.Part.Type.MSG_LIMIT) {
                words.append(pattern, textFrom, part.getIndex());
                break;
            }
            if (type == MessagePattern.Part.Type.ARG_START) {
                words.append(pattern, textFrom, part.getIndex()).append(DATA);
                String name = mp.getSubstring(mp.getPart(i + 1));
                int limit = mp.getLimitPartIndex(i);
                if (part.getArgType().hasPluralStyle() || part.getArgType() == MessagePattern.ArgType.SELECT) {
                    for (int j = i + 1; j < limit; j++) {
                        MessagePattern.Part p = mp.getPart(j);
                        if (p.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                            String branch = (path.isEmpty() ? "" : path + "/") + name + "=" + mp.getSubstring(p);
                            j++;
                            if (mp.getPart(j).getType() == MessagePattern.Part.Type.ARG_INT
                                    || mp.getPart(j).getType() == MessagePattern.Part.Type.ARG_DOUBLE) {
                                j++;
                            }
                            j = parts(pattern, mp, j, branch, out);
                        }
                    }
                }
                i = limit;
                textFrom = mp.getPart(limit).getLimit();
            } else if (type == MessagePattern.Part.Type.REPLACE_NUMBER) {
                words.append(pattern, textFrom, part.getIndex()).append(DATA);
                textFrom = part.getLimit();
            } else if (type == MessagePattern.Part.Type.SKIP_SYNTAX || type == MessagePattern.Part.Type.INSERT_CHAR) {
                words.append(pattern, textFrom, part.getIndex());
                if (type == MessagePattern.Part.Type.INSERT_CHAR) {
                    words.append((char) part.getValue());
                }
                textFrom = part.getLimit();
            }
        }
        out.put(path, words.toString().replaceAll("\\s+", " ").strip());
        return i;
    }

    /**
     * The words of a pattern: its text and the text of every branch, without argument names, styles
     * or {@code select} keywords, each argument replaced by {@value #DATA}.
     */
    static String literalText(String pattern) {
        MessagePattern mp = new MessagePattern(pattern);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < mp.countParts(); i++) {
            MessagePattern.Part part = mp.getPart(i);
            switch (part.getType()) {
                case ARG_START -> {
                    if (part.getArgType() == MessagePattern.ArgType.NONE
                            || part.getArgType() == MessagePattern.ArgType.SIMPLE) {
                        out.append(DATA);
                    }
                }
                case MSG_LIMIT -> out.append(' ');
                case REPLACE_NUMBER -> out.append(DATA);
                case INSERT_CHAR -> out.append((char) part.getValue());
                default -> {
                    // only text that follows these is literal
                }
            }
            MessagePattern.Part.Type type = part.getType();
            if (type == MessagePattern.Part.Type.MSG_START || type == MessagePattern.Part.Type.ARG_LIMIT
                    || type == MessagePattern.Part.Type.REPLACE_NUMBER || type == MessagePattern.Part.Type.SKIP_SYNTAX
                    || type == MessagePattern.Part.Type.INSERT_CHAR) {
                out.append(pattern, part.getLimit(), mp.getPart(i + 1).getIndex());
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static Set<String> names() {
        Messages english = Messages.of(ULocale.ENGLISH);
        Set<String> out = new HashSet<>();
        for (String key : english.keys()) {
            Matcher m = TITLE_CASE.matcher(literalText(Messages.pattern(english, key)));
            while (m.find()) {
                String name = m.group().replaceAll("\\.+$", "");
                // A sentence's first word is capitalized too: “On TCP” is no name.
                String first = name.substring(0, name.indexOf(' '));
                if (SENTENCE_STARTS.contains(first)) {
                    name = name.substring(first.length() + 1);
                }
                if (CAPITALIZED.matcher(name).results().count() >= 2 && name.contains(" ")) {
                    out.add(name);
                }
            }
        }
        return Set.copyOf(out);
    }

    /** The sentences of a text (data already cut out) with enough English markers to be English. */
    List<String> englishSentences(String ours) {
        List<String> out = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(ours)) {
            if (markerCount(sentence) >= SENTENCE_MARKERS) {
                out.add(sentence.strip());
            }
        }
        return out;
    }

    /** English markers in a piece of text, each occurrence counted. */
    int markerCount(String text) {
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean ascii = true;
            // A compound joined by hyphens is one word: German “Denial-of-Service-Angriffe” holds no “of”.
            while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-'
                    && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)))) {
                ascii &= text.charAt(i) < 128;
                i++;
            }
            // Markers are English words: a word with any other letter (Vietnamese “thể”) is none.
            if (ascii && markers.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                n++;
            }
        }
        return n;
    }

    /**
     * The text with every data string cut out, the longest that matches first, each replaced by
     * {@value #DATA} and the line breaks it held, so that lines stay in step.
     */
    static String withoutData(String text, Set<String> data) {
        Map<Character, List<String>> byFirst = new HashMap<>();
        BitSet first = new BitSet(Character.MAX_VALUE + 1);
        for (String d : data) {
            if (!d.isBlank()) {
                byFirst.computeIfAbsent(d.charAt(0), c -> new ArrayList<>()).add(d);
                first.set(d.charAt(0));
            }
        }
        byFirst.values().forEach(l -> l.sort(Comparator.comparingInt(String::length).reversed()));
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            String match = null;
            char c = text.charAt(i);
            // Data starts only where a word or number starts (see whole).
            boolean candidate = first.get(c) && (i == 0 || apart(text.charAt(i - 1), c));
            for (String d : candidate ? byFirst.get(c) : List.<String>of()) {
                if (text.startsWith(d, i) && whole(text, i, i + d.length())) {
                    match = d;
                    break;
                }
            }
            if (match == null) {
                out.append(text.charAt(i++));
            } else {
                out.append(DATA);
                match.chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i += match.length();
            }
        }
        return out.toString();
    }

    /**
     * Whether text[start, end) is not part of a longer number or Latin word: port 0 is cut out of
     * “port 0”, not out of “RFC 1700”; a service “ssh” not out of “sshd”.
     */
    private static boolean whole(String text, int start, int end) {
        return (start == 0 || apart(text.charAt(start - 1), text.charAt(start)))
                && (end == text.length() || apart(text.charAt(end), text.charAt(end - 1)));
    }

    /** Whether a character beside an edge of a data string leaves that edge a word boundary. */
    private static boolean apart(char outside, char edge) {
        return kind(outside) == 0 || kind(outside) != kind(edge);
    }

    /** 1 for a digit, 2 for a Latin letter, 0 for anything else. */
    private static int kind(char c) {
        if (Character.isDigit(c)) {
            return 1;
        }
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN ? 2 : 0;
    }

    /** Every string on a page that comes from data rather than from the bundles. */
    static Set<String> data(PortPage page) {
        Set<String> out = new HashSet<>();
        for (Text t : texts(page)) {
            out.addAll(data(t));
        }
        for (Section s : page.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Commands commands) {
                    commands.commands().forEach(c -> out.add(c.line()));
                } else if (b instanceof Block.Assignments table) {
                    for (Block.AssignmentRow r : table.rows()) {
                        out.add(r.service());
                        out.add(r.transport());
                        out.add(r.ports());
                        out.add(r.description());
                        out.addAll(r.assignees());
                        out.addAll(r.contacts());
                        out.addAll(r.notes());
                        out.addAll(r.unauthorized());
                        for (Block.Link l : r.references()) {
                            out.add(l.label());
                            out.add(l.url());
                        }
                    }
                }
            }
        }
        for (PortPage.Footnote f : page.footnotes()) {
            for (dev.portolan.knowledge.Citation c : f.sources()) {
                out.add(c.title());
                out.add(c.publisher());
                out.add(c.url());
            }
        }
        out.remove("");
        return out;
    }

    /** The strings a message and the messages nested in it show as they are. */
    static Set<String> data(Text t) {
        Set<String> out = new HashSet<>();
        Set<String> shown = shownAsIs(t.key());
        for (Map.Entry<String, Object> a : t.args().entrySet()) {
            collect(a.getValue(), shown.contains(a.getKey()), out);
        }
        return out;
    }

    private static void collect(Object value, boolean shown, Set<String> out) {
        if (value instanceof Text nested) {
            out.addAll(data(nested));
        } else if (value instanceof String s && shown) {
            out.add(s);
        } else if (value instanceof List<?> list) {
            list.forEach(o -> collect(o, shown, out));
        }
    }

    /** The arguments an English message shows as they are ({@code {name}}), not those it selects on. */
    static Set<String> shownAsIs(String key) {
        return SHOWN_AS_IS.computeIfAbsent(key, k -> {
            MessagePattern mp = new MessagePattern(Messages.pattern(Messages.of(ULocale.ENGLISH), k));
            Set<String> names = new HashSet<>();
            for (int i = 0; i < mp.countParts(); i++) {
                MessagePattern.Part part = mp.getPart(i);
                if (part.getType() == MessagePattern.Part.Type.ARG_START
                        && part.getArgType() == MessagePattern.ArgType.NONE) {
                    names.add(mp.getSubstring(mp.getPart(i + 1)));
                }
            }
            return Set.copyOf(names);
        });
    }

    /** Every message of a page, nested ones included, with the section headings and labels. */
    static List<Text> texts(PortPage page) {
        List<Text> top = new ArrayList<>();
        top.add(page.title());
        top.add(page.subtitle());
        top.add(page.summary());
        page.breadcrumbs().forEach(c -> top.add(c.label()));
        String port = Integer.toString(page.port());
        for (Section s : page.sections()) {
            top.add(Text.of("section." + s.id().id() + ".heading", "port", port));
            for (Block b : s.blocks()) {
                if (b instanceof Block.Paragraph p) {
                    top.addAll(p.sentences());
                } else if (b instanceof Block.Points points) {
                    top.addAll(points.items());
                } else if (b instanceof Block.Commands commands) {
                    commands.commands().forEach(c -> top.add(Text.of("command.platform." + c.platform())));
                } else if (b instanceof Block.Assignments table) {
                    top.add(Text.of("assignments.assignee"));
                    top.add(Text.of("assignments.references"));
                    table.rows().forEach(r -> top.add(Text.of("status." + r.status())));
                }
            }
        }
        for (PortPage.Faq q : page.faq()) {
            top.add(q.question());
            top.add(q.answer());
        }
        page.related().forEach(r -> top.add(r.reason()));
        top.add(page.data());
        List<Text> out = new ArrayList<>();
        top.forEach(t -> nested(t, out));
        return out;
    }

    private static void nested(Text t, List<Text> out) {
        out.add(t);
        for (Object v : t.args().values()) {
            if (v instanceof Text n) {
                nested(n, out);
            } else if (v instanceof List<?> list) {
                list.stream().filter(Text.class::isInstance).forEach(o -> nested((Text) o, out));
            }
        }
    }

    /** The messages of a page that {@link PlainTextPage} does not show: summary and breadcrumbs. */
    private static List<Text> unrenderedTexts(PortPage page) {
        List<Text> out = new ArrayList<>();
        out.add(page.summary());
        page.breadcrumbs().forEach(c -> out.add(c.label()));
        return out;
    }

    /** Up to 60 characters either side of a piece of a line, to quote it. */
    private static String around(String line, String piece) {
        int at = Math.max(0, line.indexOf(piece));
        int start = Math.max(0, at - 60);
        int end = Math.min(line.length(), at + piece.length() + 60);
        return "«" + (start > 0 ? "…" : "") + line.substring(start, end).strip() + (end < line.length() ? "…" : "")
                + "»";
    }
}
