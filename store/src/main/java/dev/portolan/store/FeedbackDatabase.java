package dev.portolan.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the votes are kept: an SQLite file ({@link Sqlite}) or a PostgreSQL database ({@link
 * Postgres}), read from {@code --database} or {@code PORTOLAN_DATABASE_URL} by {@link #parse}.
 */
public sealed interface FeedbackDatabase {
    /** The environment variable that names the database when no option does. */
    String ENVIRONMENT = "PORTOLAN_DATABASE_URL";

    /** The database as messages name it; never a password. */
    String describe();

    /** An SQLite file that one server writes. */
    record Sqlite(Path file) implements FeedbackDatabase {
        @Override
        public String describe() {
            return file.toString();
        }
    }

    /**
     * A PostgreSQL database that several servers share.
     *
     * @param jdbcUrl the driver's address, {@code jdbc:postgresql://db.example:5432/portolan?sslmode=require}
     * @param user the role to log in as, empty for the driver's default
     * @param password its password, empty for none (or a {@code .pgpass} of the driver's)
     * @param display the address without the password, for messages
     */
    record Postgres(String jdbcUrl, String user, String password, String display) implements FeedbackDatabase {
        @Override
        public String describe() {
            return display;
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Postgres[" + display + "]";
        }
    }

    /**
     * The database a command uses.
     *
     * @param option the {@code --database} value, empty when not given
     * @param environment the environment: {@value #ENVIRONMENT} when no option is given, else the
     *     SQLite file {@code PORTOLAN_HOME/portolan.db}
     * @throws IllegalArgumentException with a message saying what is wrong and what to write
     */
    static FeedbackDatabase parse(String option, Map<String, String> environment) {
        String spec = option.isEmpty() ? environment.getOrDefault(ENVIRONMENT, "").strip() : option.strip();
        String from = option.isEmpty() ? ENVIRONMENT : "--database";
        if (spec.isEmpty()) {
            return new Sqlite(FeedbackStore.defaultFile(environment));
        }
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sqlite:")) {
            String file = spec.substring("sqlite:".length());
            if (file.isEmpty()) {
                throw new IllegalArgumentException(from + " \"sqlite:\" names no file: write sqlite:/path/to/portolan.db");
            }
            try {
                return new Sqlite(Path.of(file).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(from + " names a file that cannot be a path here: " + e.getReason());
            }
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            int q = spec.indexOf('?');
            return new Postgres(spec, "", "", q < 0 ? spec : spec.substring(0, q));
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return postgres(spec, from);
        }
        throw new IllegalArgumentException(from + " " + quoted(spec) + " is not a database address: write "
                + "postgresql://USER:PASSWORD@HOST:5432/DATABASE or sqlite:/path/to/portolan.db");
    }

    private static Postgres postgres(String spec, String from) {
        URI uri;
        try {
            uri = new URI(spec);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(from + " is not a valid postgresql:// address (" + e.getReason()
                    + "); write characters such as @ : / ? in the password as %40 %3A %2F %3F");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException(from + " names no host: write postgresql://USER:PASSWORD@HOST:5432/DATABASE");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException(from + " names no database: write postgresql://USER:PASSWORD@HOST:5432/DATABASE");
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String user = "";
        String password = "";
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        String hostPort = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        String jdbc = "jdbc:postgresql://" + hostPort + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String display = "postgresql://" + (user.isEmpty() ? "" : user + "@") + hostPort + path;
        return new Postgres(jdbc, user, password, display);
    }

    /** Percent-decoding of a user or password; a {@code +} stays a plus. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A value for a message: at most 60 characters, and not at all when it may hold a password. */
    private static String quoted(String value) {
        if (value.contains("@")) {
            return "(not shown: it may hold a password)";
        }
        return "\"" + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "\"";
    }
}
