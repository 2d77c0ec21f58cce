package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.StoreException;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code portolan status}: which data answers, and where it is kept. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show which registry data is active and where it is kept.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default) or json.")
    OutputFormat format = OutputFormat.table;

    private final Console console;

    StatusCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InvalidQueryException {
        if (format == OutputFormat.csv) {
            throw new InvalidQueryException("status --format csv is not offered: give table or json");
        }
        SnapshotStore store = ActiveRegistry.store(console);
        RegistrySnapshot baseline = Baseline.load();
        RegistrySnapshot active = baseline;
        Optional<Path> file = Optional.empty();
        @org.jspecify.annotations.Nullable String problem = null;
        try {
            Optional<RegistrySnapshot> imported = store.active();
            if (imported.isPresent()) {
                active = imported.get();
                file = store.activeFile();
            }
        } catch (StoreException e) {
            problem = e.getMessage();
        }
        if (format == OutputFormat.json) {
            json(store, active, baseline, file, problem);
        } else {
            var out = console.out();
            out.println("active:    " + active.info().describe());
            out.println("records:   " + Reports.count(active.assignments().size())
                    + (active.people().isEmpty() ? "" : ", people " + Reports.count(active.people().size())));
            out.println("stored as: " + (file.isPresent() ? file.get().toString() : "(embedded in the program)"));
            out.println("home:      " + store.home());
            out.println("baseline:  " + baseline.info().label() + ", " + Reports.count(baseline.assignments().size())
                    + " records (embedded)");
            if (problem != null) {
                out.println("problem:   " + problem);
            }
            out.flush();
        }
        return problem == null ? ExitCode.OK : ExitCode.FAILURE;
    }

    private void json(SnapshotStore store, RegistrySnapshot active, RegistrySnapshot baseline, Optional<Path> file,
            @org.jspecify.annotations.Nullable String problem) {
        try (JsonGenerator g = new JsonFactory().createGenerator(new NonClosingWriter(console.out()))) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("source", active.info().source().id());
            g.writeStringField("description", active.info().describe());
            g.writeStringField("label", active.info().label());
            g.writeStringField("updated", active.info().updated() == null ? null : active.info().updated().toString());
            g.writeStringField("importedAt", active.info().importedAt() == null ? null
                    : active.info().importedAt().toString());
            g.writeNumberField("records", active.assignments().size());
            g.writeStringField("file", file.isPresent() ? file.get().toString() : null);
            g.writeStringField("home", store.home().toString());
            g.writeStringField("baseline", baseline.info().label());
            g.writeStringField("problem", problem);
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        console.out().flush();
    }
}
