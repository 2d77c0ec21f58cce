package dev.portolan.cli;

import dev.portolan.core.PortolanException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.iana.RegistryFileReader;
import dev.portolan.core.snapshot.SnapshotStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portolan import FILE}: validates an official registry file and makes it active. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import an official IANA registry file (XML or CSV, optionally gzip-compressed; the format "
                + "is read from the content) and make it the active data.",
            "Nothing changes unless the whole file is valid."})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(paramLabel = "FILE", description = "service-names-port-numbers.xml or .csv")
    Path file = Path.of("");

    @Option(names = "--force", description = "Import even if not newer than the active release (older, or of "
            + "its date with other data) or much smaller than it.")
    boolean force;

    private final Console console;

    ImportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws PortolanException {
        RegistrySnapshot snapshot = RegistryFileReader.read(file);
        SnapshotStore store = ActiveRegistry.store(console);
        SnapshotStore.InstallResult result = store.install(snapshot, SnapshotStore.Policy.standard(force));
        Reports.install(console, result);
        return ExitCode.OK;
    }
}
