package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.Registry;
import dev.portolan.inspect.LocalSocket;
import dev.portolan.inspect.SocketOwner;
import dev.portolan.inspect.SocketScan;
import dev.portolan.inspect.audit.Audit;
import dev.portolan.inspect.audit.Finding;
import dev.portolan.inspect.audit.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code portolan audit}: whether what listens here is expected; exit 0 when clean, 1 with findings. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check what listens on this machine against the registry and known rules:",
            "unassigned system ports, ports known for malware, local-only services open to the network,",
            "listeners in the ephemeral range, and programs that are not what their port's service expects."},
        footer = {"", "Exit codes: 0 no findings, 1 findings (or a failure), 2 bad input.",
            "", "Examples:", "  portolan audit", "  portolan audit --min-severity medium --format json"})
final class AuditCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--min-severity", paramLabel = "S", description = "Report only findings of this severity or "
            + "higher: low (default), medium or high.")
    String minSeverity = "low";

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default), json or csv.")
    OutputFormat format = OutputFormat.table;

    private final Console console;
    private final LocalInspection inspection;

    AuditCommand(Console console, LocalInspection inspection) {
        this.console = console;
        this.inspection = inspection;
    }

    @Override
    public Integer call() throws Exception {
        Severity min = Severity.parse(minSeverity).orElseThrow(() -> new InvalidQueryException("--min-severity \""
                + minSeverity.replaceAll("\\p{Cntrl}", "?") + "\" is not a severity: expected low, medium or high"));
        SocketScan scan = inspection.sockets().scan(false);
        Registry registry = ActiveRegistry.load(console);
        List<Finding> findings = new ArrayList<>();
        for (Finding f : Audit.of(inspection.knowledge(registry)).findings(scan)) {
            if (f.severity().compareTo(min) <= 0) {
                findings.add(f);
            }
        }
        switch (format) {
            case table -> table(findings, scan, min);
            case json -> {
                json(findings);
                Notes.stderr(console, CliText.english(), scan);
            }
            case csv -> {
                csv(findings);
                Notes.stderr(console, CliText.english(), scan);
            }
        }
        console.out().flush();
        return findings.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private void table(List<Finding> findings, SocketScan scan, Severity min) {
        PrintWriter out = console.out();
        int listeners = 0;
        for (LocalSocket s : scan.sockets()) {
            listeners += s.isListener() ? 1 : 0;
        }
        for (Finding f : findings) {
            out.println(f.severity().id() + "  " + f.rule().id() + "  " + f.socket().endpoint() + "/"
                    + f.socket().transport().id());
            out.println("  " + SocketWriter.shown(f.message()));
        }
        if (!findings.isEmpty()) {
            out.println();
        }
        int[] counts = new int[Severity.values().length];
        for (Finding f : findings) {
            counts[f.severity().ordinal()]++;
        }
        String checked = listeners + (listeners == 1 ? " listening socket" : " listening sockets") + " checked";
        if (findings.isEmpty()) {
            out.println("no findings" + (min == Severity.LOW ? "" : " of severity " + min.id() + " or higher")
                    + ": " + checked);
        } else {
            out.println(findings.size() + (findings.size() == 1 ? " finding" : " findings") + " (high "
                    + counts[Severity.HIGH.ordinal()] + ", medium " + counts[Severity.MEDIUM.ordinal()] + ", low "
                    + counts[Severity.LOW.ordinal()] + "): " + checked);
        }
        Notes.table(out, CliText.english(), scan);
    }

    private void json(List<Finding> findings) {
        try (JsonGenerator g = new JsonFactory().createGenerator(new NonClosingWriter(console.out()))) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Finding f : findings) {
                LocalSocket s = f.socket();
                SocketOwner o = s.owner().orElse(null);
                g.writeStartObject();
                g.writeStringField("severity", f.severity().id());
                g.writeStringField("rule", f.rule().id());
                g.writeStringField("transport", s.transport().id());
                g.writeStringField("address", s.address());
                g.writeNumberField("port", s.port());
                if (o == null) {
                    g.writeNullField("pid");
                } else {
                    g.writeNumberField("pid", o.pid());
                }
                g.writeStringField("process", o == null ? null : o.name());
                g.writeStringField("message", f.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void csv(List<Finding> findings) {
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
                .build(new NonClosingWriter(console.out()))) {
            w.writeRecord("severity", "rule", "transport", "address", "port", "pid", "process", "message");
            for (Finding f : findings) {
                LocalSocket s = f.socket();
                SocketOwner o = s.owner().orElse(null);
                w.writeRecord(f.severity().id(), f.rule().id(), s.transport().id(), s.address(),
                        Integer.toString(s.port()), o == null ? "" : Long.toString(o.pid()),
                        o == null || o.name() == null ? "" : o.name(), f.message());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
