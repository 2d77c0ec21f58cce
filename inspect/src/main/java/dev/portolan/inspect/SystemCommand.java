package dev.portolan.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a system command with a time limit and returns what it printed on standard output. */
class SystemCommand {
    /** What one command did. */
    record Result(int exitCode, byte[] out) {}

    private final Duration limit;

    SystemCommand(Duration limit) {
        this.limit = limit;
    }

    /**
     * Runs {@code command}; standard error is discarded, standard input is empty.
     *
     * @throws InspectException if the program cannot be started (not installed) or does not end in time
     */
    Result run(List<String> command) throws InspectException {
        String shown = String.join(" ", command);
        Path out = null;
        try {
            out = Files.createTempFile("portolan-command", ".out");
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new InspectException("'" + shown + "' did not finish within " + limit.toSeconds() + " s");
            }
            return new Result(p.exitValue(), Files.readAllBytes(out));
        } catch (IOException e) {
            throw new InspectException("'" + shown + "' could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InspectException("'" + shown + "' was interrupted", e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(Platform.current() == Platform.WINDOWS ? "NUL" : "/dev/null");
    }
}
