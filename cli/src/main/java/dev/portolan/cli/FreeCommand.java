package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.Transport;
import dev.portolan.inspect.LocalSocket;
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
        String plan();
    }

    /** Stop the systemd service the process runs in. */
    record StopUnit(String unit, long pid) implements Step {
        public String plan() {
            return "systemctl stop " + unit + "  (pid " + pid + " runs in this systemd service: killing it would only "
                    + "have systemd start it again)";
        }
    }

    /** Send SIGTERM, then SIGKILL after the grace period. */
    record Signal(long pid, String name, int grace) implements Step {
        public String plan() {
            return "stop pid " + pid + " (" + name + ") with SIGTERM, then SIGKILL if it still runs after " + grace + " s";
        }
    }

    /** Nothing this command may do, and why. */
    record Refuse(String why) implements Step {
        public String plan() {
            return "not stopped: " + why;
        }
    }

    @Override
    public Integer call() throws Exception {
        PortArgument arg = PortArgument.parse(port, "free");
        if (arg.port() == 0) {
            throw new InvalidQueryException("port 0 cannot be freed: nothing listens on port 0");
        }
        if (grace < 0 || grace > 600) {
            throw new InvalidQueryException("--grace must be between 0 and 600 seconds, not " + grace);
        }
        List<Transport> only = transports.selected(arg.transport());
        PrintWriter out = console.out();
        List<LocalSocket> holders = holders(inspection.sockets().scan(true), arg.port(), only);
        if (holders.isEmpty()) {
            out.println("nothing holds port " + arg.port() + " here (" + Transports.names(only) + "): it is free");
            out.flush();
            return ExitCode.OK;
        }
        out.println("port " + arg.port() + " is held by:");
        ContainerOwners containers = inspection.containers();
        for (LocalSocket s : holders) {
            out.println("  " + s.endpoint() + "/" + s.transport().id() + " " + s.state().id() + WhoCommand.peer(s) + ": "
                    + WhoCommand.describe(s));
            containers.describe(s).ifPresent(d -> out.println("    " + d));
        }
        List<Step> steps = plan(holders, inspection.sockets()::systemdUnit, ProcessHandle.current().pid(), grace);
        out.println(dryRun ? "would do:" : "to free it:");
        for (Step s : steps) {
            out.println("  " + s.plan());
        }
        out.flush();
        boolean actionable = steps.stream().anyMatch(s -> !(s instanceof Refuse));
        if (dryRun) {
            return ExitCode.OK;
        }
        if (!actionable) {
            return ExitCode.FAILURE;
        }
        if (!yes && !confirmed()) {
            return ExitCode.FAILURE;
        }
        for (Step s : steps) {
            out.println(run(s));
            out.flush();
        }
        List<LocalSocket> after = holders(inspection.sockets().scan(true), arg.port(), only);
        out.println(after.isEmpty() ? "port " + arg.port() + " is free now"
                : "port " + arg.port() + " is still held (" + after.size() + " socket" + (after.size() == 1 ? "" : "s") + ")");
        out.flush();
        return after.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }

    /** The sockets that hold the port on any of {@code only}. */
    private static List<LocalSocket> holders(SocketScan scan, int port, List<Transport> only) {
        List<LocalSocket> out = new ArrayList<>();
        only.forEach(t -> out.addAll(scan.holding(port, t)));
        return out;
    }

    /** One step per process (or per hidden socket), in the order of the sockets. */
    static List<Step> plan(List<LocalSocket> holders, java.util.function.LongFunction<Optional<String>> units, long self,
            int grace) {
        Map<String, Step> steps = new LinkedHashMap<>();
        for (LocalSocket s : holders) {
            if (s.owners().isEmpty()) {
                steps.putIfAbsent("hidden", new Refuse("a process this user cannot see holds "
                        + s.endpoint() + "/" + s.transport().id() + "; run as root (sudo portolan free "
                        + s.port() + ") to see and stop it"));
                continue;
            }
            for (SocketOwner o : s.owners()) {
                steps.putIfAbsent("pid " + o.pid(), step(o, units, self, grace));
            }
        }
        return List.copyOf(steps.values());
    }

    static Step step(SocketOwner o, java.util.function.LongFunction<Optional<String>> units, long self, int grace) {
        String name = o.name() == null ? "process" : o.name();
        if (o.pid() == 1) {
            return new Refuse("pid 1 (" + name + ") is the system's init: stop the service it holds the port for instead");
        }
        if (o.pid() == self) {
            return new Refuse("pid " + o.pid() + " is this program");
        }
        if (ContainerOwners.PROXIES.contains(name.toLowerCase(Locale.ROOT))) {
            return new Refuse("pid " + o.pid() + " (" + name + ") publishes a container's port: stop the container "
                    + "(docker ps --filter publish=PORT, or podman ps, names it), never its proxy");
        }
        Optional<String> unit = units.apply(o.pid());
        if (unit.isPresent()) {
            return new StopUnit(unit.get(), o.pid());
        }
        return new Signal(o.pid(), name, grace);
    }

    private boolean confirmed() {
        java.io.Console terminal = System.console();
        if (!console.interactive() || terminal == null) {
            console.err().println("portolan: free asks before it stops anything; give --yes to stop without asking, "
                    + "or --dry-run to only see what it would do");
            console.err().flush();
            return false;
        }
        String answer = terminal.readLine("stop %s? [y/N] ", "them");
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }

    /** Carries out a step and says what happened. */
    private String run(Step step) {
        if (step instanceof Refuse r) {
            return r.plan();
        }
        if (step instanceof StopUnit u) {
            try {
                Process p = new ProcessBuilder("systemctl", "stop", u.unit()).redirectErrorStream(true).start();
                String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                boolean ended = p.waitFor(60, TimeUnit.SECONDS);
                return ended && p.exitValue() == 0 ? "stopped " + u.unit()
                        : "systemctl stop " + u.unit() + " failed" + (said.isEmpty() ? "" : ": " + said);
            } catch (java.io.IOException e) {
                return "systemctl stop " + u.unit() + " could not be run: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while stopping " + u.unit();
            }
        }
        Signal s = (Signal) step;
        Optional<ProcessHandle> handle = ProcessHandle.of(s.pid());
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return "pid " + s.pid() + " had already ended";
        }
        ProcessHandle p = handle.get();
        if (!p.destroy()) {
            return "pid " + s.pid() + " (" + s.name() + ") may not be signalled by this user: run as root (sudo portolan "
                    + "free ...) or ask its owner";
        }
        if (ended(p, Duration.ofSeconds(s.grace()))) {
            return "pid " + s.pid() + " (" + s.name() + ") ended after SIGTERM";
        }
        p.destroyForcibly();
        return ended(p, Duration.ofSeconds(5)) ? "pid " + s.pid() + " (" + s.name() + ") did not end within " + s.grace()
                + " s of SIGTERM and was killed with SIGKILL" : "pid " + s.pid() + " (" + s.name() + ") still runs after SIGKILL";
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
