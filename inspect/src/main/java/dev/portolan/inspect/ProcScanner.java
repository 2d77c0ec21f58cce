package dev.portolan.inspect;

import dev.portolan.core.Transport;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Linux, natively: the socket tables of {@code /proc/net}, and, on a second thread at the same
 * time, every {@code /proc/PID/fd} link that names a socket inode ({@code socket:[16742]}); then
 * {@code comm}, {@code cmdline} and the owner of each process that holds a listed socket. This is
 * what {@code ss -p} and {@code lsof} do too; a process whose descriptors this user may not read
 * is counted and reported, never guessed at.
 */
final class ProcScanner implements Scanner {
    private static final String[][] TABLES = {{"tcp", "tcp"}, {"tcp6", "tcp"}, {"udp", "udp"}, {"udp6", "udp"}};

    private final Path proc;
    private final Path passwd;
    private final ByteOrder order;

    ProcScanner(Path proc, Path passwd, ByteOrder order) {
        this.proc = proc;
        this.passwd = passwd;
        this.order = order;
    }

    @Override
    public Platform platform() {
        return Platform.LINUX;
    }

    /** The {@code /proc} this scanner reads. */
    Path proc() {
        return proc;
    }

    @Override
    public SocketScan scan(boolean established) throws InspectException {
        return scan(established, -1);
    }

    /** From {@code /proc/self}; the JDK's answer when that link is not this process's. */
    @Override
    public long ownPid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(proc.resolve("self")).toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return Scanner.super.ownPid();
        }
    }

    @Override
    public SocketScan scanPort(int port) throws InspectException {
        return scan(true, port);
    }

    /** The scan, of every socket or ({@code onlyPort} 0-65535) of that local port's. */
    private SocketScan scan(boolean established, int onlyPort) throws InspectException {
        // The walk over /proc/PID/fd and the socket tables cost about the same, mostly in the
        // kernel (reading /proc/net/tcp walks the whole connection hash table), so they run side
        // by side: the walk on its own thread, the tables on this one.
        ProcessWalk walk = new ProcessWalk(proc);
        Thread walker = new Thread(walk, "portolan-proc-walk");
        walker.setDaemon(true);
        walker.start();
        List<ProcNetTable.Entry> entries;
        try {
            entries = readTables(established, onlyPort);
        } finally {
            joinQuietly(walker);
        }
        InodeOwners owners = walk.result();
        Map<Integer, String> users = new Users(passwd).names();
        List<LocalSocket> sockets = new ArrayList<>(entries.size());
        Map<Long, SocketOwner> described = new HashMap<>();
        for (ProcNetTable.Entry e : entries) {
            long[] pids = owners.pidsByInode.get(e.inode());
            List<SocketOwner> found = new ArrayList<>(pids == null ? 0 : pids.length);
            if (pids != null) {
                for (long pid : pids) {
                    SocketOwner o = described.get(pid);
                    if (o == null) {
                        o = describe(pid, proc.resolve(Long.toString(pid)), users);
                        described.put(pid, o);
                    }
                    found.add(o);
                }
            }
            LocalSocket s = e.socket();
            sockets.add(new LocalSocket(s.transport(), s.family(), s.address(), s.port(), s.state(), s.remoteAddress(),
                    s.remotePort(), Users.name(users, e.uid()), found));
        }
        return new SocketScan(Platform.LINUX, proc.resolve("net").toString(), sockets, new ProcSettings(proc).read(),
                List.of(), hiddenReason(owners.denied));
    }

    private List<ProcNetTable.Entry> readTables(boolean established, int onlyPort) throws InspectException {
        List<ProcNetTable.Entry> entries = new ArrayList<>();
        for (String[] table : TABLES) {
            Path file = proc.resolve("net").resolve(table[0]);
            byte[] text;
            try {
                text = ProcFiles.read(file);
            } catch (NoSuchFileException e) {
                continue; // no IPv6 in this kernel, or no UDP: nothing of that kind to list
            } catch (IOException e) {
                throw new InspectException(file + " could not be read: " + e.getMessage(), e);
            }
            Transport t = table[1].equals("tcp") ? Transport.TCP : Transport.UDP;
            AddressFamily f = table[0].endsWith("6") ? AddressFamily.IPV6 : AddressFamily.IPV4;
            new ProcNetTable(file.toString(), t, f, established, order).parse(text, entries, onlyPort);
        }
        return entries;
    }

    private static void joinQuietly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Why a socket of this scan may show no owner: {@code hidden.noProcessInView}, or one of {@code
     * hidden.deniedToRoot}, {@code hidden.denied} and {@code hidden.deniedToUid} (with {@code uid})
     * with the count of {@code processes} whose descriptors could not be read.
     */
    private Note hiddenReason(int denied) {
        if (denied == 0) {
            return Note.of("hidden.noProcessInView");
        }
        Integer uid = currentUid();
        if (uid != null && uid == 0) {
            return Note.of("hidden.deniedToRoot", "processes", denied);
        }
        return uid == null ? Note.of("hidden.denied", "processes", denied)
                : Note.of("hidden.deniedToUid", "processes", denied, "uid", uid.toString());
    }

    private @Nullable Integer currentUid() {
        try {
            return (Integer) Files.getAttribute(proc.resolve("self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** Socket inodes to the processes that hold them, and how many processes could not be read. */
    static final class InodeOwners {
        final Map<Long, long[]> pidsByInode = new HashMap<>();
        int denied;
    }

    /**
     * Reads every {@code /proc/PID/fd} and notes which process holds which socket inode. A process
     * whose descriptors may not be read is counted; one that ends meanwhile is skipped.
     */
    static final class ProcessWalk implements Runnable {
        private final Path proc;
        private final InodeOwners result = new InodeOwners();
        private @Nullable InspectException failure;
        private @Nullable RuntimeException crash;

        ProcessWalk(Path proc) {
            this.proc = proc;
        }

        @Override
        public void run() {
            try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc)) {
                for (Path pidDir : pids) {
                    long pid = pid(pidDir.getFileName().toString());
                    if (pid >= 0) {
                        process(pid, pidDir);
                    }
                }
            } catch (IOException e) {
                failure = new InspectException(proc + " could not be listed: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                crash = e;
            }
        }

        InodeOwners result() throws InspectException {
            if (failure != null) {
                throw failure;
            }
            if (crash != null) {
                throw crash;
            }
            return result;
        }

        private void process(long pid, Path pidDir) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(pidDir.resolve("fd"))) {
                for (Path fd : fds) {
                    String target;
                    try {
                        target = Files.readSymbolicLink(fd).toString();
                    } catch (NoSuchFileException e) {
                        continue; // closed meanwhile
                    }
                    long inode = socketInode(target);
                    if (inode < 0) {
                        continue;
                    }
                    long[] before = result.pidsByInode.get(inode);
                    if (before == null) {
                        result.pidsByInode.put(inode, new long[] {pid});
                    } else if (before[before.length - 1] != pid) {
                        long[] more = java.util.Arrays.copyOf(before, before.length + 1);
                        more[before.length] = pid;
                        result.pidsByInode.put(inode, more);
                    }
                }
            } catch (AccessDeniedException e) {
                result.denied++;
            } catch (IOException e) {
                // The process ended while it was read: it can no longer hold a socket worth listing.
            }
        }
    }

    private static final String SOCKET_PREFIX = "socket:[";

    /** The inode of a descriptor link {@code socket:[16742]}, or -1 for any other link. */
    static long socketInode(String target) {
        if (target.length() < SOCKET_PREFIX.length() + 2 || !target.startsWith(SOCKET_PREFIX) || !target.endsWith("]")) {
            return -1;
        }
        long v = 0;
        for (int i = SOCKET_PREFIX.length(); i < target.length() - 1 && i < SOCKET_PREFIX.length() + 19; i++) {
            char c = target.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The process id a {@code /proc} entry names, or -1 for the entries that are not processes. */
    static long pid(String name) {
        if (name.isEmpty() || name.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static SocketOwner describe(long pid, Path pidDir, Map<Integer, String> users) {
        String name = null;
        String commandLine = null;
        try {
            name = new String(ProcFiles.read(pidDir.resolve("comm")), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // ended meanwhile: keep the pid, say nothing about the name
        }
        try {
            byte[] cmd = ProcFiles.read(pidDir.resolve("cmdline"));
            int end = cmd.length;
            while (end > 0 && cmd[end - 1] == 0) {
                end--;
            }
            for (int i = 0; i < end; i++) {
                if (cmd[i] == 0) {
                    cmd[i] = ' ';
                }
            }
            commandLine = end == 0 ? null : new String(cmd, 0, end, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // as above
        }
        Integer uid = ownerUid(pidDir);
        return new SocketOwner(pid, name == null || name.isEmpty() ? null : name, commandLine,
                uid == null ? null : Users.name(users, uid));
    }

    private static @Nullable Integer ownerUid(Path pidDir) {
        try {
            return (Integer) Files.getAttribute(pidDir, "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }
}
