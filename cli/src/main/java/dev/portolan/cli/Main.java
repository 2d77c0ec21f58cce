package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortolanException;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.SnapshotRejectedException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code portolan} program. */
@Command(name = "portolan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Explains every network port, with sources: the IANA registry, offline.", ""},
        footer = {"", "A bare 'portolan 443' means 'portolan lookup 443'.",
            "Exit codes: 0 done, 1 failure (network, disk), 2 bad input (nothing changed);",
            "check: 1 when the port is taken; audit: 1 when it has findings."})
public final class Main implements Runnable {
    /** The commands, by name, in the order of the help. */
    private static final Map<String, Class<?>> COMMANDS = commands("lookup", LookupCommand.class,
            "search", SearchCommand.class, "explain", ExplainCommand.class, "history", HistoryCommand.class,
            "diff", DiffCommand.class, "import", ImportCommand.class,
            "update", UpdateCommand.class, "status", StatusCommand.class, "feedback", FeedbackCommand.class,
            "listening", ListeningCommand.class, "who", WhoCommand.class, "check", CheckCommand.class,
            "suggest", SuggestCommand.class, "free", FreeCommand.class, "audit", AuditCommand.class,
            "serve", ServeCommand.class, "export", ExportCommand.class);
    /**
     * The last command, picocli's own help, named apart: its class is read only when picocli
     * parses the command line (a Java 5 class file, which the class-data archive cannot hold, so
     * naming it above read it from the jar at every start).
     */
    private static final String HELP = "help";

    private final Console console;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Main(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, new Console(out, err, System.getenv(), Console.Terminal.ofThisProcess()));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; nothing is thrown. */
    static int run(String[] rawArgs, Console console) {
        return run(rawArgs, console, true);
    }

    /**
     * Runs one command line; {@code fastPath} false sends every command line through picocli (for
     * the tests that compare both paths).
     */
    static int run(String[] rawArgs, Console console, boolean fastPath) {
        return run(rawArgs, console, fastPath, null);
    }

    /**
     * Runs one command line with the given local inspection (sockets and malware source) for the
     * commands that inspect this machine; null for {@link LocalInspection#standard()}, created
     * only when such a command runs.
     */
    static int run(String[] rawArgs, Console console, boolean fastPath, @Nullable LocalInspection inspection) {
        String[] args = withDefaultCommand(rawArgs);
        boolean debug = Arrays.asList(args).contains("--debug");
        Callable<Integer> direct = fastPath ? FastPath.parse(args, console, inspection) : null;
        if (direct != null) {
            return runDirectly(direct, console, debug);
        }
        return Picocli.run(args, console, inspection, debug);
    }

    /**
     * Runs a command line through picocli, when the fast path declines it. A class of its own:
     * picocli's classes are Java 5 class files, which the class-data archive cannot hold, and the
     * checks of a class that hands picocli its factory read them from the jar when the class is
     * loaded, which {@link Main} is at every start.
     */
    private static final class Picocli {
        private Picocli() {}

        static int run(String[] args, Console console, @Nullable LocalInspection inspection, boolean debug) {
            Factory factory = new Factory(console, inspection);
            CommandLine cl = new CommandLine(new Main(console), factory);
            // picocli builds a command's model from its annotations by reflection, which costs a
            // short command line more than its own work: only the command named is built, unless
            // the line names none (or asks for help on any), when all are.
            String named = commandNamed(args);
            try {
                for (Map.Entry<String, Class<?>> c : COMMANDS.entrySet()) {
                    if (named == null || named.equals(HELP) || named.equals(c.getKey())) {
                        cl.addSubcommand(c.getKey(), factory.create(c.getValue()));
                    }
                }
                if (named == null || named.equals(HELP)) {
                    cl.addSubcommand(HELP, factory.create(CommandLine.HelpCommand.class));
                }
            } catch (Exception e) {
                throw new IllegalStateException("a command cannot be built: " + e, e);
            }
            cl.setUnmatchedOptionsArePositionalParams(true);
            cl.setCaseInsensitiveEnumValuesAllowed(true);
            cl.setOut(console.out());
            cl.setErr(console.err());
            cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
                console.err().println("portolan: " + message(ex));
                if (debug) {
                    ex.printStackTrace(console.err());
                }
                console.err().flush();
                return exitCode(ex);
            });
            cl.setParameterExceptionHandler((ex, a) -> {
                console.err().println("portolan: " + ex.getMessage() + " (see: "
                        + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
                if (debug) {
                    ex.printStackTrace(console.err());
                }
                console.err().flush();
                return ExitCode.BAD_INPUT;
            });
            int code = cl.execute(args);
            console.out().flush();
            return code;
        }
    }

    /**
     * The table of commands from pairs of name and class. The names are written out, not read from
     * the annotations, which would cost every command line the reflection the fast path avoids
     * (a test checks they agree).
     */
    private static Map<String, Class<?>> commands(Object... namesAndTypes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            byName.put((String) namesAndTypes[i], (Class<?>) namesAndTypes[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    /** The commands by name (all but help), for tests. */
    static Map<String, Class<?>> commands() {
        return COMMANDS;
    }

    /** The command a command line names, or null when its first word is an option or unknown. */
    private static @Nullable String commandNamed(String[] args) {
        for (String a : args) {
            if (!a.equals("--debug")) {
                return COMMANDS.containsKey(a) || a.equals(HELP) ? a : null;
            }
        }
        return null;
    }

    /** {@code portolan 443} means {@code portolan lookup 443}. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0) {
            return args;
        }
        int at = 0;
        while (at < args.length - 1 && args[at].equals("--debug")) {
            at++;
        }
        String first = args[at];
        boolean option = first.startsWith("-") && !FastPath.isNumberLike(first);
        if (COMMANDS.containsKey(first) || first.equals(HELP) || option) {
            return args;
        }
        String[] out = new String[args.length + 1];
        System.arraycopy(args, 0, out, 0, at);
        out[at] = "lookup";
        System.arraycopy(args, at, out, at + 1, args.length - at);
        return out;
    }

    private static int runDirectly(Callable<Integer> command, Console console, boolean debug) {
        try {
            return command.call();
        } catch (Exception ex) {
            console.out().flush();
            console.err().println("portolan: " + message(ex));
            if (debug) {
                ex.printStackTrace(console.err());
            }
            console.err().flush();
            return exitCode(ex);
        }
    }

    private static String message(Exception ex) {
        if (ex instanceof PortolanException) {
            return ex.getMessage();
        }
        return "internal error: " + ex + " (run again with --debug for details, and please report it)";
    }

    private static int exitCode(Exception ex) {
        if (ex instanceof InvalidQueryException || ex instanceof RegistryFormatException
                || ex instanceof SnapshotRejectedException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.FAILURE;
    }

    @Override
    public void run() {
        // The command line picocli built (with this program's factory), not a new one.
        spec.commandLine().usage(console.out());
        console.out().flush();
    }

    /** Reports the program's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {version()};
        }
    }

    /** What {@code portolan --version} prints: the program and the version of this build. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "portolan " + (v == null ? "(development build)" : v);
    }

    /** Gives every command the console of this run. */
    private static final class Factory implements CommandLine.IFactory {
        private final Console console;
        private final @Nullable LocalInspection inspection;

        Factory(Console console, @Nullable LocalInspection inspection) {
            this.console = console;
            this.inspection = inspection;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            // A command that inspects this machine takes the inspection; the others, the console.
            for (var ctor : cls.getDeclaredConstructors()) {
                Class<?>[] params = ctor.getParameterTypes();
                if (params.length == 2 && params[0] == Console.class && params[1] == LocalInspection.class) {
                    return cls.cast(ctor.newInstance(console, inspection != null ? inspection : LocalInspection.standard()));
                }
                if (params.length == 1 && params[0] == Console.class) {
                    return cls.cast(ctor.newInstance(console));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
