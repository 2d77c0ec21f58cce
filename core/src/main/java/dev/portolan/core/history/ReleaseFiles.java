package dev.portolan.core.history;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.iana.RegistryFileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the registry files of a change log, each into the content of one release. Files are read
 * on as many threads as there are processors, at most one a file: reading and normalising a
 * release takes a few hundred milliseconds of one processor.
 */
final class ReleaseFiles {
    private ReleaseFiles() {}

    /**
     * The content of each file, in the order given.
     *
     * @throws HistoryException naming a file given twice, or the first file in the order given
     *     that cannot be read or states no date
     */
    static List<ReleaseContent> read(Collection<Path> files) throws HistoryException {
        Map<Path, Path> seen = new HashMap<>();
        for (Path f : files) {
            Path previous = seen.putIfAbsent(f.toAbsolutePath().normalize(), f);
            if (previous != null) {
                throw new HistoryException(f + ": is given twice" + (previous.toString().equals(f.toString()) ? ""
                        : " (as " + previous + ")") + "; give each release once");
            }
        }
        List<RegistrySnapshot> read;
        try {
            read = RegistryFileReader.readAll(files);
        } catch (RegistryFormatException e) {
            // the reader's message names the file already
            throw new HistoryException(e.getMessage(), e);
        }
        List<ReleaseContent> out = new ArrayList<>(read.size());
        int i = 0;
        for (Path f : files) {
            out.add(LogBuilder.content(read.get(i++), f.toString()));
        }
        return out;
    }
}
