package dev.portolan.cli;

import dev.portolan.core.Transport;
import dev.portolan.inspect.LocalSocket;
import dev.portolan.inspect.Note;
import dev.portolan.inspect.SocketOwner;
import dev.portolan.inspect.SocketScan;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portolan free PORT}: who holds a port, the right way to stop it, and stopping it. A
 * systemd service is stopped with {@code systemctl stop} (killing its process would only have
 * systemd start it again); a container engine's proxy is never signalled (stop the container);
 * another process gets SIGTERM, then SIGKILL after a grace period. Init (pid 1), this program and
 * sockets without a visible process are refused with the reason.
 */
@Command(name = "free", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Stop what holds a port here: a systemd service with systemctl stop, another process with "
                + "SIGTERM, then SIGKILL after a grace period. Asks first on a terminal."},
        footer = {"", "Examples:", "  portolan free 3000 --dry-run", "  portolan free 8080/tcp --yes",
            "  portolan free 5173 --yes --grace 10"})
final class FreeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    TransportOptions transports = new TransportOptions();

    @Mixin
    LanguageOption language = new LanguageOption();

    @Parameters(paramLabel = "PORT", description = "A port (3000) or port/transport (53/udp).")
    String port = "";

    @Option(names = {"-y", "--yes"}, description = "Stop without asking (for scripts).")
    boolean yes;

    @Option(names = {"-n", "--dry-run"}, description = "Only say what would be done.")
    boolean dryRun;

    @Option(names = "--grace", paramLabel = "SECONDS",
            description = "How long a process has to end after SIGTERM before SIGKILL (0-600, default 5).")
    int grace = 5;

    private final Console console;
    private final LocalInspection inspection;

    FreeCommand(Console console, LocalInspection inspection) {
        this.console = console;
        this.inspection = inspection;
    }

    /** What to do about one holder of the port. */
    sealed interface Step permits StopUnit, Signal, Refuse {
        /** The step in words. */
        String plan(CliText text);
    }

    /** Stop the systemd service the process runs in. */
    record StopUnit(String unit, long pid) implements Step {
        public String plan(CliText text) {
            return text.say("free.stopUnit", "unit", unit, "pid", Long.toString(pid));
        }
    }

    /**
     * Send SIGTERM, then SIGKILL after the grace period.
     *
     * @param name the process's name, or null when it is not known
     */
    record Signal(long pid, @org.jspecify.annotations.Nullable String name, int grace) implements Step {
        public String plan(CliText text) {
            return text.say("free.signal", "pid", Long.toString(pid), "name", name(text), "grace", Integer.toString(grace));
        }

        String name(CliText text) {
            return name == null ? text.say("socket.unnamed") : name;
        }
    }

    /** Nothing this command may do, and why (a sentence of the command line's bundle). */
    record Refuse(Note why) implements Step {
        public String plan(CliText text) {
            return text.say("free.notStopped", "why", text.say(why));
        }
    }

    @Override
    public Integer call() throws Exception {
        CliText text = language.text(console);
        PortArgument arg = PortArgument.parse(port, "free", text);
        if (arg.port() == 0) {
            throw text.refusal("free.portZero");
        }
        if (grace < 0 || grace > 600) {
            throw text.refusal("free.grace", "grace", Integer.toString(grace));
        }
        List<Transport> only = transports.selected(arg.transport(), text);
        PrintWriter out = console.out();
        String shownPort = Integer.toString(arg.port());
        List<LocalSocket> holders = holders(inspection.sockets().scanPort(arg.port()), arg.port(), only);
        if (holders.isEmpty()) {
            out.println(text.say("free.nothing", "port", shownPort, "transports", text.transports(only)));
            out.flush();
            return ExitCode.OK;
        }
        out.println(text.say("free.heldBy", "port", shownPort));
        ContainerOwners containers = inspection.containers(text);
        for (LocalSocket s : holders) {
            out.println("  " + WhoCommand.line(text, s));
            java.util.Optional<String> container = containers.describe(s);
            if (container.isPresent()) {
                out.println("    " + container.get());
            }
        }
        dev.portolan.inspect.LocalSockets sockets = inspection.sockets();
        List<Step> steps = plan(holders, new java.util.function.LongFunction<Optional<String>>() {
            @Override
            public Optional<String> apply(long pid) {
                return sockets.systemdUnit(pid); // a class, not a method reference: bench/README.md
            }
        }, sockets.ownPid(), grace);
        out.println(text.say(dryRun ? "free.wouldDo" : "free.toFree"));
        for (Step s : steps) {
            out.println("  " + s.plan(text));
        }
        out.flush();
        boolean actionable = false;
        for (Step s : steps) {
            actionable |= !(s instanceof Refuse);
        }
        if (dryRun) {
            return ExitCode.OK;
        }
        if (!actionable) {
            return ExitCode.FAILURE;
        }
        if (!yes && !confirmed(text)) {
            return ExitCode.FAILURE;
        }
        for (Step s : steps) {
            out.println(run(s, text));
            out.flush();
        }
        List<LocalSocket> after = holders(inspection.sockets().scanPort(arg.port()), arg.port(), only);
        out.println(after.isEmpty() ? text.say("free.freeNow", "port", shownPort)
                : text.say("free.stillHeld", "port", shownPort, "count", after.size()));
        out.flush();
        return after.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }

    /** The sockets that hold the port on any of {@code only}. */
    private static List<LocalSocket> holders(SocketScan scan, int port, List<Transport> only) {
        List<LocalSocket> out = new ArrayList<>();
        for (Transport t : only) {
            out.addAll(scan.holding(port, t));
        }
        return out;
    }

    /** One step per process (or per hidden socket), in the order of the sockets. */
    static List<Step> plan(List<LocalSocket> holders, java.util.function.LongFunction<Optional<String>> units, long self,
            int grace) {
        Map<String, Step> steps = new LinkedHashMap<>();
        for (LocalSocket s : holders) {
            if (s.owners().isEmpty()) {
                steps.putIfAbsent("hidden", new Refuse(Note.of("free.refuseHidden", "endpoint", s.endpoint(),
                        "transport", s.transport().id(), "port", Integer.toString(s.port()))));
                continue;
            }
            for (SocketOwner o : s.owners()) {
                steps.putIfAbsent("pid " + o.pid(), step(o, units, self, grace));
            }
        }
        return List.copyOf(steps.values());
    }

    static Step step(SocketOwner o, java.util.function.LongFunction<Optional<String>> units, long self, int grace) {
        String pid = Long.toString(o.pid());
        if (o.pid() == 1) {
            return new Refuse(Note.of("free.refuseInit", "name", o.name() == null ? Note.of("socket.unnamed") : o.name()));
        }
        if (o.pid() == self) {
            return new Refuse(Note.of("free.refuseSelf", "pid", pid));
        }
        if (ContainerOwners.KUBE_PROXY.equals(o.name())) {
            return new Refuse(Note.of("free.refuseKubeProxy", "pid", pid, "name", o.name()));
        }
        if (o.name() != null && ContainerOwners.PROXIES.contains(o.name().toLowerCase(Locale.ROOT))) {
            return new Refuse(Note.of("free.refuseProxy", "pid", pid, "name", o.name()));
        }
        Optional<String> unit = units.apply(o.pid());
        if (unit.isPresent()) {
            return new StopUnit(unit.get(), o.pid());
        }
        return new Signal(o.pid(), o.name(), grace);
    }

    private boolean confirmed(CliText text) {
        java.io.Console terminal = System.console();
        if (!console.interactive() || terminal == null) {
            console.err().println("portolan: " + text.say("free.asksFirst"));
            console.err().flush();
            return false;
        }
        String answer = terminal.readLine("%s ", text.say("free.confirm"));
        return answer != null && yes(text, answer);
    }

    /** Whether an answer to the question means yes: it starts with y, or with the language's own yes. */
    static boolean yes(CliText text, String answer) {
        String a = answer.strip().toLowerCase(text.locale().toLocale());
        String own = text.say("free.yes").toLowerCase(text.locale().toLocale());
        return a.startsWith("y") || !own.isEmpty() && a.startsWith(own);
    }

    /** Carries out a step and says what happened. */
    private String run(Step step, CliText text) {
        if (step instanceof Refuse r) {
            return r.plan(text);
        }
        if (step instanceof StopUnit u) {
            try {
                Process p = new ProcessBuilder("systemctl", "stop", u.unit()).redirectErrorStream(true).start();
                String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                boolean ended = p.waitFor(60, TimeUnit.SECONDS);
                return ended && p.exitValue() == 0 ? text.say("free.stopped", "unit", u.unit())
                        : text.say("free.unitFailed", "unit", u.unit(), "hasOutput", said.isEmpty() ? "no" : "yes",
                                "output", said);
            } catch (java.io.IOException e) {
                return text.say("free.unitNotRun", "unit", u.unit(), "detail", String.valueOf(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return text.say("free.interrupted", "unit", u.unit());
            }
        }
        Signal s = (Signal) step;
        Optional<ProcessHandle> handle = ProcessHandle.of(s.pid());
        String pid = Long.toString(s.pid());
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return text.say("free.alreadyEnded", "pid", pid);
        }
        ProcessHandle p = handle.get();
        if (!p.destroy()) {
            return text.say("free.notPermitted", "pid", pid, "name", s.name(text));
        }
        if (ended(p, Duration.ofSeconds(s.grace()))) {
            return text.say("free.endedAfterTerm", "pid", pid, "name", s.name(text));
        }
        p.destroyForcibly();
        return ended(p, Duration.ofSeconds(5))
                ? text.say("free.killed", "pid", pid, "name", s.name(text), "grace", Integer.toString(s.grace()))
                : text.say("free.stillRuns", "pid", pid, "name", s.name(text));
    }

    private static boolean ended(ProcessHandle p, Duration within) {
        try {
            p.onExit().get(Math.max(1, within.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !p.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }
}
