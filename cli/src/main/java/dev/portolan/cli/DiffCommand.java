package dev.portolan.cli;

import dev.portolan.core.PortolanException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.history.RegistryDiff;
import dev.portolan.core.history.RegistryHistory;
import dev.portolan.core.iana.RegistryFileReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portolan diff OLD NEW}: what changed in the registry from one release to another. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show what changed in the IANA registry from one release to another: the records added, "
                + "removed and changed, field by field, with counts per kind and per field.",
            "OLD and NEW are each a release date the history knows, or a registry file (XML or CSV, optionally "
                + "gzip-compressed)."},
        footer = {"", "Examples:", "  portolan diff 2024-08-01 2025-12-15",
            "  portolan diff 2025-12-15 service-names-port-numbers.xml", "  portolan diff old.xml new.xml --format csv"})
final class DiffCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    LanguageOption language = new LanguageOption();

    @Parameters(index = "0", paramLabel = "OLD", description = "A release date of the history (2024-08-01) or a registry file.")
    String older = "";

    @Parameters(index = "1", paramLabel = "NEW", description = "A release date of the history or a registry file.")
    String newer = "";

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default), json or csv.")
    OutputFormat format = OutputFormat.table;

    private final Console console;
    private @Nullable ChangeLog history;

    DiffCommand(Console console) {
        this.console = console;
    }

    /**
     * One side of the comparison.
     *
     * @param snapshot the release
     * @param release its registry date, if it states one
     * @param file the file it was read from, or null for a release of the history
     */
    record Side(RegistrySnapshot snapshot, @Nullable LocalDate release, @Nullable Path file) {}

    @Override
    public Integer call() throws PortolanException {
        CliText text = language.text(console);
        Side from = side(older, text);
        Side to = side(newer, text);
        if (from.file() != null && to.file() != null
                && from.file().toAbsolutePath().normalize().equals(to.file().toAbsolutePath().normalize())) {
            throw text.refusal("error.sameRelease", "release", from.release() != null ? from.release().toString()
                    : from.file().toString());
        }
        RegistryDiff diff = diff(from, to);
        if (from.release() != null && from.release().equals(to.release()) && diff.isEmpty()) {
            throw text.refusal("error.sameRelease", "release", from.release().toString());
        }
        new DiffWriter(console.out(), console.err(), text).write(format, from, to, diff);
        return ExitCode.OK;
    }

    /** The diff: the history's own when both are consecutive releases of it, in order; else made now. */
    private RegistryDiff diff(Side from, Side to) {
        if (from.file() == null && to.file() == null && history != null) {
            List<LocalDate> releases = history.releases();
            int i = releases.indexOf(from.release());
            if (i >= 0 && i + 1 < releases.size() && releases.get(i + 1).equals(to.release())) {
                return history.diffs().get(i);
            }
        }
        return RegistryHistory.diff(from.snapshot(), to.snapshot());
    }

    /** A release date of the history, or else a registry file. */
    private Side side(String arg, CliText text) throws PortolanException {
        if (!looksLikeADate(arg)) {
            Path file = Path.of(arg);
            RegistrySnapshot s = RegistryFileReader.read(file);
            return new Side(s, s.info().updated(), file);
        }
        ChangeLog log = history();
        LocalDate date;
        try {
            date = LocalDate.parse(arg);
        } catch (DateTimeParseException e) {
            throw text.refusal("error.notADate", "value", CommonOptions.printable(arg), "dates", dates(log));
        }
        if (!log.releases().contains(date)) {
            throw text.refusal("error.unknownRelease", "date", date.toString(), "dates", dates(log));
        }
        return new Side(log.snapshot(date), date, null);
    }

    private ChangeLog history() {
        if (history == null) {
            history = ActiveHistory.load(console);
        }
        return history;
    }

    private static String dates(ChangeLog log) {
        List<String> out = new ArrayList<>();
        log.releases().forEach(d -> out.add(d.toString()));
        return String.join(", ", out);
    }

    /** Four digits and a hyphen, then only digits and hyphens: {@code 2024-08-01}, also mistyped ({@code 2024-8-32}). */
    static boolean looksLikeADate(String arg) {
        if (arg.length() < 6 || arg.charAt(4) != '-') {
            return false;
        }
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (i < 4 ? c < '0' || c > '9' : c != '-' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
