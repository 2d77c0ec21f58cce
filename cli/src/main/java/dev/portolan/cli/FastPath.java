package dev.portolan.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * Runs the everyday command lines without building picocli's model of all commands, which costs
 * the command line several times the JVM's own start (bench/README.md has the figures).
 *
 * <p>It accepts exactly {@code lookup} and {@code search} with their arguments and the options
 * {@code -f/--format}, {@code -t/--transport}, {@code -n/--limit} (search only) and {@code
 * --debug}, in the forms {@code --format json} and {@code --format=json}. Anything else (another
 * command, another option, {@code --help}, an option value that does not parse, {@code --},
 * {@code @file}) returns null and goes through picocli, which then also reports any error. The
 * commands' fields keep picocli's defaults, and both paths run the same {@code call()}; a test
 * compares their output over many command lines.
 */
final class FastPath {
    private FastPath() {}

    /** The configured command, or null when picocli must handle this command line. */
    static @Nullable Callable<Integer> parse(String[] args, Console console) {
        if (args.length < 2) {
            return null;
        }
        boolean search = args[0].equals("search");
        if (!search && !args[0].equals("lookup")) {
            return null;
        }
        LookupCommand lookup = search ? null : new LookupCommand(console);
        SearchCommand find = search ? new SearchCommand(console) : null;
        int positional = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("@") || a.equals("--")) {
                return null;
            }
            if (!a.startsWith("-") || isNumberLike(a)) {
                if (search) {
                    find.words.add(a);
                } else {
                    lookup.args.add(a);
                }
                positional++;
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (name.equals("--debug")) {
                if (value != null || !seen.add(name)) {
                    return null; // picocli refuses a value or a repeat; let it say so
                }
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
                if (value.startsWith("-") && !isNumberLike(value)) {
                    return null; // picocli refuses an option name as a value; let it say so
                }
            }
            String canonical = switch (name) {
                case "-f" -> "--format";
                case "-t" -> "--transport";
                case "-n" -> "--limit";
                default -> name;
            };
            if (!seen.add(canonical)) {
                return null; // picocli refuses an option given twice; let it say so
            }
            switch (name) {
                case "-f", "--format" -> {
                    OutputFormat f = format(value);
                    if (f == null) {
                        return null;
                    }
                    if (search) {
                        find.format = f;
                    } else {
                        lookup.format = f;
                    }
                }
                case "-t", "--transport" -> {
                    if (search) {
                        find.transport = value;
                    } else {
                        lookup.transport = value;
                    }
                }
                case "-n", "--limit" -> {
                    Integer n = search ? integer(value) : null;
                    if (n == null) {
                        return null;
                    }
                    find.limit = n;
                }
                default -> {
                    return null;
                }
            }
        }
        if (positional == 0) {
            return null;
        }
        return search ? find : lookup;
    }

    /** {@code -1} and {@code +80} are (bad) port arguments, not options. */
    static boolean isNumberLike(String arg) {
        int i = arg.startsWith("-") || arg.startsWith("+") ? 1 : 0;
        return i < arg.length() && arg.charAt(i) >= '0' && arg.charAt(i) <= '9';
    }

    private static @Nullable OutputFormat format(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (OutputFormat f : OutputFormat.values()) {
            if (f.name().equals(v)) {
                return f;
            }
        }
        return null;
    }

    private static @Nullable Integer integer(String value) {
        if (value.isEmpty() || value.length() > 9) {
            return null;
        }
        int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
        if (start == value.length()) {
            return null;
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(value);
    }
}
