package dev.portolan.cli;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.Transport;
import dev.portolan.inspect.Note;
import dev.portolan.knowledge.page.Text;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.knowledge.text.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The language of one run of the program and the sentences it says in it: ICU messages of the
 * command line's bundle {@value #BUNDLE} (English root, one file per language of {@link
 * Languages}), in the language asked for with {@code --lang}, else the environment's. Made once
 * per run; the bundle is read on the first sentence, so a command that says none does not pay for
 * it, and the page bundle only when a command quotes the knowledge ({@link #pages()}). English, the
 * default, costs no ICU at all: {@link Messages} formats English without it.
 *
 * <p>In a right-to-left language, {@link Messages} isolates the left-to-right runs of a sentence
 * (addresses, commands, names) with U+2066..U+2069, which terminals show as nothing; they keep
 * {@code 0.0.0.0:22} whole in a terminal that lays out bidirectional text.
 */
final class CliText {
    /** The base name of the command line's sentences. */
    static final String BUNDLE = "cli/messages";

    /** The environment variables that name the language of messages, strongest first (POSIX). */
    static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_MESSAGES", "LANG");

    private static final CliText ENGLISH = new CliText("en");

    private final String code;
    private @Nullable Messages messages;
    private @Nullable Messages pages;

    private CliText(String code) {
        this.code = code;
    }

    /** English, the language of the root bundle. */
    static CliText english() {
        return ENGLISH;
    }

    /**
     * The language to write in: the one asked for (refused, with the list, when it is not one of
     * Portolan's), else the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty
     * ({@code de_DE.UTF-8} is German) when it is one of them, else English ({@code C}, {@code
     * POSIX} and other languages included).
     *
     * @param asked the value of {@code --lang}, or null
     * @throws InvalidQueryException if {@code asked} names no language of Portolan
     */
    static CliText choose(@Nullable String asked, Map<String, String> env) throws InvalidQueryException {
        CliText environment = fromEnvironment(env);
        if (asked == null) {
            return environment;
        }
        String found = Languages.findCode(asked).orElse(null);
        if (found == null) {
            // said in the environment's language: the one asked for is not known
            throw environment.refusal("error.lang", "value", CommonOptions.printable(asked),
                    "codes", String.join(", ", Languages.codes()));
        }
        return found.equals(ENGLISH.code) ? ENGLISH : new CliText(found);
    }

    /** The language the environment names, English when it names none Portolan is written in. */
    static CliText fromEnvironment(Map<String, String> env) {
        for (String name : LOCALE_VARIABLES) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                // the first one set decides, even when it is C or a language Portolan lacks
                String code = Languages.findCode(value).orElse(ENGLISH.code);
                return code.equals(ENGLISH.code) ? ENGLISH : new CliText(code);
            }
        }
        return ENGLISH;
    }

    /** The language's code, as {@code --lang} takes it ({@code de}). */
    String code() {
        return code;
    }

    /** The language. */
    ULocale locale() {
        return Languages.find(code).orElse(Languages.root());
    }

    /** Whether the language is written right to left. */
    boolean rightToLeft() {
        return messages().rightToLeft();
    }

    /** The sentence of a key of {@value #BUNDLE}, with named arguments given as pairs. */
    String say(String key, Object... namesAndValues) {
        return messages().format(key, namesAndValues);
    }

    /** The sentence of a note of the inspection (its keys are in {@value #BUNDLE}). */
    String say(Note note) {
        return messages().format(text(note));
    }

    private static Text text(Note note) {
        List<Object> pairs = new ArrayList<>();
        for (Map.Entry<String, Object> a : note.args().entrySet()) {
            pairs.add(a.getKey());
            pairs.add(a.getValue() instanceof Note n ? text(n) : a.getValue());
        }
        return Text.of(note.key(), pairs.toArray());
    }

    /** Items in a row, {@code tcp, udp}, in this language's way ({@code list.join}). */
    String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        String out = items.get(0);
        for (String item : items.subList(1, items.size())) {
            out = say("list.join", "list", out, "item", item);
        }
        return out;
    }

    /** The transports' names in a row: {@code tcp}, or {@code tcp, udp}. */
    String transports(List<Transport> transports) {
        if (transports.size() == 1) {
            return transports.get(0).id();
        }
        List<String> ids = new ArrayList<>();
        for (Transport t : transports) {
            ids.add(t.id());
        }
        return list(ids);
    }

    /** A refusal of bad input, in this language. */
    InvalidQueryException refusal(String key, Object... namesAndValues) {
        return new InvalidQueryException(say(key, namesAndValues));
    }

    /** The page sentences in this language, for what a command quotes of the knowledge. */
    Messages pages() {
        if (pages == null) {
            // without an ICU locale: see Messages.of(String)
            pages = Messages.of(code);
        }
        return pages;
    }

    private Messages messages() {
        if (messages == null) {
            messages = Messages.of(code, List.of(BUNDLE));
        }
        return messages;
    }
}
