package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortQuery;
import dev.portolan.core.Registry;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.PortPages;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.knowledge.text.PlainTextPage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portolan explain PORT}: the whole port page, as text, with its numbered sources. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Explain a port: what it is, its range, registry records, history, other uses, security,",
            "how to check what listens on it, and the sources of every statement."},
        footer = {"", "Languages: en es pt fr de ru zh ja hi bn id vi ar fa ps. Without --lang the language of",
            "LC_ALL, LC_MESSAGES or LANG is used when the pages are written in it, else English.", "",
            "Examples:", "  portolan explain 60", "  portolan explain 443 --width 100", "  portolan explain 22 --lang de"})
final class ExplainCommand implements Callable<Integer> {
    /** Narrowest and widest text the command wraps to. */
    static final int MIN_WIDTH = 40;
    static final int MAX_WIDTH = 400;

    @picocli.CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(index = "0", paramLabel = "PORT", description = "A port number, 0-65535.")
    String port = "";

    @Option(names = {"-w", "--width"}, paramLabel = "N", description = "Wrap prose at N columns (40-400; default 80).")
    int width = 80;

    @picocli.CommandLine.Mixin
    LanguageOption language = new LanguageOption();

    private final Console console;

    ExplainCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InvalidQueryException {
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new InvalidQueryException("--width " + width + " is outside " + MIN_WIDTH + "-" + MAX_WIDTH);
        }
        String code = language.text(console).code();
        PortQuery query = PortQuery.parse(port);
        if (!(query instanceof PortQuery.Port p) || p.only() != null) {
            throw new InvalidQueryException("explain takes one port number (0-65535), not '" + port + "'");
        }
        Registry registry = ActiveRegistry.load(console);
        PortPages pages = new PortPages(registry, Knowledge.embedded());
        console.out().print(new PlainTextPage(Messages.of(code), width).render(pages.page(p.port())));
        return ExitCode.OK;
    }
}
