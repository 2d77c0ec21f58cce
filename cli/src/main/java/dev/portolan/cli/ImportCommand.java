package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortolanException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.iana.RegistryFileReader;
import dev.portolan.core.snapshot.SnapshotStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
        List<RegistrySnapshot> releases = RegistryFileReader.readAll(files);
        SnapshotStore store = ActiveRegistry.store(console);
        SnapshotStore.InstallResult result = store.importReleases(releases, SnapshotStore.Policy.standard(force));
        Reports.install(console, result, store.historyFile());
        ActiveRegistry.indexForSearch(console, store, result);
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
}
