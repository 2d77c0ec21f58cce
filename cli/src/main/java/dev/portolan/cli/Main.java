package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortolanException;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.SnapshotRejectedException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code portolan} program. */
@Command(name = "portolan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Explains every network port, with sources: the IANA registry, offline.", ""},
        subcommands = {LookupCommand.class, SearchCommand.class, ExplainCommand.class, ImportCommand.class,
            UpdateCommand.class, StatusCommand.class, FeedbackCommand.class, ListeningCommand.class, WhoCommand.class,
            CheckCommand.class, SuggestCommand.class, FreeCommand.class, AuditCommand.class, ServeCommand.class, ExportCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "A bare 'portolan 443' means 'portolan lookup 443'.",
            "Exit codes: 0 done, 1 failure (network, disk), 2 bad input (nothing changed);",
            "check: 1 when the port is taken; audit: 1 when it has findings."})
public final class Main implements Runnable {
    private static final Set<String> COMMANDS = Set.of("lookup", "search", "explain", "import", "update", "status",
            "feedback", "listening", "who", "check", "suggest", "free", "audit", "serve", "export", "help");

    private final Console console;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Main(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, new Console(out, err, System.getenv(), System.console() != null));
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
        Callable<Integer> direct = fastPath ? FastPath.parse(args, console) : null;
        if (direct != null) {
            return runDirectly(direct, console, debug);
        }
        CommandLine cl = new CommandLine(new Main(console), new Factory(console, inspection));
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
        if (COMMANDS.contains(first) || option) {
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
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"portolan " + (v == null ? "(development build)" : v)};
        }
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
            List<Class<?>> inspecting = List.of(ListeningCommand.class, WhoCommand.class, CheckCommand.class,
                    SuggestCommand.class, FreeCommand.class, AuditCommand.class);
            if (inspecting.contains(cls)) {
                var ctor = cls.getDeclaredConstructor(Console.class, LocalInspection.class);
                return ctor.newInstance(console, inspection != null ? inspection : LocalInspection.standard());
            }
            List<Class<?>> withConsole = List.of(LookupCommand.class, SearchCommand.class, ExplainCommand.class,
                    ImportCommand.class, UpdateCommand.class, StatusCommand.class, FeedbackCommand.class,
                    ServeCommand.class, ExportCommand.class);
            if (withConsole.contains(cls)) {
                var ctor = cls.getDeclaredConstructor(Console.class);
                return ctor.newInstance(console);
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
