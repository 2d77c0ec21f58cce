package dev.portolan.cli;

import com.ibm.icu.util.ULocale;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs the everyday command lines without picocli, whose model of even one command (built by
 * reflection from its annotations, with its converters and help) costs a command line twice the
 * JVM's own start (bench/README.md has the figures).
 *
 * <p>It reads {@code lookup}, {@code search}, {@code explain}, {@code history}, {@code diff},
 * {@code listening}, {@code who}, {@code check}, {@code free} and {@code suggest}: each command's
 * options as its {@link Grammar} lists them, in the forms {@code --format json}, {@code
 * --format=json} and {@code -f json}.
 * Anything else (another command, an option it does not list, {@code --help}, an option given
 * twice, a value that does not parse, a value that looks like an option, too few or too many
 * arguments, {@code --}, {@code @file}, joined short options) returns null and goes through
 * picocli, which then also reports any error. The commands' fields keep picocli's defaults, and
 * both paths run the same {@code call()}; tests compare their output over many command lines and
 * check that every option listed here is one picocli knows, with the same arity.
 */
final class FastPath {
    private FastPath() {}

    /**
     * The configured command, or null when picocli must handle this command line.
     *
     * @param inspection the local inspection for the commands that inspect this machine; null for
     *     {@link LocalInspection#standard()}
     */
    static @Nullable Callable<Integer> parse(String[] args, Console console, @Nullable LocalInspection inspection) {
        if (args.length == 0) {
            return null;
        }
        Grammar<? extends Callable<Integer>> grammar = grammar(args[0], console, inspection);
        Callable<Integer> command = grammar == null ? null : grammar.read(args);
        if (command != null && grammar.usesKnowledge) {
            dev.portolan.knowledge.Knowledge.decodeInBackground();
        }
        if (command != null && grammar.quotesKnowledge != null) {
            ULocale language = grammar.quotesKnowledge.get();
            if (language != null) {
                dev.portolan.knowledge.text.Messages.prepareInBackground(language);
                if (grammar.wrapsText) {
                    dev.portolan.knowledge.text.PlainTextPage.prepareInBackground(language);
                }
            }
        }
        return command;
    }

    /** The same, for the commands that do not inspect this machine (and tests). */
    static @Nullable Callable<Integer> parse(String[] args, Console console) {
        return parse(args, console, null);
    }

    /** The grammar of a command this class reads, or null. */
    static @Nullable Grammar<? extends Callable<Integer>> grammar(String command, Console console,
            @Nullable LocalInspection given) {
        // LocalInspection.standard() only names what to read; nothing is read before call().
        java.util.function.Supplier<LocalInspection> inspection =
                () -> given != null ? given : LocalInspection.standard();
        return switch (command) {
            case "lookup" -> {
                LookupCommand l = new LookupCommand(console);
                // the table quotes the knowledge in English under the records
                yield new Grammar<>(l).usesKnowledge()
                        .quotesKnowledge(() -> l.format == OutputFormat.table ? ULocale.ENGLISH : null)
                        .positionals(1, Integer.MAX_VALUE, (c, a) -> c.args.add(a))
                        .option((c, v) -> (c.format = format(v)) != null, "-f", "--format")
                        .option((c, v) -> (c.transport = v) != null, "-t", "--transport");
            }
            case "search" -> new Grammar<>(new SearchCommand(console))
                    .positionals(1, Integer.MAX_VALUE, (c, a) -> c.words.add(a))
                    .option((c, v) -> (c.format = format(v)) != null, "-f", "--format")
                    .option((c, v) -> (c.transport = v) != null, "-t", "--transport")
                    .option((c, v) -> {
                        Long n = integer(v, 9);
                        return n != null && (c.limit = n.intValue()) == n;
                    }, "-n", "--limit");
            case "explain" -> {
                ExplainCommand e = new ExplainCommand(console);
                yield new Grammar<>(e).usesKnowledge()
                    .quotesKnowledge(() -> language(e.language, console)).wrapsText()
                    .positionals(1, 1, (c, a) -> c.port = a)
                    .option((c, v) -> {
                        Long n = integer(v, 9);
                        return n != null && (c.width = n.intValue()) == n;
                    }, "-w", "--width")
                    .option((c, v) -> (c.language.lang = v) != null, "-l", "--lang");
            }
            case "history" -> new Grammar<>(new HistoryCommand(console))
                    .positionals(1, 1, (c, a) -> c.port = a)
                    .option((c, v) -> (c.format = format(v)) != null, "-f", "--format")
                    .option((c, v) -> (c.language.lang = v) != null, "-l", "--lang");
            case "diff" -> new Grammar<>(new DiffCommand(console))
                    .positionals(2, 2, (c, a) -> {
                        if (c.older.isEmpty()) {
                            c.older = a;
                        } else {
                            c.newer = a;
                        }
                    })
                    .option((c, v) -> (c.format = format(v)) != null, "-f", "--format")
                    .option((c, v) -> (c.language.lang = v) != null, "-l", "--lang");
            case "listening" -> {
                ListeningCommand l = new ListeningCommand(console, inspection.get());
                yield transports(new Grammar<>(l), l.transports).usesKnowledge()
                        .positionals(0, 0, (c, a) -> { })
                        .flag(c -> c.established = true, "-e", "--established")
                        .option((c, v) -> (c.format = format(v)) != null, "-f", "--format")
                        .option((c, v) -> (c.from = v) != null, "--from")
                        .option((c, v) -> (c.language.lang = v) != null, "-l", "--lang");
            }
            case "who" -> {
                WhoCommand w = new WhoCommand(console, inspection.get());
                yield transports(new Grammar<>(w), w.transports).usesKnowledge()
                        .quotesKnowledge(() -> w.format == OutputFormat.table ? language(w.language, console) : null)
                        .positionals(1, 1, (c, a) -> c.port = a)
                        .option((c, v) -> (c.format = format(v)) != null, "-f", "--format")
                        .option((c, v) -> (c.language.lang = v) != null, "-l", "--lang");
            }
            case "check" -> {
                CheckCommand k = new CheckCommand(console, inspection.get());
                yield transports(new Grammar<>(k), k.transports).usesKnowledge()
                        .quotesKnowledge(() -> k.format == OutputFormat.table ? language(k.language, console) : null)
                        .positionals(1, 1, (c, a) -> c.port = a)
                        .option((c, v) -> (c.format = format(v)) != null, "-f", "--format")
                        .option((c, v) -> (c.language.lang = v) != null, "-l", "--lang");
            }
            case "free" -> {
                FreeCommand f = new FreeCommand(console, inspection.get());
                yield transports(new Grammar<>(f), f.transports)
                        .positionals(1, 1, (c, a) -> c.port = a)
                        .flag(c -> c.yes = true, "-y", "--yes")
                        .flag(c -> c.dryRun = true, "-n", "--dry-run")
                        .option((c, v) -> {
                            Long n = integer(v, 9);
                            return n != null && (c.grace = n.intValue()) == n;
                        }, "--grace")
                        .option((c, v) -> (c.language.lang = v) != null, "-l", "--lang");
            }
            case "suggest" -> {
                SuggestCommand s = new SuggestCommand(console, inspection.get());
                yield transports(new Grammar<>(s), s.transports).usesKnowledge()
                        .positionals(0, 0, (c, a) -> { })
                        .option((c, v) -> {
                            Long n = integer(v, 9);
                            return n != null && (c.count = n.intValue()) == n;
                        }, "-n", "--count")
                        .option((c, v) -> (c.seed = integer(v, 18)) != null, "--seed")
                        .option((c, v) -> (c.format = format(v)) != null, "-f", "--format")
                        .option((c, v) -> (c.language.lang = v) != null, "-l", "--lang");
            }
            default -> null;
        };
    }

    /** The language a command will write in, or null when its option is not a language (it then says so). */
    private static @Nullable ULocale language(LanguageOption option, Console console) {
        try {
            return option.text(console).locale();
        } catch (dev.portolan.core.InvalidQueryException e) {
            return null;
        }
    }

    private static <K> Grammar<K> transports(Grammar<K> g, TransportOptions t) {
        return g.flag(c -> t.tcp = true, "--tcp").flag(c -> t.udp = true, "--udp");
    }

    /**
     * One command's command line: the options it takes (every spelling of each) and what each
     * sets on the command, and how many arguments it takes. Every command takes {@code --debug},
     * which {@link Main} reads from the whole line.
     *
     * @param <K> the command
     */
    static final class Grammar<K> {
        private final K command;
        private final Map<String, String> canonical = new HashMap<>();
        private final Map<String, Consumer<K>> flags = new HashMap<>();
        private final Map<String, BiPredicate<K, String>> options = new HashMap<>();
        private int fewest;
        private int most;
        private BiConsumer<K, String> argument = (c, a) -> { };
        private boolean usesKnowledge;
        private java.util.function.@Nullable Supplier<@Nullable ULocale> quotesKnowledge;
        private boolean wrapsText;

        Grammar(K command) {
            this.command = command;
            flag(c -> { }, "--debug");
        }

        /** The command reads the curated knowledge, which is then decoded while it does other work. */
        Grammar<K> usesKnowledge() {
            usesKnowledge = true;
            return this;
        }

        /**
         * The command writes sentences of the pages in the language {@code language} gives once the
         * line is read (null when it cannot tell): ICU's formatting is then prepared meanwhile.
         */
        Grammar<K> quotesKnowledge(java.util.function.Supplier<@Nullable ULocale> language) {
            quotesKnowledge = language;
            return this;
        }

        /**
         * The command wraps the page's text for a terminal: ICU's line breaking and character
         * widths for the language of {@link #quotesKnowledge} are then prepared meanwhile.
         */
        Grammar<K> wrapsText() {
            wrapsText = true;
            return this;
        }

        /** An option without value, under all its names. */
        Grammar<K> flag(Consumer<K> set, String... names) {
            for (String n : names) {
                canonical.put(n, names[names.length - 1]);
            }
            flags.put(names[names.length - 1], set);
            return this;
        }

        /** An option with a value; {@code set} answers false when picocli must judge the value. */
        Grammar<K> option(BiPredicate<K, String> set, String... names) {
            for (String n : names) {
                canonical.put(n, names[names.length - 1]);
            }
            options.put(names[names.length - 1], set);
            return this;
        }

        /** How many arguments the command takes, and where each goes. */
        Grammar<K> positionals(int fewest, int most, BiConsumer<K, String> add) {
            this.fewest = fewest;
            this.most = most;
            this.argument = add;
            return this;
        }

        /** Every name of every option, for the test that compares them with picocli's model. */
        Map<String, Boolean> namesAndWhetherTheyTakeAValue() {
            Map<String, Boolean> out = new HashMap<>();
            canonical.forEach((name, c) -> out.put(name, options.containsKey(c)));
            return out;
        }

        /** The command set from {@code args} (whose first word names it), or null for picocli. */
        @Nullable K read(String[] args) {
            Set<String> seen = new HashSet<>();
            int positional = 0;
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.isEmpty() || a.startsWith("@") || a.equals("--")) {
                    return null;
                }
                if (!a.startsWith("-") || isNumberLike(a)) {
                    if (++positional > most) {
                        return null;
                    }
                    argument.accept(command, a);
                    continue;
                }
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                String c = canonical.get(name);
                if (c == null || !seen.add(c)) {
                    return null; // unknown, or given twice: picocli says so
                }
                Consumer<K> flag = flags.get(c);
                if (flag != null) {
                    if (value != null) {
                        return null; // picocli judges a flag's value
                    }
                    flag.accept(command);
                    continue;
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        return null;
                    }
                    value = args[++i];
                    if (value.startsWith("-") && !isNumberLike(value)) {
                        return null; // picocli refuses an option name as a value; let it say so
                    }
                }
                if (!options.get(c).test(command, value)) {
                    return null;
                }
            }
            return positional < fewest ? null : command;
        }
    }

    /** {@code -1} and {@code +80} are (bad) port arguments, not options. */
    static boolean isNumberLike(String arg) {
        int i = arg.startsWith("-") || arg.startsWith("+") ? 1 : 0;
        return i < arg.length() && arg.charAt(i) >= '0' && arg.charAt(i) <= '9';
    }

    private static @Nullable OutputFormat format(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (OutputFormat f : OutputFormat.values()) {
            if (f.name().equals(v)) {
                return f;
            }
        }
        return null;
    }

    /** A decimal number of at most {@code digits} digits with an optional sign, or null. */
    private static @Nullable Long integer(String value, int digits) {
        int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
        if (start == value.length() || value.length() - start > digits) {
            return null;
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(value);
    }
}
