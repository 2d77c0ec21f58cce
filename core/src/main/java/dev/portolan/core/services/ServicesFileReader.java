package dev.portolan.core.services;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortRange;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a services(5) file: lines of {@code name port/protocol [aliases...] [# comment]}. Blank
 * lines and comment lines are skipped; a trailing comment becomes the description. Lines with a
 * protocol other than tcp, udp, sctp or dccp (such as {@code ddp} on some systems) are skipped, as
 * Portolan has no such transport; any other malformed line is an error naming its line number.
 */
public final class ServicesFileReader {
    private ServicesFileReader() {}

    /** The conventional location of the system's services file. */
    public static final Path SYSTEM_FILE = Path.of("/etc/services");

    public static RegistrySnapshot read(Path file) throws RegistryFormatException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new RegistryFormatException(file + ": no such file", e);
        } catch (IOException e) {
            throw new RegistryFormatException(file + ": could not be read: " + e.getMessage(), e);
        }
    }

    public static RegistrySnapshot read(Reader reader, String sourceName) throws RegistryFormatException {
        List<Assignment> records = new ArrayList<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                parseLine(line, lineNo, sourceName).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw new RegistryFormatException(sourceName + ": could not be read: " + e.getMessage(), e);
        }
        return new RegistrySnapshot(new SnapshotInfo(SnapshotInfo.Source.SERVICES, sourceName, null, null),
                records, Map.of(), Map.of());
    }

    private static Optional<Assignment> parseLine(String line, int lineNo, String sourceName)
            throws RegistryFormatException {
        int hash = line.indexOf('#');
        String body = (hash < 0 ? line : line.substring(0, hash)).strip();
        String comment = hash < 0 ? "" : line.substring(hash + 1).strip();
        if (body.isEmpty()) {
            return Optional.empty();
        }
        String[] fields = body.split("\\s+");
        if (fields.length < 2) {
            throw new RegistryFormatException(sourceName + ": line " + lineNo + " has no port/protocol: \""
                    + body + "\", expected \"name port/protocol [aliases]\"");
        }
        String portProto = fields[1];
        int slash = portProto.indexOf('/');
        if (slash < 0) {
            throw new RegistryFormatException(sourceName + ": line " + lineNo + " has \"" + portProto
                    + "\", expected port/protocol such as 22/tcp");
        }
        int port = parsePort(portProto.substring(0, slash));
        if (port < 0) {
            throw new RegistryFormatException(sourceName + ": line " + lineNo + " has port \""
                    + portProto.substring(0, slash) + "\", expected a number from 0 to 65535");
        }
        Optional<Transport> transport = Transport.parse(portProto.substring(slash + 1));
        if (transport.isEmpty()) {
            return Optional.empty();
        }
        Assignment.Builder b = Assignment.builder()
                .service(fields[0])
                .ports(PortRange.of(port))
                .transport(transport.get())
                .description(comment)
                .status(AssignmentStatus.ASSIGNED);
        for (int i = 2; i < fields.length; i++) {
            b.alias(fields[i]);
        }
        return Optional.of(b.build());
    }

    private static int parsePort(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int v = Integer.parseInt(s);
        return v <= PortRange.MAX_PORT ? v : -1;
    }
}
