package dev.portolan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Runs one command line in-process against a given Portolan home and captures what it prints. */
final class Cli {
    private Cli() {}

    /**
     * What one run did.
     *
     * @param code the exit code
     * @param out everything printed on standard output
     * @param err everything printed on standard error
     */
    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        /** The last non-empty line of standard output. */
        String lastOutLine() {
            List<String> lines = outLines();
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i);
                }
            }
            return "";
        }
    }

    static Run run(Path home, String... args) {
        return run(home, true, args);
    }

    /** Runs the command line through picocli even where the fast path would take it. */
    static Run runViaPicocli(Path home, String... args) {
        return run(home, false, args);
    }

    /** Runs a command line with the given local inspection (sockets and malware source). */
    static Run run(Path home, LocalInspection inspection, String... args) {
        return run(home, true, inspection, args);
    }

    /** The same through picocli even where the fast path would take it. */
    static Run runViaPicocli(Path home, LocalInspection inspection, String... args) {
        return run(home, false, inspection, args);
    }

    private static Run run(Path home, boolean fastPath, String... args) {
        return run(home, fastPath, null, args);
    }

    /** Runs a command line with more environment variables than PORTOLAN_HOME. */
    static Run runWithEnv(Path home, Map<String, String> env, String... args) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("PORTOLAN_HOME", home.toString());
        return run(all, true, null, args);
    }

    /** Runs a command line with the given local inspection and more environment variables than PORTOLAN_HOME. */
    static Run run(Path home, Map<String, String> env, LocalInspection inspection, String... args) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("PORTOLAN_HOME", home.toString());
        return run(all, true, inspection, args);
    }

    private static Run run(Path home, boolean fastPath, @Nullable LocalInspection inspection, String... args) {
        return run(Map.of("PORTOLAN_HOME", home.toString()), fastPath, inspection, args);
    }

    private static Run run(Map<String, String> env, boolean fastPath, @Nullable LocalInspection inspection,
            String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        int code = Main.run(args, new Console(o, e, env, false), fastPath, inspection);
        o.flush();
        e.flush();
        return new Run(code, out.toString(), err.toString());
    }
}
