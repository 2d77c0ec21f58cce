package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code -l/--lang}: the language a command writes its sentences in. */
final class LanguageOption {
    @Option(names = {"-l", "--lang"}, paramLabel = "LANG",
            description = "Language of the text: a code or tag such as en, es, pt-BR or ar (default: from LC_ALL,"
                    + " LC_MESSAGES or LANG, else en).")
    @Nullable String lang;

    /** The language of this run: the option's, else the environment's (see {@link CliText#choose}). */
    CliText text(Console console) throws InvalidQueryException {
        return CliText.choose(lang, console.env());
    }
}
