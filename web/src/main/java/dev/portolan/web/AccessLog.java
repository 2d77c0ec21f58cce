package dev.portolan.web;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.RequestLogWriter;
import org.jspecify.annotations.Nullable;

/**
 * The access log: a line per request in the NCSA combined format (Apache's {@code combined}, which
 * log analysers read), written by Jetty's {@link CustomRequestLog} after the answer is sent.
 */
final class AccessLog {
    private AccessLog() {}

    /**
     * The log of the settings: null for none ({@code ""}), standard output for {@code -} (a service
     * manager's journal), else the file, appended to and created with its directory.
     *
     * @throws WebServerException if the file cannot be opened for writing
     */
    static @Nullable RequestLog open(String where) throws WebServerException {
        if (where.isEmpty()) {
            return null;
        }
        if (where.equals("-")) {
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    StandardCharsets.UTF_8);
            return new CustomRequestLog(out::println, CustomRequestLog.EXTENDED_NCSA_FORMAT);
        }
        Path file = Path.of(where).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            if (Files.isDirectory(file) || Files.exists(file) && !Files.isWritable(file)) {
                throw new IOException("not a writable file");
            }
            Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND).close();
        } catch (IOException e) {
            throw new WebServerException("cannot write the access log " + file + ": " + e.getMessage()
                    + " (choose another with --access-log)", e);
        }
        RequestLogWriter writer = new RequestLogWriter(file.toString());
        writer.setAppend(true);
        return new CustomRequestLog(writer, CustomRequestLog.EXTENDED_NCSA_FORMAT);
    }
}
