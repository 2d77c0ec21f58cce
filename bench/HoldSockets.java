import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds N TCP listeners on 127.0.0.1 until its standard input ends, for bench/inspect-vs-ss.sh.
 * Prints "ready" once they are all open. Run as a source file: java bench/HoldSockets.java 1000
 */
public class HoldSockets {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<ServerSocketChannel> open = new ArrayList<>();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int i = 0; i < n; i++) {
            ServerSocketChannel c = ServerSocketChannel.open(StandardProtocolFamily.INET);
            c.bind(new InetSocketAddress(loopback, 0));
            open.add(c);
        }
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the end of standard input
        }
        for (ServerSocketChannel c : open) {
            c.close();
        }
    }
}
