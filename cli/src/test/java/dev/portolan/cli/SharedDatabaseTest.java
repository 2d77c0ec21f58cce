package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.store.testsupport.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code portolan serve} processes on one PostgreSQL database, as behind a load balancer:
 * readers vote on both at once, one server is killed with SIGKILL in the middle, the other goes
 * on. Every vote goes to a port of its own, so the database can be checked vote by vote: each
 * acknowledged vote is there exactly once, each vote never sent is absent, and only votes that
 * were on their way to the killed server when it died may be either.
 */
class SharedDatabaseTest {
    private static final Pattern SERVING = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)/");
    private static final int CLIENTS = 8;
    private static final int FIRST_PORT = 1000;

    @TempDir
    Path home;

    private enum Outcome { ACKNOWLEDGED, FAILED }

    @Test
    void twoServers_oneKilled_everyAcknowledgedVoteCountedOnce() throws Exception {
        try (TestPostgres pg = TestPostgres.freshSchema()) {
            Server a = Server.start(home, pg.url(), "a");
            Server b = Server.start(home, pg.url(), "b");
            Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger(FIRST_PORT);
            AtomicBoolean aAlive = new AtomicBoolean(true);
            AtomicBoolean voting = new AtomicBoolean(true);
            AtomicInteger acknowledgedByB = new AtomicInteger();
            AtomicInteger acknowledgedByBAfterKill = new AtomicInteger();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(pool.submit(() -> {
                        while (voting.get()) {
                            int port = next.getAndIncrement();
                            boolean toA = port % 2 == 0 && aAlive.get();
                            boolean afterKill = !aAlive.get();
                            Outcome o = vote(client, toA ? a.url : b.url, port);
                            outcomes.put(port, o);
                            if (o == Outcome.ACKNOWLEDGED && !toA) {
                                acknowledgedByB.incrementAndGet();
                                if (afterKill) {
                                    acknowledgedByBAfterKill.incrementAndGet();
                                }
                            }
                        }
                        return null;
                    }));
                }
                waitUntil(() -> count(outcomes, Outcome.ACKNOWLEDGED) >= 600);
                a.process.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                aAlive.set(false);
                assertThat(a.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                waitUntil(() -> acknowledgedByBAfterKill.get() >= 300);
                voting.set(false);
                for (Future<?> f : clients) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                voting.set(false);
                pool.shutdownNow();
                a.process.destroyForcibly();
                b.stop();
            }
            assertThat(a.process.exitValue()).isEqualTo(137); // 128 + SIGKILL

            Map<Integer, Integer> stored = new HashMap<>();
            for (String row : pg.rows("SELECT port, count(*) FROM feedback_vote GROUP BY port")) {
                String[] cells = row.split("\\|");
                stored.put(Integer.parseInt(cells[0]), Integer.parseInt(cells[1]));
            }
            int acknowledged = 0;
            int failed = 0;
            int failedButStored = 0;
            for (Map.Entry<Integer, Outcome> e : outcomes.entrySet()) {
                int times = stored.getOrDefault(e.getKey(), 0);
                if (e.getValue() == Outcome.ACKNOWLEDGED) {
                    acknowledged++;
                    assertThat(times).as("votes stored for acknowledged port %d", e.getKey()).isEqualTo(1);
                } else {
                    failed++;
                    assertThat(times).as("votes stored for unacknowledged port %d", e.getKey()).isLessThanOrEqualTo(1);
                    failedButStored += times;
                }
            }
            // nothing stored that nobody sent
            assertThat(outcomes.keySet()).containsAll(stored.keySet());
            // only the votes in flight when the server died can be in doubt: one per client at most
            assertThat(failedButStored).isLessThanOrEqualTo(CLIENTS);
            // the totals the pages show agree with the votes
            assertThat(pg.rows("SELECT sum(unhelpful + neutral + helpful) FROM feedback_count"))
                    .containsExactly(pg.rows("SELECT count(*) FROM feedback_vote").get(0));
            assertThat(acknowledged).isGreaterThanOrEqualTo(900);
            assertThat(acknowledgedByB.get()).isGreaterThan(300);
            System.out.printf("two servers, one killed: %d votes acknowledged (each stored once), %d refused or cut"
                    + " off by the kill (%d of them stored), %d stored in all%n", acknowledged, failed,
                    failedButStored, stored.values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    private static Outcome vote(HttpClient client, String url, int port) {
        String reaction = List.of("unhelpful", "neutral", "helpful").get(port % 3);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/feedback"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"port\":" + port + ",\"lang\":\"en\",\"reaction\":\""
                        + reaction + "\"}"))
                .build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 201 ? Outcome.ACKNOWLEDGED : Outcome.FAILED;
        } catch (IOException e) {
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.FAILED;
        }
    }

    private static long count(Map<Integer, Outcome> outcomes, Outcome o) {
        return outcomes.values().stream().filter(o::equals).count();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 120 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A {@code portolan serve} in a JVM of its own. */
    private record Server(Process process, String url) {
        static Server start(Path home, String database, String name) throws IOException, InterruptedException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = home.resolve(name + ".log");
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "serve", "--port", "0", "--cache-mb", "64", "--votes-per-minute", "10000",
                    "--vote-burst", "10000")
                    .redirectError(log.toFile());
            pb.environment().put("PORTOLAN_HOME", home.resolve(name).toString());
            pb.environment().put("PORTOLAN_DATABASE_URL", database);
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (out.readLine() != null) {
                                // keep the pipe open and empty
                            }
                        } catch (IOException ignored) {
                            // the process ended
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return new Server(p, m.group(1));
                }
            }
            p.destroyForcibly();
            throw new AssertionError("serve " + name + " did not start: " + Files.readString(log));
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
