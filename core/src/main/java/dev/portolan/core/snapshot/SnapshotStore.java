package dev.portolan.core.snapshot;

import dev.portolan.core.Assignment;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.SnapshotRejectedException;
import dev.portolan.core.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Imported snapshots under the Portolan home, and which one is active.
 *
 * <p>Layout: {@code snapshots/NAME.snapshot} holds each imported release in {@link SnapshotCodec}
 * form; the file {@code active} names the active one. Installing writes the new snapshot to a
 * temporary file, forces it to disk, renames it into place, and only then replaces {@code active}
 * the same way, so a failure at any step leaves the previous data answering. An exclusive lock on
 * {@code .lock} keeps two imports from interleaving.
 */
public final class SnapshotStore {
    /** Environment variable naming the Portolan home; {@code ~/.portolan} when unset. */
    public static final String HOME_VARIABLE = "PORTOLAN_HOME";

    private final Path home;
    private final Clock clock;
    private final StepHook hook;

    /** Called before each step of an install; tests use it to fail at every point. */
    @FunctionalInterface
    interface StepHook {
        void before(String step) throws IOException;
    }

    /** The hook of production stores: does nothing (a class, not a lambda, to keep start-up lean). */
    private static final class NoHook implements StepHook {
        static final NoHook INSTANCE = new NoHook();

        @Override
        public void before(String step) {
            // no step fails on purpose outside tests
        }
    }

    /** What an install did. */
    public enum Outcome {
        /** The snapshot is now active. */
        INSTALLED,
        /** The same data was already active; nothing changed. */
        ALREADY_ACTIVE
    }

    /**
     * The result of an install.
     *
     * @param outcome installed, or already active
     * @param snapshot the snapshot as stored, with its import time
     * @param file the stored file
     * @param previous the snapshot that was active before, if any
     */
    public record InstallResult(Outcome outcome, RegistrySnapshot snapshot, Path file, @Nullable RegistrySnapshot previous) {}

    /**
     * Rules a snapshot must pass before it replaces the active one.
     *
     * @param minRecords the fewest records a whole registry has (the 2025 release has about 14,500)
     * @param force accept a release that is not newer than the active one (older, or of the same
     *     date with other data), or much smaller than it
     */
    public record Policy(int minRecords, boolean force) {
        /** The registry has held more than 10,000 records since the 2000s. */
        public static final int DEFAULT_MIN_RECORDS = 5_000;

        public static Policy standard(boolean force) {
            return new Policy(DEFAULT_MIN_RECORDS, force);
        }
    }

    private SnapshotStore(Path home, Clock clock, StepHook hook) {
        this.home = home;
        this.clock = clock;
        this.hook = hook;
    }

    public static SnapshotStore at(Path home) {
        return new SnapshotStore(home, Clock.systemUTC(), NoHook.INSTANCE);
    }

    static SnapshotStore at(Path home, Clock clock, StepHook hook) {
        return new SnapshotStore(home, clock, hook);
    }

    /** {@code PORTOLAN_HOME} from {@code environment}, or {@code ~/.portolan} when it is unset or blank. */
    public static Path home(Map<String, String> environment) {
        String env = environment.get(HOME_VARIABLE);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".portolan");
    }

    public Path home() {
        return home;
    }

    /** The file of the active imported snapshot, if one was imported. */
    public Optional<Path> activeFile() throws StoreException {
        Path pointer = home.resolve("active");
        String name;
        try {
            name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read " + pointer + ": " + e.getMessage(), e);
        }
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new StoreException(pointer + " names \"" + name + "\", not a snapshot file of " + snapshots());
        }
        return Optional.of(snapshots().resolve(name));
    }

    /**
     * The active imported snapshot, if one was imported.
     *
     * @throws StoreException if the active snapshot is missing or damaged
     */
    public Optional<RegistrySnapshot> active() throws StoreException {
        Optional<Path> file = activeFile();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SnapshotCodec.decode(Files.readAllBytes(file.get())));
        } catch (NoSuchFileException e) {
            throw new StoreException("the active snapshot " + file.get() + " is missing", e);
        } catch (IOException e) {
            throw new StoreException("cannot read the active snapshot " + file.get() + ": " + e.getMessage(), e);
        } catch (SnapshotCodec.CorruptSnapshotException e) {
            throw new StoreException("the active snapshot " + file.get() + " is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Validates {@code snapshot} against the policy and the active snapshot, stores it and makes it
     * active.
     *
     * @throws SnapshotRejectedException if it has too few records, or (without {@code force}) is not
     *     newer than the active one or less than half its size; nothing is written. The same data as
     *     the active snapshot is no error: the result says {@link Outcome#ALREADY_ACTIVE}.
     * @throws StoreException if writing fails; the previous snapshot stays active
     */
    public InstallResult install(RegistrySnapshot snapshot, Policy policy)
            throws SnapshotRejectedException, StoreException {
        int count = snapshot.assignments().size();
        if (count < policy.minRecords()) {
            throw new SnapshotRejectedException(snapshot.info().label() + " holds " + count
                    + " records; a whole IANA port registry has at least " + policy.minRecords()
                    + " (truncated or partial file?); nothing was changed");
        }
        try {
            Files.createDirectories(snapshots());
        } catch (IOException e) {
            throw new StoreException("cannot create " + snapshots() + ": " + e.getMessage(), e);
        }
        try (FileChannel lockChannel = FileChannel.open(home.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock lock = lockChannel.lock()) {
            if (!lock.isValid()) {
                throw new IOException("could not lock " + home.resolve(".lock"));
            }
            RegistrySnapshot previous = activeOrNull();
            // The name hashes the data, not where it came from: the same release imported from
            // another path or URL is recognised as already active.
            SnapshotInfo i = snapshot.info();
            byte[] content = SnapshotCodec.encode(snapshot.withInfo(new SnapshotInfo(i.source(), "", i.updated(), null)));
            String name = fileName(snapshot, content);
            Path target = snapshots().resolve(name);
            Optional<Path> activeFile = activeFileOrEmpty();
            if (previous != null && activeFile.isPresent() && activeFile.get().equals(target)) {
                return new InstallResult(Outcome.ALREADY_ACTIVE, previous, target, previous);
            }
            if (previous != null && !policy.force()) {
                checkNewer(snapshot, previous);
                int prevCount = previous.assignments().size();
                if (count * 2L < prevCount) {
                    throw new SnapshotRejectedException(snapshot.info().label() + " holds " + count
                            + " records, less than half of the active release's " + prevCount
                            + "; use --force to import it anyway; nothing was changed");
                }
            }
            RegistrySnapshot stored = snapshot.withInfo(snapshot.info().importedAt(clock.instant()));
            hook.before("write-snapshot");
            writeAtomically(target, SnapshotCodec.encode(stored), "write-snapshot");
            hook.before("switch-active");
            writeAtomically(home.resolve("active"), (name + "\n").getBytes(StandardCharsets.UTF_8), "switch-active");
            return new InstallResult(Outcome.INSTALLED, stored, target, previous);
        } catch (IOException e) {
            throw new StoreException("cannot store the snapshot under " + home + ": " + e.getMessage()
                    + "; the previous data is still active", e);
        }
    }

    /** The active file, or empty when the pointer is missing or damaged (an import repairs it). */
    private Optional<Path> activeFileOrEmpty() {
        try {
            return activeFile();
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    private @Nullable RegistrySnapshot activeOrNull() {
        try {
            return active().orElse(null);
        } catch (StoreException e) {
            // A damaged active snapshot must not block its own repair by a new import.
            return null;
        }
    }

    /**
     * Refuses a candidate that is not newer than the active release: older, or of the same date.
     * Identical data never gets here (it is already active); other data under the active
     * release's date is a re-published, edited or damaged copy, and replacing good data with it
     * must be asked for.
     */
    private static void checkNewer(RegistrySnapshot candidate, RegistrySnapshot active)
            throws SnapshotRejectedException {
        Optional<RegistryDate> a = effectiveDate(active);
        Optional<RegistryDate> c = effectiveDate(candidate);
        if (a.isEmpty() || c.isEmpty()) {
            return;
        }
        int order = c.get().compareTo(a.get());
        if (order < 0) {
            throw new SnapshotRejectedException(candidate.info().label() + " is a release of " + c.get()
                    + ", older than the active release of " + a.get()
                    + "; use --force to import it anyway; nothing was changed");
        }
        if (order == 0) {
            throw new SnapshotRejectedException(candidate.info().label() + " is the release of " + c.get()
                    + ", the one already active (its data differs); use --force to replace it; nothing was changed");
        }
    }

    /**
     * The date a release stands for: the registry's {@code updated} date, or for sources without
     * one (the CSV) the latest registration or modification date among its records.
     */
    public static Optional<RegistryDate> effectiveDate(RegistrySnapshot s) {
        if (s.info().updated() != null) {
            var u = s.info().updated();
            return Optional.of(new RegistryDate(u.getYear(), u.getMonthValue(), u.getDayOfMonth()));
        }
        RegistryDate latest = null;
        for (Assignment a : s.assignments()) {
            for (RegistryDate d : new RegistryDate[] {a.registered(), a.modified()}) {
                if (d != null && (latest == null || d.compareTo(latest) > 0)) {
                    latest = d;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    private Path snapshots() {
        return home.resolve("snapshots");
    }

    private static String fileName(RegistrySnapshot s, byte[] content) {
        String date = s.info().updated() != null ? s.info().updated().toString() : "undated";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return s.info().source().id() + "-" + date + "-" + HexFormat.of().formatHex(digest, 0, 6) + ".snapshot";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private void writeAtomically(Path target, byte[] content, String step) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            hook.before(step + ":rename");
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(target.getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories; the rename itself is still atomic there.
        }
    }
}
