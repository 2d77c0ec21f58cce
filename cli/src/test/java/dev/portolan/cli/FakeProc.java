package dev.portolan.cli;

import dev.portolan.inspect.LocalSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Linux {@code /proc} written into a directory, so that the inspection commands answer about a
 * known set of sockets: lines of the socket tables in this machine's byte order, process
 * directories whose descriptors link to socket inodes, and the port settings.
 */
final class FakeProc {
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";

    /** The name the process directories' owner (whoever runs the test) has in this /proc's passwd. */
    static final String USER = "tester";

    private final Path root;
    private final List<String> tcp = new ArrayList<>();
    private final List<String> udp = new ArrayList<>();
    private int inode = 5000;

    FakeProc(Path root) {
        this.root = root;
    }

    /** A TCP listener on an IPv4 address, held by the process {@code pid} named {@code name} (0: none visible). */
    FakeProc tcpListener(String address, int port, long pid, String name) {
        tcp.add(line(address, port, "0A", pid, name));
        return this;
    }

    /** A bound UDP socket on an IPv4 address. */
    FakeProc udpSocket(String address, int port, long pid, String name) {
        udp.add(line(address, port, "07", pid, name));
        return this;
    }

    private String line(String address, int port, String state, long pid, String name) {
        int node = ++inode;
        if (pid != 0) {
            process(pid, name, node);
        }
        return String.format(Locale.ROOT, "   %d: %s:%04X 00000000:0000 %s 00000000:00000000 00:00000000 00000000"
                + "     0        0 %d 1 0000000000000000 100 0 0 10 0\n", tcp.size() + udp.size(), hex(address), port,
                state, node);
    }

    private void process(long pid, String name, int node) {
        try {
            Path dir = Files.createDirectories(root.resolve(Long.toString(pid)));
            Files.writeString(dir.resolve("comm"), name + "\n");
            Files.write(dir.resolve("cmdline"), ("/usr/sbin/" + name + "\0").getBytes(StandardCharsets.UTF_8));
            Path fd = Files.createDirectories(dir.resolve("fd"));
            Files.createSymbolicLink(fd.resolve(Integer.toString(node)), Path.of("socket:[" + node + "]"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kernel's hex form of an IPv4 address: one 32-bit word in this machine's byte order. */
    private static String hex(String address) {
        String[] p = address.split("\\.");
        int[] b = new int[4];
        for (int i = 0; i < 4; i++) {
            b[i] = Integer.parseInt(p[i]);
        }
        long v = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                ? ((long) b[3] << 24) | (b[2] << 16) | (b[1] << 8) | b[0]
                : ((long) b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
        return String.format(Locale.ROOT, "%08X", v);
    }

    /** Writes the tables and settings and returns sockets read from them. */
    LocalSockets sockets() {
        try {
            Path net = Files.createDirectories(root.resolve("net"));
            Files.writeString(net.resolve("tcp"), HEADER + String.join("", tcp));
            Files.writeString(net.resolve("udp"), HEADER + String.join("", udp));
            Path ipv4 = Files.createDirectories(root.resolve("sys/net/ipv4"));
            Files.writeString(ipv4.resolve("ip_local_port_range"), "32768\t60999\n");
            Files.writeString(ipv4.resolve("ip_local_reserved_ports"), "\n");
            Files.writeString(ipv4.resolve("ip_unprivileged_port_start"), "1024\n");
            Path passwd = root.resolve("passwd");
            int uid = (Integer) Files.getAttribute(root, "unix:uid");
            Files.writeString(passwd, USER + ":x:" + uid + ":" + uid + "::/home/x:/bin/sh\n");
            return LocalSockets.linux(root, passwd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
