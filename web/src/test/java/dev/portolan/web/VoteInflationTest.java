package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.StoreException;
import dev.portolan.store.FeedbackCounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The attacks that inflated votes, each now counted once or refused. */
class VoteInflationTest {
    private static final String JSON = "application/json";

    /** Sends a vote from a given loopback address; the status line. */
    private static String voteFrom(Harness h, String address, int port) throws IOException {
        String body = "{\"port\":" + port + ",\"lang\":\"en\",\"reaction\":\"helpful\"}";
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(address, 0));
            s.connect(new InetSocketAddress("127.0.0.1", h.port()), 5_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            s.getInputStream().transferTo(answer);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            return text.substring(0, text.indexOf('\r'));
        }
    }

    @Test
    void twentyAddressesOfOneNetwork_shareOneBudget() throws Exception {
        try (Harness h = Harness.start(Harness.settings().withVoteLimit(10, 10))) {
            int accepted = 0;
            for (int i = 0; i < 220; i++) {
                String status = voteFrom(h, "127.0.0." + (2 + i % 20), 7000 + i);
                accepted += status.contains(" 201 ") ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(10);
        }
    }

    /** Repeats are not counted, and they spend the budget: a replay loop meets 429 like a flood. */
    @Test
    void aReplayedVote_isCountedOnce_andItsRepeatsAreRateLimited() throws Exception {
        try (Harness h = Harness.start(Harness.settings().withVoteLimit(10, 10))) {
            int created = 0;
            int repeats = 0;
            int limited = 0;
            for (int i = 0; i < 50; i++) {
                String status = voteFrom(h, "127.0.0.2", 7100);
                created += status.contains(" 201 ") ? 1 : 0;
                repeats += status.contains(" 200 ") ? 1 : 0;
                limited += status.contains(" 429 ") ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
            assertThat(repeats).isEqualTo(9);
            assertThat(limited).isEqualTo(40);
            assertThat(h.feedback.counts(7100).total()).isEqualTo(1);
        }
    }

    @Test
    void theSameVoteSentAgain_isCountedOnce() throws StoreException {
        try (Harness h = Harness.start()) {
            String body = "{\"port\":5000,\"lang\":\"en\",\"reaction\":\"helpful\"}";
            assertThat(h.post("/api/v1/feedback", body, "Content-Type", JSON).statusCode()).isEqualTo(201);
            for (int i = 0; i < 20; i++) {
                HttpResponse<byte[]> again = h.post("/api/v1/feedback", body, "Content-Type", JSON);
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(ApiTest.json(again).path("counted").asBoolean()).isFalse();
            }
            assertThat(h.feedback.counts(5000)).isEqualTo(new FeedbackCounts(0, 0, 1));
        }
    }

    @Test
    void invalidBodies_spendNoBudget() {
        try (Harness h = Harness.start(Harness.settings().withVoteLimit(6, 3))) {
            for (int i = 0; i < 20; i++) {
                assertThat(h.post("/api/v1/feedback", "{\"port\":1,\"lang\":\"en\",\"reaction\":\"angry\"}",
                        "Content-Type", JSON).statusCode()).isEqualTo(400);
            }
            assertThat(h.post("/api/v1/feedback", "{\"port\":1,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                    "Content-Type", JSON).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void anotherNameForThisServer_isRefused_dnsRebinding() {
        try (Harness h = Harness.start()) {
            String evil = "http://rebind.example:" + h.port();
            HttpResponse<byte[]> r = h.post("/api/v1/feedback", "{\"port\":1,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                    "Content-Type", JSON, "Origin", evil);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(h.post("/api/v1/feedback", "{\"port\":2,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                    "Content-Type", JSON, "Origin", "http://localhost:" + h.port()).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void withAPublicAddress_onlyItsOriginIsThisSite() {
        try (Harness h = Harness.start(Harness.settings().withPublicUrl("https://ports.example"))) {
            assertThat(h.post("/api/v1/feedback", "{\"port\":1,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                    "Content-Type", JSON, "Origin", "http://localhost:" + h.port()).statusCode()).isEqualTo(403);
            assertThat(h.post("/api/v1/feedback", "{\"port\":2,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                    "Content-Type", JSON, "Origin", "https://ports.example").statusCode()).isEqualTo(201);
        }
    }

    @Test
    void networks_areIpv4SlashTwentyFourAndIpv6SlashSixtyFour() {
        assertThat(VoteGate.network("192.0.2.17")).isEqualTo("192.0.2.0/24");
        assertThat(VoteGate.network("::ffff:192.0.2.200")).isEqualTo("192.0.2.0/24");
        assertThat(VoteGate.network("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(VoteGate.network("[2001:db8:1:2::9]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(VoteGate.network("not-an-address")).isEqualTo("not-an-address");
    }
}
