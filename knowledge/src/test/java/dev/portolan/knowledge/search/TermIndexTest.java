package dev.portolan.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class TermIndexTest {
    private static TermIndex sample() {
        return new TermIndex.Builder()
                .add("redis", 6379, Tier.NAME, 100, 1, "redis")
                .add("redistribute", 7000, Tier.NAME, 90, 0, "redistribute")
                .add("redis", 26379, Tier.NAME, 60, 1, "Redis")
                .add("ntp", 123, Tier.SERVICE, 100, 2, "ntp")
                .add("ntp", 123, Tier.SERVICE, 80, 1, "ntp") // the same port, tier and name: the higher weight stays
                .build();
    }

    @Test
    void termsAreSorted_andFoundExactlyOrByPrefix() {
        TermIndex t = sample();
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.term(0)).isEqualTo("ntp");
        assertThat(t.find("redis")).isEqualTo(1);
        assertThat(t.find("redi")).isEqualTo(-1);
        int from = t.lowerBound(TermIndex.key("redi"));
        assertThat(t.startsWith(from, TermIndex.key("redi"))).isTrue();
        assertThat(t.term(from + 1)).isEqualTo("redistribute");
        assertThat(t.lowerBound(TermIndex.key("zzz"))).isEqualTo(3);
    }

    @Test
    void postingsKeepPortTierWeightTransportsAndName() {
        TermIndex t = sample();
        int i = t.find("ntp");
        assertThat(t.postingsTo(i) - t.postingsFrom(i)).isEqualTo(1);
        int p = t.posting(t.postingsFrom(i));
        assertThat(TermIndex.port(p)).isEqualTo(123);
        assertThat(TermIndex.tier(p)).isEqualTo(Tier.SERVICE);
        assertThat(TermIndex.weight(p)).isEqualTo(100);
        assertThat(TermIndex.transports(p)).isEqualTo(3);
        assertThat(t.name(t.postingsFrom(i))).isEqualTo("ntp");
    }

    @Test
    void writtenAndReadBack_isTheSame() throws IOException {
        TermIndex t = sample();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.write(new DataOutputStream(bytes));
        TermIndex back = TermIndex.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int i = 0; i < t.size(); i++) {
            assertThat(back.term(i)).isEqualTo(t.term(i));
            for (int p = t.postingsFrom(i); p < t.postingsTo(i); p++) {
                assertThat(back.posting(p)).isEqualTo(t.posting(p));
                assertThat(back.name(p)).isEqualTo(t.name(p));
            }
        }
    }

    @Test
    void damagedInput_isRefused() {
        byte[] garbage = {0, 0, 0, 5, 'a', 'b'};
        assertThatThrownBy(() -> TermIndex.read(new DataInputStream(new ByteArrayInputStream(garbage))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TermIndex.pack(70_000, Tier.NAME, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TermIndex.pack(1, Tier.NAME, 128, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
