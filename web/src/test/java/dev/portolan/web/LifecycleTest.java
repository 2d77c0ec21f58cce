package dev.portolan.web;

import static dev.portolan.web.Harness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.Registry;
import dev.portolan.core.iana.RegistryFileReader;
import dev.portolan.core.testsupport.GeneratedRegistry;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.PortPages;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A stop that finishes the requests in flight, and new registry data served without a restart. */
class LifecycleTest {
    @Test
    void stop_finishesARequestInFlight_andTakesNoNewConnection() throws Exception {
        Harness h = Harness.start(Harness.settings().withShutdownGrace(10));
        String body = "{\"port\":22,\"lang\":\"en\",\"reaction\":\"helpful\"}";
        int port = h.port();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the request is in the server, waiting for the rest of its body

            long start = System.nanoTime();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(h::close);
            Thread.sleep(500);
            assertThat(stopping).as("the stop waits for the request in flight").isNotDone();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);

            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(readHead(s.getInputStream()), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 201 ");
            stopping.get(15, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
        }
    }

    @Test
    void stop_withARequestThatNeverEnds_waitsOnlyTheGrace() throws Exception {
        Harness h = Harness.start(Harness.settings().withShutdownGrace(1));
        try (Socket s = new Socket("127.0.0.1", h.port())) {
            s.getOutputStream().write(("POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    + "application/json\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Thread.sleep(300);
            long start = System.nanoTime();
            h.close();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).isBetween(500L, 8_000L);
        }
    }

    @Test
    void newRegistryData_isServedWithoutARestart_andNoRequestFails() throws Exception {
        try (Harness h = Harness.start()) {
            assertThat(text(h.get("/ports/1030"))).doesNotContain("fixture6");
            String before = text(h.get("/metrics"));
            assertThat(before).contains("source=\"baseline\"");

            Registry next = Registry.of(RegistryFileReader.read(new ByteArrayInputStream(
                    GeneratedRegistry.xmlBytes(LocalDate.of(2026, 12, 1), GeneratedRegistry.RECORDS)), "generated.xml"));
            PortPages pages = new PortPages(next, Knowledge.embedded());
            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> readers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                readers.add(CompletableFuture.runAsync(() -> {
                    while (reading.get()) {
                        int port = ThreadLocalRandom.current().nextInt(1000, 1100);
                        int status = h.get("/ports/" + port).statusCode();
                        answered.incrementAndGet();
                        if (status != 200) {
                            failures.add(port + ": " + status);
                        }
                    }
                }));
            }
            Thread.sleep(300);
            h.server.replaceData(pages.summaries(), pages::page);
            Thread.sleep(300);
            reading.set(false);
            for (CompletableFuture<Void> r : readers) {
                r.get(30, TimeUnit.SECONDS);
            }

            assertThat(failures).isEmpty();
            assertThat(answered.get()).isGreaterThan(10);
            // the page cached before shows the new data: the cache was emptied
            assertThat(text(h.get("/ports/1030"))).contains("fixture6");
            assertThat(text(h.get("/metrics"))).contains("source=\"iana-xml\"", "updated=\"2026-12-01\"",
                    "portolan_registry_age_seconds ");
        }
    }

    private static byte[] readHead(InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] sofar = head.toByteArray();
            int n = sofar.length;
            if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r' && sofar[n - 1] == '\n') {
                break;
            }
        }
        return head.toByteArray();
    }
}
