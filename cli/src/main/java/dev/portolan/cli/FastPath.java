package dev.portolan.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * Runs the everyday command lines without picocli, whose model of even one command (built by
 * reflection from its annotations, with its converters and help) costs a command line twice the
 * JVM's own start (bench/README.md has the figures).
 *
 * <p>It reads {@code lookup}, {@code search}, {@code explain}, {@code history}, {@code diff},
 * {@code listening}, {@code who}, {@code check}, {@code free}, {@code suggest} and {@code status}: each command's
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
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // as picocli prints it, without reading picocli's classes (which the archive cannot hold)
            return new Callable<Integer>() {
                @Override
                public Integer call() {
                    console.out().println(Main.version());
                    console.out().flush();
                    return ExitCode.OK;
                }
            };
        }
        Grammar<? extends Callable<Integer>> grammar = grammar(args[0], console, inspection);
        Callable<Integer> command = grammar == null ? null : grammar.read(args);
        if (command != null && grammar.usesKnowledge) {
            dev.portolan.knowledge.Knowledge.decodeInBackground();
        }
        if (command != null && grammar.quotesKnowledge) {
            String code = quotes(grammar, command);
            // English is formatted without ICU: its locale is made only to wrap text
            if (code != null && (grammar.wrapsText || !code.equals("en"))) {
                dev.portolan.knowledge.text.Messages.prepareInBackground(code);
                if (grammar.wrapsText) {
                    dev.portolan.knowledge.text.PlainTextPage.prepareInBackground(code);
                }
            }
        }
        return command;
    }

    /** The language a grammar's command quotes the knowledge in (a capture of its type). */
    private static <K> @Nullable String quotes(Grammar<K> grammar, Object command) {
        @SuppressWarnings("unchecked")
        K k = (K) command;
        return grammar.quotes(k);
    }

    /** The same, for the commands that do not inspect this machine (and tests). */
    static @Nullable Callable<Integer> parse(String[] args, Console console) {
        return parse(args, console, null);
    }

    /** The grammar of a command this class reads, or null. */
    static @Nullable Grammar<? extends Callable<Integer>> grammar(String command, Console console,
            @Nullable LocalInspection given) {
        // Each grammar is a class of its own rather than a set of lambdas: linking a lambda costs a
        // command line's start about 0.2 ms, and the first one several more (bench/README.md).
        return switch (command) {
            case "lookup" -> new Grammar<>(new LookupCommand(console)) {
                @Override
                @Nullable String quotes(LookupCommand c) {
                    // the table quotes the knowledge in English under the records
                    return c.format == OutputFormat.table ? "en" : null;
                }

                @Override
                void argument(LookupCommand c, String a) {
                    c.args.add(a);
                }

                @Override
                boolean option(LookupCommand c, String name, String v) {
                    return switch (name) {
                        case "--format" -> (c.format = format(v)) != null;
                        default -> (c.transport = v) != null;
                    };
                }
            }.usesKnowledge().quotesKnowledge().positionals(1, Integer.MAX_VALUE)
                    .option("-f", "--format").option("-t", "--transport");
            case "search" -> new Grammar<>(new SearchCommand(console)) {
                @Override
                void argument(SearchCommand c, String a) {
                    c.words.add(a);
                }

                @Override
                boolean option(SearchCommand c, String name, String v) {
                    return switch (name) {
                        case "--format" -> (c.format = format(v)) != null;
                        case "--transport" -> (c.transport = v) != null;
                        case "--lang" -> (c.lang = v) != null;
                        default -> {
                            Long n = integer(v, 9);
                            yield n != null && (c.limit = n.intValue()) == n;
                        }
                    };
                }
            }.positionals(1, Integer.MAX_VALUE).option("-f", "--format").option("-t", "--transport")
                    .option("-n", "--limit").option("-l", "--lang");
            case "explain" -> new Grammar<>(new ExplainCommand(console)) {
                @Override
                @Nullable String quotes(ExplainCommand c) {
                    return language(c.language, console);
                }

                @Override
                void argument(ExplainCommand c, String a) {
                    c.port = a;
                }

                @Override
                boolean option(ExplainCommand c, String name, String v) {
                    return switch (name) {
                        case "--width" -> {
                            Long n = integer(v, 9);
                            yield n != null && (c.width = n.intValue()) == n;
                        }
                        default -> (c.language.lang = v) != null;
                    };
                }
            }.usesKnowledge().quotesKnowledge().wrapsText().positionals(1, 1)
                    .option("-w", "--width").option("-l", "--lang");
            case "history" -> new Grammar<>(new HistoryCommand(console)) {
                @Override
                void argument(HistoryCommand c, String a) {
                    c.port = a;
                }

                @Override
                boolean option(HistoryCommand c, String name, String v) {
                    return switch (name) {
                        case "--format" -> (c.format = format(v)) != null;
                        default -> (c.language.lang = v) != null;
                    };
                }
            }.positionals(1, 1).option("-f", "--format").option("-l", "--lang");
            case "diff" -> new Grammar<>(new DiffCommand(console)) {
                @Override
                void argument(DiffCommand c, String a) {
                    if (c.older.isEmpty()) {
                        c.older = a;
                    } else {
                        c.newer = a;
                    }
                }

                @Override
                boolean option(DiffCommand c, String name, String v) {
                    return switch (name) {
                        case "--format" -> (c.format = format(v)) != null;
                        default -> (c.language.lang = v) != null;
                    };
                }
            }.positionals(2, 2).option("-f", "--format").option("-l", "--lang");
            case "listening" -> new Grammar<>(new ListeningCommand(console, inspection(given))) {
                @Override
                void flag(ListeningCommand c, String name) {
                    if (!transport(c.transports, name)) {
                        c.established = true;
                    }
                }

                @Override
                boolean option(ListeningCommand c, String name, String v) {
                    return switch (name) {
                        case "--format" -> (c.format = format(v)) != null;
                        case "--from" -> (c.from = v) != null;
                        default -> (c.language.lang = v) != null;
                    };
                }
            }.transports().usesKnowledge().positionals(0, 0).flag("-e", "--established")
                    .option("-f", "--format").option("--from").option("-l", "--lang");
            case "who" -> new OnePort<>(new WhoCommand(console, inspection(given)), console);
            case "check" -> new OnePort<>(new CheckCommand(console, inspection(given)), console);
            case "free" -> new Grammar<>(new FreeCommand(console, inspection(given))) {
                @Override
                void flag(FreeCommand c, String name) {
                    if (!transport(c.transports, name)) {
                        if (name.equals("--yes")) {
                            c.yes = true;
                        } else {
                            c.dryRun = true;
                        }
                    }
                }

                @Override
                void argument(FreeCommand c, String a) {
                    c.port = a;
                }

                @Override
                boolean option(FreeCommand c, String name, String v) {
                    return switch (name) {
                        case "--grace" -> {
                            Long n = integer(v, 9);
                            yield n != null && (c.grace = n.intValue()) == n;
                        }
                        default -> (c.language.lang = v) != null;
                    };
                }
            }.transports().positionals(1, 1).flag("-y", "--yes").flag("-n", "--dry-run")
                    .option("--grace").option("-l", "--lang");
            case "suggest" -> new Grammar<>(new SuggestCommand(console, inspection(given))) {
                @Override
                void flag(SuggestCommand c, String name) {
                    transport(c.transports, name);
                }

                @Override
                boolean option(SuggestCommand c, String name, String v) {
                    return switch (name) {
                        case "--count" -> {
                            Long n = integer(v, 9);
                            yield n != null && (c.count = n.intValue()) == n;
                        }
                        case "--seed" -> (c.seed = integer(v, 18)) != null;
                        case "--format" -> (c.format = format(v)) != null;
                        default -> (c.language.lang = v) != null;
                    };
                }
            }.transports().usesKnowledge().positionals(0, 0).option("-n", "--count").option("--seed")
                    .option("-f", "--format").option("-l", "--lang");
            case "status" -> new Grammar<>(new StatusCommand(console)) {
                @Override
                boolean option(StatusCommand c, String name, String v) {
                    return (c.format = format(v)) != null;
                }
            }.positionals(0, 0).option("-f", "--format");
            default -> null;
        };
    }

    /** The inspection a command that inspects this machine gets; {@link LocalInspection#standard()} only names what to read. */
    private static LocalInspection inspection(@Nullable LocalInspection given) {
        return given != null ? given : LocalInspection.standard();
    }

    /** The code of the language a command will write in, or null when its option is not a language (it then says so). */
    private static @Nullable String language(LanguageOption option, Console console) {
        try {
            return option.text(console).code();
        } catch (dev.portolan.core.InvalidQueryException e) {
            return null;
        }
    }

    /** Sets {@code --tcp} or {@code --udp}; false for another flag. */
    private static boolean transport(TransportOptions t, String name) {
        switch (name) {
            case "--tcp" -> t.tcp = true;
            case "--udp" -> t.udp = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The options of a command about one port: {@code who} and {@code check}. */
    interface OnePortOptions {
        TransportOptions transports();

        LanguageOption language();

        OutputFormat format();

        void format(OutputFormat format);

        void port(String port);
    }

    /** The grammar of a command about one port: the port, {@code --tcp}/{@code --udp}, {@code --format}, {@code --lang}. */
    private static final class OnePort<K extends Callable<Integer> & OnePortOptions> extends Grammar<K> {
        private final Console console;

        OnePort(K command, Console console) {
            super(command);
            this.console = console;
            transports().usesKnowledge().quotesKnowledge().positionals(1, 1).option("-f", "--format")
                    .option("-l", "--lang");
        }

        @Override
        @Nullable String quotes(K c) {
            return c.format() == OutputFormat.table ? language(c.language(), console) : null;
        }

        @Override
        void flag(K c, String name) {
            transport(c.transports(), name);
        }

        @Override
        void argument(K c, String a) {
            c.port(a);
        }

        @Override
        boolean option(K c, String name, String v) {
            if (name.equals("--format")) {
                OutputFormat f = format(v);
                if (f != null) {
                    c.format(f);
                }
                return f != null;
            }
            c.language().lang = v;
            return true;
        }
    }

    /**
     * One command's command line: the options it takes (every spelling of each, the last the name
     * a grammar's methods are given) and how many arguments it takes; a grammar's class says what
     * each sets on the command. Every command takes {@code --debug}, which {@link Main} reads from
     * the whole line.
     *
     * @param <K> the command
     */
    abstract static class Grammar<K> {
        private final K command;
        private final Map<String, String> canonical = new HashMap<>();
        private final Set<String> flags = new HashSet<>();
        private final Set<String> options = new HashSet<>();
        private int fewest;
        private int most;
        private boolean usesKnowledge;
        private boolean quotesKnowledge;
        private boolean wrapsText;

        Grammar(K command) {
            this.command = command;
            flag("--debug");
        }

        /** Sets a flag on the command, by its last name. */
        void flag(K c, String name) {
            // --debug only
        }

        /** Sets an option on the command, by its last name; false when picocli must judge the value. */
        boolean option(K c, String name, String value) {
            return false;
        }

        /** Takes an argument. */
        void argument(K c, String a) {
            // none taken
        }

        /** The code of the language the command quotes the knowledge in, once the line is read, or null. */
        @Nullable String quotes(K c) {
            return null;
        }

        /** The command reads the curated knowledge, which is then decoded while it does other work. */
        Grammar<K> usesKnowledge() {
            usesKnowledge = true;
            return this;
        }

        /**
         * The command writes sentences of the pages in the language {@link #quotes} gives once the
         * line is read (null when it cannot tell): ICU's formatting is then prepared meanwhile.
         */
        Grammar<K> quotesKnowledge() {
            quotesKnowledge = true;
            return this;
        }

        /**
         * The command wraps the page's text for a terminal: ICU's line breaking and character
         * widths for the language of {@link #quotes} are then prepared meanwhile.
         */
        Grammar<K> wrapsText() {
            wrapsText = true;
            return this;
        }

        /** {@code --tcp} and {@code --udp}. */
        Grammar<K> transports() {
            return flag("--tcp").flag("--udp");
        }

        /** An option without value, under all its names. */
        Grammar<K> flag(String... names) {
            for (String n : names) {
                canonical.put(n, names[names.length - 1]);
            }
            flags.add(names[names.length - 1]);
            return this;
        }

        /** An option with a value, under all its names. */
        Grammar<K> option(String... names) {
            for (String n : names) {
                canonical.put(n, names[names.length - 1]);
            }
            options.add(names[names.length - 1]);
            return this;
        }

        /** How many arguments the command takes. */
        Grammar<K> positionals(int fewest, int most) {
            this.fewest = fewest;
            this.most = most;
            return this;
        }

        /** Every name of every option, for the test that compares them with picocli's model. */
        Map<String, Boolean> namesAndWhetherTheyTakeAValue() {
            Map<String, Boolean> out = new HashMap<>();
            for (Map.Entry<String, String> e : canonical.entrySet()) {
                out.put(e.getKey(), options.contains(e.getValue()));
            }
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
                    argument(command, a);
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
                if (flags.contains(c)) {
                    if (value != null) {
                        return null; // picocli judges a flag's value
                    }
                    if (!c.equals("--debug")) {
                        flag(command, c);
                    }
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
                if (!option(command, c, value)) {
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
