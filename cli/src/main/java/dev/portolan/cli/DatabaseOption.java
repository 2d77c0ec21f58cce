package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.store.FeedbackDatabase;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --database}: where readers' votes are kept, for the commands that read or write them. */
final class DatabaseOption {
    @Option(names = "--database", paramLabel = "URL",
            description = {"Where readers' votes are kept: postgresql://USER:PASSWORD@HOST:5432/DATABASE, shared by "
                + "several servers, or sqlite:FILE. Default: PORTOLAN_DATABASE_URL if set, else "
                + "PORTOLAN_HOME/portolan.db. Prefer the variable for a password: the command line is visible "
                + "to every user of the machine."})
    String database = "";

    /** The database the option, else the environment, names. */
    FeedbackDatabase resolve(Map<String, String> environment) throws InvalidQueryException {
        try {
            return FeedbackDatabase.parse(database, environment);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(CommonOptions.printable(e.getMessage()));
        }
    }
}
