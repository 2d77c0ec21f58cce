package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortolanException;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.iana.RegistryFileReader;
import dev.portolan.core.snapshot.SnapshotStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portolan import FILE...}: validates official registry files, adds their releases to the
 * history and makes the newest active.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import official IANA registry files (XML or CSV, optionally gzip-compressed; the format "
                + "is read from the content): every release goes into the history, the newest becomes the "
                + "active data.",
            "Several releases may be given at once, in any order. Nothing changes unless every file is valid."},
        footer = {"", "Examples:", "  portolan import service-names-port-numbers.xml",
            "  portolan import history/*.xml.gz service-names-port-numbers.xml"})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "service-names-port-numbers.xml or .csv; "
            + "several XML releases at once")
    List<Path> files = new ArrayList<>();

    @Option(names = "--force", description = "Make the newest file active even if not newer than the active release "
            + "(older, or of its date with other data) or much smaller than it.")
    boolean force;

    private final Console console;

    ImportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws PortolanException {
        checkEachOnce(files);
        List<RegistrySnapshot> releases = read(files);
        SnapshotStore store = ActiveRegistry.store(console);
        SnapshotStore.InstallResult result = store.importReleases(releases, SnapshotStore.Policy.standard(force));
        Reports.install(console, result, store.historyFile());
        return ExitCode.OK;
    }

    /** Refuses a file named twice, also under two spellings of its path. */
    static void checkEachOnce(List<Path> files) throws InvalidQueryException {
        Map<Path, Path> seen = new HashMap<>();
        for (Path f : files) {
            Path previous = seen.putIfAbsent(f.toAbsolutePath().normalize(), f);
            if (previous != null) {
                throw new InvalidQueryException(f + " is given twice" + (previous.toString().equals(f.toString()) ? ""
                        : " (as " + previous + ")") + "; give each file once; nothing was changed");
            }
        }
    }

    /**
     * Reads every file, several at once (a release takes a few hundred milliseconds of one
     * processor); the first file in the order given that cannot be read stops the import.
     */
    static List<RegistrySnapshot> read(List<Path> files) throws RegistryFormatException {
        if (files.size() == 1) {
            return List.of(RegistryFileReader.read(files.get(0)));
        }
        int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "portolan-import");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RegistrySnapshot>> reads = new ArrayList<>(files.size());
            for (Path f : files) {
                reads.add(pool.submit(() -> RegistryFileReader.read(f)));
            }
            List<RegistrySnapshot> out = new ArrayList<>(files.size());
            for (Future<RegistrySnapshot> r : reads) {
                out.add(r.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RegistryFormatException r) {
                throw r;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the registry files", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
