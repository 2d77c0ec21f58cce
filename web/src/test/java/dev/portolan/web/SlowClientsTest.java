package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that send their request bodies slowly, break them, or abandon them: the site keeps
 * answering everyone else at once, and answers them with a 4xx rather than a 500, within bounded
 * time. Real sockets against a real server with the default number of threads.
 */
class SlowClientsTest {
    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start(Harness.settings().withThreads(8));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** A socket that has sent the headers of a vote and the first byte of its body, and then trickles. */
    private static Socket trickle(String path, String contentType) throws IOException {
        Socket s = new Socket("127.0.0.1", h.port());
        s.setSoTimeout(30_000);
        String body = "{\"port\":22,\"lang\":\"en\",\"reaction\":\"helpful\"}";
        OutputStream out = s.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body.charAt(0)).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    @Test
    @Timeout(60)
    void manySlowUploads_doNotStopOtherRequests() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                slow.add(trickle(i % 2 == 0 ? "/api/v1/feedback" : "/ports/22/feedback",
                        i % 2 == 0 ? "application/json" : "application/x-www-form-urlencoded"));
            }
            Thread.sleep(300);
            long start = System.nanoTime();
            for (String path : List.of("/healthz", "/ports/22", "/api/v1/ports/443", "/search?q=rdp", "/")) {
                HttpResponse<byte[]> r = h.get(path);
                assertThat(r.statusCode()).as(path).isIn(200, 303);
            }
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms for five requests").isLessThan(10_000);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /**
     * Pastes for the explain page may be far larger than votes, and each is held in memory while it
     * arrives: past {@link ExplainRoutes#ARRIVING_AT_ONCE} of them at once, another gets a 503 at
     * once, votes still arrive, and a paste is taken again once the slow ones are gone.
     */
    @Test
    @Timeout(60)
    void slowPastesPastTheLimit_areRefusedWithA503_andVotesGoOn() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < ExplainRoutes.ARRIVING_AT_ONCE; i++) {
                Socket s = new Socket("127.0.0.1", h.port());
                s.setSoTimeout(30_000);
                String path = i % 2 == 0 ? "/explain-output" : "/de/explain-output";
                s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000"
                        + "\r\n\r\noutput=").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            Thread.sleep(300);
            String refused = h.raw(("POST /explain-output HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    + "application/x-www-form-urlencoded\r\nContent-Length: 8\r\nConnection: close\r\n\r\noutput=x")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(refused).startsWith("HTTP/1.1 503 ").contains("Retry-After: " + BufferedBodies.DEADLINE_SECONDS);
            HttpResponse<byte[]> vote = h.post("/api/v1/feedback", "{\"port\":23,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                    "Content-Type", "application/json");
            assertThat(vote.statusCode()).isIn(200, 201);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        // the slow ones gone, pastes are read again
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status;
        do {
            Thread.sleep(100);
            status = ExplainTest.paste(h, "/explain-output", "hello").statusCode();
        } while (status == 503 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(400);
    }

    @Test
    @Timeout(60)
    void aBodyThatTrickles_isCutOffWithA408_inBoundedTime() throws Exception {
        try (Socket s = trickle("/api/v1/feedback", "application/json")) {
            long start = System.nanoTime();
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            // one more byte a second, as the attack did
            byte[] answer = new byte[512];
            int n = -1;
            for (int i = 0; i < 40 && n < 0; i++) {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                s.setSoTimeout(1_000);
                try {
                    n = in.read(answer);
                } catch (java.net.SocketTimeoutException stillWaiting) {
                    n = -1;
                }
            }
            String head = n > 0 ? new String(answer, 0, n, StandardCharsets.ISO_8859_1) : "";
            assertThat(head).startsWith("HTTP/1.1 408 ");
            assertThat((System.nanoTime() - start) / 1_000_000_000).as("seconds until cut off")
                    .isLessThanOrEqualTo(BufferedBodies.DEADLINE_SECONDS + 3);
        }
    }

    @Test
    void aMalformedChunkedBody_isA400() {
        String answer = h.raw(("POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(answer).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void aChunkedBodyOverTheLimit_isA413_andAGoodOneIsAccepted() {
        String big = "{\"port\":22,\"lang\":\"en\",\"reaction\":\"" + "x".repeat(3000) + "\"}";
        String answer = h.raw(("POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(big.length()) + "\r\n"
                + big + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(answer).startsWith("HTTP/1.1 413 ");
        String body = "{\"port\":22,\"lang\":\"en\",\"reaction\":\"helpful\"}";
        String ok = h.raw(("POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n"
                + body + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(ok).startsWith("HTTP/1.1 201 ");
    }

    /**
     * Slowloris: a request's head sent a byte every half second never completes. The connection is
     * closed after the deadline (10 s) instead of being held for as long as the bytes keep coming,
     * and the site answers meanwhile.
     */
    @Test
    @Timeout(60)
    void aRequestHeadThatTrickles_isClosedAfterTheDeadline() throws Exception {
        try (Socket s = new Socket("127.0.0.1", h.port())) {
            s.setSoTimeout(1_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /ports/22 HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 80 && !closed; i++) {
                try {
                    out.write('X');
                    out.flush();
                    closed = s.getInputStream().read() < 0;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // the server is still waiting: send the next byte (read waited a second)
                } catch (IOException reset) {
                    closed = true;
                }
                if (i % 5 == 0) {
                    assertThat(h.get("/healthz").statusCode()).isEqualTo(200);
                }
            }
            long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertThat(closed).as("closed by the server").isTrue();
            assertThat(seconds).isBetween(8L, 25L);
        }
    }

    /**
     * A request that arrives just before the connection's look, after an idle pause, is not taken
     * for a trickle: a request completed, so the connection lives on and takes another.
     */
    @Test
    @Timeout(60)
    void aKeptAliveConnection_withRequestsAfterPauses_staysOpen() throws Exception {
        try (Socket s = new Socket("127.0.0.1", h.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            java.io.InputStream in = s.getInputStream();
            for (int round = 0; round < 2; round++) {
                Thread.sleep(9_000);
                out.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(1_500);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] head = new byte[12];
                int n = in.readNBytes(head, 0, 12);
                assertThat(new String(head, 0, n, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                // read the rest of this answer: its length is in the headers
                StringBuilder headers = new StringBuilder();
                while (!headers.toString().endsWith("\r\n\r\n")) {
                    headers.append((char) in.read());
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)")
                        .matcher(headers);
                assertThat(m.find()).isTrue();
                in.readNBytes(Integer.parseInt(m.group(1)));
            }
        }
    }
}
