package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.Transport;
import dev.portolan.core.history.CanonicalRecord;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.history.PortTimeline;
import dev.portolan.core.history.PortTimeline.Event;
import dev.portolan.core.history.PortTimeline.RecordHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portolan history PORT}: what the registry's releases said of a port, and when that changed. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show the history of a port over the releases of the IANA registry that Portolan knows: "
                + "when each record appeared, how it changed, field by field, and when it went.",
            "The releases are those embedded in the program and those imported into the Portolan home."},
        footer = {"", "Examples:", "  portolan history 2", "  portolan history 443/tcp", "  portolan history 22 --format json"})
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    LanguageOption language = new LanguageOption();

    @Parameters(paramLabel = "PORT", description = "A port (443) or port/transport (53/udp).")
    String port = "";

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default), json or csv.")
    OutputFormat format = OutputFormat.table;

    private final Console console;

    HistoryCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InvalidQueryException {
        CliText text = language.text(console);
        PortArgument arg = PortArgument.parse(port, "history", text);
        ChangeLog history = ActiveHistory.load(console);
        PortTimeline timeline = history.timeline(arg.port());
        List<RecordHistory> records = on(timeline.records(), arg.transport());
        new TimelineWriter(console.out(), text).write(format, arg, timeline, records,
                ActiveHistory.imported(history).size(), ActiveRegistry.store(console).home());
        return ExitCode.OK;
    }

    /** The record histories of one transport (a record for every transport counts), or all. */
    static List<RecordHistory> on(List<RecordHistory> records, @Nullable Transport transport) {
        if (transport == null) {
            return records;
        }
        List<RecordHistory> out = new ArrayList<>();
        for (RecordHistory r : records) {
            if (r.events().stream().anyMatch(e -> isOn(e, transport))) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean isOn(Event e, Transport transport) {
        CanonicalRecord before = e.change().before();
        CanonicalRecord after = e.change().after();
        return before != null && (before.transport() == null || before.transport() == transport)
                || after != null && (after.transport() == null || after.transport() == transport);
    }
}
