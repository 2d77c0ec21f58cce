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
 * Linux, natively: the socket tables of {@code /proc/net}, then every {@code /proc/PID/fd} whose
 * links name one of their inodes ({@code socket:[16742]}), then {@code comm}, {@code cmdline} and
 * the owner of each process found. This is what {@code ss -p} and {@code lsof} do too; a
 * process whose descriptors this user may not read is counted and reported, never guessed at.
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

    @Override
    public SocketScan scan(boolean established) throws InspectException {
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
            new ProcNetTable(file.toString(), t, f, established, order).parse(text, entries);
        }
        InodeOwners owners = findOwners(entries);
        Map<Integer, String> users = new Users(passwd).names();
        List<LocalSocket> sockets = new ArrayList<>(entries.size());
        int hidden = 0;
        for (ProcNetTable.Entry e : entries) {
            List<SocketOwner> found = owners.byInode.getOrDefault(e.inode(), List.of());
            if (found.isEmpty() && e.inode() != 0) {
                hidden++;
            }
            LocalSocket s = e.socket();
            sockets.add(new LocalSocket(s.transport(), s.family(), s.address(), s.port(), s.state(), s.remoteAddress(),
                    s.remotePort(), Users.name(users, e.uid()), withUsers(found, owners, users)));
        }
        List<String> limitations = new ArrayList<>();
        if (hidden > 0) {
            limitations.add(hiddenSentence(hidden, owners.denied));
        }
        return new SocketScan(Platform.LINUX, proc.resolve("net").toString(), sockets, new ProcSettings(proc).read(),
                limitations);
    }

    private String hiddenSentence(int hidden, int denied) {
        String sockets = hidden == 1 ? "1 socket has" : hidden + " sockets have";
        if (denied == 0) {
            return sockets + " no visible owner: no process in view holds " + (hidden == 1 ? "it" : "them")
                    + " (the kernel, or a process in another PID namespace, such as a container's)";
        }
        String processes = denied == 1 ? "1 process" : denied + " processes";
        Integer uid = currentUid();
        if (uid != null && uid == 0) {
            return sockets + " no visible owner: even as root, the descriptors of " + processes
                    + " could not be read (a security policy or another container keeps them closed)";
        }
        return sockets + " no visible owner: this user" + (uid == null ? "" : " (uid " + uid + ")")
                + " may not read the descriptors of " + processes + "; run as root to see every owner";
    }

    private @Nullable Integer currentUid() {
        try {
            return (Integer) Files.getAttribute(proc.resolve("self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** Socket inodes to the processes that hold them, and how many processes could not be read. */
    private static final class InodeOwners {
        final Map<Long, List<SocketOwner>> byInode = new HashMap<>();
        final Map<Long, Integer> uidByPid = new HashMap<>();
        int denied;
    }

    private static final byte[] SOCKET_PREFIX = "socket:[".getBytes(StandardCharsets.US_ASCII);

    private InodeOwners findOwners(List<ProcNetTable.Entry> entries) throws InspectException {
        InodeOwners result = new InodeOwners();
        if (entries.isEmpty()) {
            return result;
        }
        Map<Long, Boolean> wanted = new HashMap<>(entries.size() * 2);
        for (ProcNetTable.Entry e : entries) {
            if (e.inode() != 0) {
                wanted.put(e.inode(), Boolean.TRUE);
            }
        }
        Map<Long, SocketOwner> process = new HashMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc)) {
            for (Path pidDir : pids) {
                long pid = pid(pidDir.getFileName().toString());
                if (pid < 0) {
                    continue;
                }
                scanProcess(pid, pidDir, wanted, process, result);
            }
        } catch (IOException e) {
            throw new InspectException(proc + " could not be listed: " + e.getMessage(), e);
        }
        return result;
    }

    private void scanProcess(long pid, Path pidDir, Map<Long, Boolean> wanted, Map<Long, SocketOwner> process,
            InodeOwners result) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(pidDir.resolve("fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (NoSuchFileException e) {
                    continue; // closed meanwhile
                }
                long inode = socketInode(target);
                if (inode < 0 || !wanted.containsKey(inode)) {
                    continue;
                }
                SocketOwner owner = process.get(pid);
                if (owner == null) {
                    owner = describe(pid, pidDir);
                    process.put(pid, owner);
                    Integer uid = ownerUid(pidDir);
                    if (uid != null) {
                        result.uidByPid.put(pid, uid);
                    }
                }
                List<SocketOwner> list = result.byInode.computeIfAbsent(inode, k -> new ArrayList<>(1));
                if (!list.contains(owner)) {
                    list.add(owner);
                }
            }
        } catch (AccessDeniedException e) {
            result.denied++;
        } catch (IOException e) {
            // The process ended while it was read, or its descriptors are otherwise closed to us:
            // it can no longer hold a socket worth listing.
        }
    }

    private static long socketInode(String target) {
        if (target.length() < SOCKET_PREFIX.length + 2 || !target.startsWith("socket:[") || !target.endsWith("]")) {
            return -1;
        }
        long v = 0;
        for (int i = SOCKET_PREFIX.length; i < target.length() - 1; i++) {
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

    private static SocketOwner describe(long pid, Path pidDir) {
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
        return new SocketOwner(pid, name == null || name.isEmpty() ? null : name, commandLine, null);
    }

    private static @Nullable Integer ownerUid(Path pidDir) {
        try {
            return (Integer) Files.getAttribute(pidDir, "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    private static List<SocketOwner> withUsers(List<SocketOwner> found, InodeOwners owners, Map<Integer, String> users) {
        if (found.isEmpty()) {
            return found;
        }
        List<SocketOwner> out = new ArrayList<>(found.size());
        for (SocketOwner o : found) {
            Integer uid = owners.uidByPid.get(o.pid());
            out.add(uid == null ? o : new SocketOwner(o.pid(), o.name(), o.commandLine(), Users.name(users, uid)));
        }
        return out;
    }
}
