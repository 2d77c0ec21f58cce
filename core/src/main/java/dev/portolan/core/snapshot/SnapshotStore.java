package dev.portolan.core.snapshot;

import dev.portolan.core.Assignment;
import dev.portolan.core.FileBytes;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.SnapshotRejectedException;
import dev.portolan.core.StoreException;
import dev.portolan.core.history.ChangeLog;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Imported snapshots under the Portolan home, and which one is active.
 *
 * <p>Layout: {@code snapshots/NAME.snapshot} holds each imported release in {@link SnapshotCodec}
 * form; the file {@code active} names the active one. Installing writes the new snapshot to a
 * temporary file, forces it to disk, renames it into place, and only then replaces {@code active}
 * the same way, so a failure at any step leaves the previous data answering. An exclusive lock on
 * {@code .lock} keeps two imports from interleaving. The directory {@code cache} holds what other
 * parts of the program make from the active snapshot to answer faster (the search's index): this
 * class never reads it, and deleting it loses nothing.
 *
 * <p><b>History.</b> A store made with the program's history ({@link #at(Path, Supplier)}) also
 * keeps the history of the registry in {@code history.changelog}: the program's change log merged
 * with every dated release imported into the home ({@link #history()}). An import adds its
 * releases to it, written the same way as snapshots and before {@code active} is switched; a
 * release older than the active one is then kept in the history instead of being refused. A
 * store made with {@link #at(Path)} keeps no history and imports one release at a time.
 */
public final class SnapshotStore {
    /** Environment variable naming the Portolan home; {@code ~/.portolan} when unset. */
    public static final String HOME_VARIABLE = "PORTOLAN_HOME";

    /** The home's history file, beside {@code snapshots} and {@code active}. */
    static final String HISTORY_FILE = "history.changelog";

    private final Path home;
    private final Clock clock;
    private final StepHook hook;
    private final @Nullable Supplier<ChangeLog> programHistory;

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

    /** What an install did with the release that would become active. */
    public enum Outcome {
        /** The snapshot is now active. */
        INSTALLED,
        /** The same data was already active; it stays so. */
        ALREADY_ACTIVE,
        /**
         * The release is older than the active one, which stays active; the history has it (it
         * was added, or was there already). Only a store that keeps the history says this.
         */
        HISTORY_ONLY
    }

    /**
     * The result of an install.
     *
     * @param outcome installed, already active, or kept in the history only
     * @param snapshot the snapshot as stored, with its import time; for {@link Outcome#HISTORY_ONLY}
     *     the release as given, which only the history keeps
     * @param file the stored file of the snapshot active after the install
     * @param previous the snapshot that was active before, if any
     * @param history what became of each release in the history
     */
    public record InstallResult(Outcome outcome, RegistrySnapshot snapshot, Path file, @Nullable RegistrySnapshot previous,
            HistoryUpdate history) {}

    /** What became of one release in the history. */
    public enum HistoryFate {
        /** The history lacked it and keeps it now. */
        ADDED,
        /** The history holds it already, with the same records. */
        KNOWN,
        /** The history holds its records under another date, and keeps them there only. */
        SAME_RECORDS,
        /**
         * The history holds a release of its date with other records, and keeps its own: the
         * import was forced, or another rule refused it first.
         */
        KEPT_OWN,
        /** It states no release date (IANA's CSV file has none), by which the history orders releases. */
        UNDATED,
        /** The store keeps no history. */
        NOT_KEPT
    }

    /**
     * One release of an import, as the history took it.
     *
     * @param label the release's label: the file or address it was read from
     * @param release its registry date, if it states one
     * @param fate what became of it
     * @param other for {@link HistoryFate#SAME_RECORDS}, the date under which the history holds its
     *     records; for {@link HistoryFate#KEPT_OWN}, the date of the history's own release
     */
    public record ReleaseInHistory(String label, @Nullable LocalDate release, HistoryFate fate, @Nullable LocalDate other) {}

    /**
     * What an import did to the history.
     *
     * @param releases each release given, in the order given
     * @param history the history after the import; null when the store keeps none
     * @param written whether the history file was written: the history gained a release
     */
    public record HistoryUpdate(List<ReleaseInHistory> releases, @Nullable ChangeLog history, boolean written) {
        public HistoryUpdate {
            releases = List.copyOf(releases);
        }
    }

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

    private SnapshotStore(Path home, Clock clock, StepHook hook, @Nullable Supplier<ChangeLog> programHistory) {
        this.home = home;
        this.clock = clock;
        this.hook = hook;
        this.programHistory = programHistory;
    }

    /** The store of {@code home}, keeping no history: an import installs one release, as the only rule. */
    public static SnapshotStore at(Path home) {
        return new SnapshotStore(home, Clock.systemUTC(), NoHook.INSTANCE, null);
    }

    /**
     * The store of {@code home}, keeping the history of the registry: {@code programHistory} (the
     * change log embedded in the program, asked for only when the history is read or written)
     * merged with the releases imported into the home.
     */
    public static SnapshotStore at(Path home, Supplier<ChangeLog> programHistory) {
        return new SnapshotStore(home, Clock.systemUTC(), NoHook.INSTANCE, programHistory);
    }

    static SnapshotStore at(Path home, Clock clock, StepHook hook) {
        return new SnapshotStore(home, clock, hook, null);
    }

    static SnapshotStore at(Path home, Clock clock, StepHook hook, Supplier<ChangeLog> programHistory) {
        return new SnapshotStore(home, clock, hook, programHistory);
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

    /**
     * The directory of files made from the active snapshot that can be made again (see the class
     * comment), whether or not it exists yet.
     */
    public Path cacheDirectory() {
        return home.resolve("cache");
    }

    /** The file of the history this home keeps, whether or not it exists yet. */
    public Path historyFile() {
        return home.resolve(HISTORY_FILE);
    }

    /**
     * The history of the registry this home answers from: the program's change log with the
     * releases imported into the home. For a store that keeps no history, the change log stored
     * in the home, if there is one.
     *
     * @throws StoreException if the history file cannot be read or is damaged
     */
    public Optional<ChangeLog> history() throws StoreException {
        ChangeLog stored = HomeHistory.read(historyFile());
        if (programHistory == null) {
            return Optional.ofNullable(stored);
        }
        return Optional.of(HomeHistory.merged(programHistory.get(), stored));
    }

    /** The file of the active imported snapshot, if one was imported. */
    public Optional<Path> activeFile() throws StoreException {
        Path pointer = home.resolve("active");
        String name;
        try {
            name = new String(FileBytes.read(pointer), StandardCharsets.UTF_8).strip();
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
        return file.isEmpty() ? Optional.empty() : Optional.of(readActive(file.get()));
    }

    /**
     * The active snapshot, read from the file {@link #activeFile()} gave (for a caller that needs
     * both, reading {@code active} once).
     *
     * @throws StoreException if the file is missing or damaged
     */
    public RegistrySnapshot readActive(Path file) throws StoreException {
        try {
            return SnapshotCodec.decode(FileBytes.read(file));
        } catch (NoSuchFileException e) {
            throw new StoreException("the active snapshot " + file + " is missing", e);
        } catch (IOException e) {
            throw new StoreException("cannot read the active snapshot " + file + ": " + e.getMessage(), e);
        } catch (SnapshotCodec.CorruptSnapshotException e) {
            throw new StoreException("the active snapshot " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Validates {@code snapshot} against the policy and the active snapshot, stores it and makes it
     * active; a store that keeps the history adds it there too. Same as {@link #importReleases}
     * with one release.
     *
     * @throws SnapshotRejectedException if it has too few records, or (without {@code force}) is not
     *     newer than the active one (a store that keeps the history takes an older release into
     *     it instead) or less than half its size; nothing is written. The same data as the active
     *     snapshot is no error: the result says {@link Outcome#ALREADY_ACTIVE}.
     * @throws StoreException if writing fails; the previous snapshot stays active
     */
    public InstallResult install(RegistrySnapshot snapshot, Policy policy)
            throws SnapshotRejectedException, StoreException {
        return importReleases(List.of(snapshot), policy);
    }

    /**
     * Imports releases given in any order: the newest is installed as {@link #install} says, and
     * every dated release is added to the history, if the store keeps one. Nothing is written
     * unless every release passes.
     *
     * <p>For each release, the history either adds it, knows it already (same date, same records:
     * no error), holds its records under another date (it is not added), or holds a release of
     * its date with other records: refused without {@code force}; with it the history keeps its
     * own. The newest release is installed when there is no active snapshot, when it is newer
     * than the active one, or with {@code force}; when it is older, the active snapshot stays and
     * the result says {@link Outcome#HISTORY_ONLY}, provided the history holds it (else it is
     * refused as by a store without history).
     *
     * @param releases read from files, each labelled with its file
     * @throws SnapshotRejectedException if a release has too few records, several releases are
     *     given and one states no date (IANA's CSV) or two the same date, the newest is refused
     *     as by {@link #install}, or a release conflicts with the history; nothing is written
     * @throws StoreException if the history file is damaged, or writing fails; the previous data
     *     stays active
     * @throws IllegalArgumentException if {@code releases} is empty, or holds several for a store
     *     that keeps no history
     */
    public InstallResult importReleases(List<RegistrySnapshot> releases, Policy policy)
            throws SnapshotRejectedException, StoreException {
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("no release to import");
        }
        if (releases.size() > 1 && programHistory == null) {
            throw new IllegalArgumentException("a store that keeps no history imports one release at a time");
        }
        for (RegistrySnapshot snapshot : releases) {
            int count = snapshot.assignments().size();
            if (count < policy.minRecords()) {
                throw new SnapshotRejectedException(snapshot.info().label() + " holds " + count
                        + " records; a whole IANA port registry has at least " + policy.minRecords()
                        + " (truncated or partial file?); nothing was changed");
            }
        }
        RegistrySnapshot snapshot = newest(releases);
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
            HomeHistory.Plan plan = programHistory == null ? null
                    : HomeHistory.plan(HomeHistory.merged(programHistory.get(), HomeHistory.read(historyFile())), releases);
            HistoryFate fate = plan == null ? HistoryFate.NOT_KEPT
                    : plan.releases().get(indexOf(releases, snapshot)).fate();
            Outcome outcome = previous != null && activeFile.isPresent() && activeFile.get().equals(target)
                    ? Outcome.ALREADY_ACTIVE : outcome(snapshot, previous, fate, policy);
            ReleaseInHistory conflict = plan == null ? null : firstConflict(plan, outcome == Outcome.ALREADY_ACTIVE
                    ? plan.releases().get(indexOf(releases, snapshot)) : null);
            if (conflict != null && !policy.force()) {
                ReleaseInHistory c = conflict;
                throw new SnapshotRejectedException(c.label() + " is the release of " + c.release()
                        + ", which the history already holds with other records; check the file, or use --force "
                        + "to import it anyway (the history keeps its own); nothing was changed");
            }
            HistoryUpdate history = plan == null
                    ? new HistoryUpdate(notKept(releases), null, false)
                    : new HistoryUpdate(plan.releases(), plan.history(), plan.changed());
            if (outcome != Outcome.INSTALLED) {
                if (history.written()) {
                    hook.before("write-history");
                    writeAtomically(historyFile(), history.history().encode(), "write-history");
                }
                return outcome == Outcome.ALREADY_ACTIVE
                        ? new InstallResult(outcome, previous, target, previous, history)
                        : new InstallResult(outcome, snapshot, activeFile.orElseThrow(), previous, history);
            }
            RegistrySnapshot stored = snapshot.withInfo(snapshot.info().importedAt(clock.instant()));
            hook.before("write-snapshot");
            writeAtomically(target, SnapshotCodec.encode(stored), "write-snapshot");
            if (history.written()) {
                hook.before("write-history");
                writeAtomically(historyFile(), history.history().encode(), "write-history");
            }
            hook.before("switch-active");
            writeAtomically(home.resolve("active"), (name + "\n").getBytes(StandardCharsets.UTF_8), "switch-active");
            return new InstallResult(Outcome.INSTALLED, stored, target, previous, history);
        } catch (IOException e) {
            throw new StoreException("cannot store the snapshot under " + home + ": " + e.getMessage()
                    + "; the previous data is still active", e);
        }
    }

    /**
     * Whether the release that is not the active data becomes active: always into a home without
     * active data or with {@code force}; else when it is newer and not much smaller than the active
     * release. An older one the history holds stays there only.
     *
     * @throws SnapshotRejectedException if it is older and the history does not hold it, of the
     *     active release's date, or less than half its size
     */
    private static Outcome outcome(RegistrySnapshot snapshot, @Nullable RegistrySnapshot previous, HistoryFate fate,
            Policy policy) throws SnapshotRejectedException {
        if (previous == null || policy.force()) {
            return Outcome.INSTALLED;
        }
        if (isOlder(snapshot, previous)
                && (fate == HistoryFate.ADDED || fate == HistoryFate.KNOWN || fate == HistoryFate.SAME_RECORDS)) {
            return Outcome.HISTORY_ONLY;
        }
        checkNewer(snapshot, previous);
        int count = snapshot.assignments().size();
        int prevCount = previous.assignments().size();
        if (count * 2L < prevCount) {
            throw new SnapshotRejectedException(snapshot.info().label() + " holds " + count
                    + " records, less than half of the active release's " + prevCount
                    + "; use --force to import it anyway; nothing was changed");
        }
        return Outcome.INSTALLED;
    }

    /**
     * The release to make active: the only one, or the newest of several, which must all state
     * their dates, each its own.
     */
    private static RegistrySnapshot newest(List<RegistrySnapshot> releases) throws SnapshotRejectedException {
        if (releases.size() == 1) {
            return releases.get(0);
        }
        List<RegistrySnapshot> byDate = new ArrayList<>(releases.size());
        for (RegistrySnapshot r : releases) {
            if (r.info().updated() == null) {
                throw new SnapshotRejectedException(r.info().label() + " states no release date (IANA's CSV file has "
                        + "none), by which the history orders releases; import it alone, or the XML files of the "
                        + "registry; nothing was changed");
            }
            byDate.add(r);
        }
        // stable: of two releases of one date, the one given first comes first
        byDate.sort(Comparator.comparing(r -> r.info().updated()));
        for (int i = 1; i < byDate.size(); i++) {
            RegistrySnapshot a = byDate.get(i - 1);
            RegistrySnapshot b = byDate.get(i);
            if (a.info().updated().equals(b.info().updated())) {
                throw new SnapshotRejectedException(b.info().label() + " is the release of " + b.info().updated()
                        + ", as is " + a.info().label() + "; give each release once; nothing was changed");
            }
        }
        return byDate.get(byDate.size() - 1);
    }

    /**
     * The first release whose date the history holds with other records, but {@code exempt}: the
     * active release imported again is no conflict (a forced import made it differ from the
     * history's).
     */
    private static @Nullable ReleaseInHistory firstConflict(HomeHistory.Plan plan, @Nullable ReleaseInHistory exempt) {
        for (ReleaseInHistory c : plan.conflicts()) {
            if (c != exempt) {
                return c;
            }
        }
        return null;
    }

    private static int indexOf(List<RegistrySnapshot> releases, RegistrySnapshot snapshot) {
        for (int i = 0; i < releases.size(); i++) {
            if (releases.get(i) == snapshot) {
                return i;
            }
        }
        throw new IllegalArgumentException("not one of the releases");
    }

    private static List<ReleaseInHistory> notKept(List<RegistrySnapshot> releases) {
        List<ReleaseInHistory> out = new ArrayList<>(releases.size());
        for (RegistrySnapshot r : releases) {
            out.add(new ReleaseInHistory(r.info().label(), r.info().updated(), HistoryFate.NOT_KEPT, null));
        }
        return out;
    }

    /** Whether {@code candidate} is a release older than {@code active}, by their effective dates. */
    private static boolean isOlder(RegistrySnapshot candidate, RegistrySnapshot active) {
        Optional<RegistryDate> a = effectiveDate(active);
        Optional<RegistryDate> c = effectiveDate(candidate);
        return a.isPresent() && c.isPresent() && c.get().compareTo(a.get()) < 0;
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
