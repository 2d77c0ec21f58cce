package dev.portolan.bench;

import dev.portolan.inspect.InspectException;
import dev.portolan.inspect.LocalSockets;
import dev.portolan.inspect.SocketScan;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Is an in-process scan of this machine's sockets cheaper than running {@code ss -tulpn}? With
 * {@code sockets} TCP listeners open on 127.0.0.1 (held by the benchmark's own JVM, 1,000 by
 * default), it measures:
 *
 * <ul>
 *   <li>{@code scanInProcess}: {@link LocalSockets#scan} of listening and bound sockets with their
 *       processes, as {@code portolan listening} does it (Linux: {@code /proc/net} and every {@code
 *       /proc/PID/fd}).
 *   <li>{@code ssAsProcess}: starting {@code ss -tulpn}, reading all it prints and waiting for it
 *       to end, from the same JVM. {@code bench/inspect-vs-ss.sh} measures the same command from
 *       the shell with hyperfine.
 * </ul>
 *
 * <p>Linux only (elsewhere the scan runs lsof or PowerShell, and ss does not exist). Average time,
 * ms. Run with:
 *
 * <pre>java -jar bench/target/benchmarks.jar LocalSocketsBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class LocalSocketsBenchmark {
    @Param("1000")
    int sockets;

    private final List<ServerSocketChannel> open = new ArrayList<>();
    private LocalSockets local;

    @Setup(Level.Trial)
    public void openSockets() throws IOException, InspectException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int i = 0; i < sockets; i++) {
            ServerSocketChannel c = ServerSocketChannel.open(StandardProtocolFamily.INET);
            c.bind(new InetSocketAddress(loopback, 0));
            open.add(c);
        }
        local = LocalSockets.forThisMachine();
        int seen = local.scan(false).sockets().size();
        if (seen < sockets) {
            throw new IllegalStateException("the scan sees " + seen + " sockets, fewer than the " + sockets + " opened");
        }
    }

    @TearDown(Level.Trial)
    public void closeSockets() throws IOException {
        for (ServerSocketChannel c : open) {
            c.close();
        }
    }

    @Benchmark
    public SocketScan scanInProcess() throws InspectException {
        return local.scan(false);
    }

    @Benchmark
    public int ssAsProcess() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ss", "-tulpn").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int bytes;
        try (InputStream in = p.getInputStream()) {
            bytes = in.readAllBytes().length;
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ss -tulpn failed with exit code " + p.exitValue());
        }
        return bytes;
    }
}
