package dev.portolan.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummaries;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search over the embedded registry and knowledge, as the command line runs it. */
class PortSearchTest {
    private static final Registry BASELINE = Registry.of(Baseline.load());
    private static final PortSearch SEARCH = PortSearch.over(BASELINE);

    static SearchResults search(String q) throws SearchQueryException {
        return SEARCH.search(SearchQuery.parse(q), "en", 10);
    }

    static List<Integer> ports(String q) throws SearchQueryException {
        return search(q).hits().stream().map(SearchHit::port).toList();
    }

    @Test
    void aPortQuery_answersWithThosePorts_inOrder_onePerPort() throws Exception {
        assertThat(ports("443")).containsExactly(443);
        assertThat(ports("22, 80, 443, 22")).containsExactly(22, 80, 443);
        SearchResults range = SEARCH.search(SearchQuery.parse("8000-8100"), "en", 5);
        assertThat(range.hits()).extracting(SearchHit::port).containsExactly(8000, 8001, 8002, 8003, 8004);
        assertThat(range.more()).isTrue();
        SearchHit udp = search("443/udp").hits().get(0);
        assertThat(udp.tier()).isEqualTo(Tier.PORT);
        assertThat(udp.transports()).containsExactly(Transport.UDP);
        assertThat(search("443").hits().get(0).transports()).contains(Transport.TCP, Transport.UDP);
    }

    @Test
    void aQueryCopiedWithIsolateMarks_findsWhatItWouldWithout() throws Exception {
        assertThat(ports("\u2066ms-wbt-server\u2069")).isEqualTo(ports("ms-wbt-server")).contains(3389);
        assertThat(ports("\u2066443\u2069")).containsExactly(443);
        assertThat(ports("\u206660–\u200f62\u2069")).containsExactly(60, 61, 62);
        assertThat(SearchQuery.parse("\u2066RDP\u2069").text()).isEqualTo("RDP");
    }

    @Test
    void exactServiceName_thenCommonName_thenProgram() throws Exception {
        SearchHit ssh = search("ssh").hits().get(0);
        assertThat(ssh.port()).isEqualTo(22);
        assertThat(ssh.tier()).isEqualTo(Tier.SERVICE);
        assertThat(ssh.matched()).isEqualTo("ssh");

        SearchHit dns = search("dns").hits().get(0);
        assertThat(dns.port()).isEqualTo(53);
        assertThat(dns.tier()).isEqualTo(Tier.COMMON);
        assertThat(dns.label().names()).containsExactly("DNS");
        assertThat(dns.label().registered()).containsExactly("domain");

        SearchHit kafka = search("kafka").hits().get(0);
        assertThat(kafka.port()).isEqualTo(9092);
        assertThat(kafka.tier()).isEqualTo(Tier.PROGRAM);
        assertThat(kafka.matched()).isEqualTo("Apache Kafka");
    }

    @Test
    void amongEquals_thePortPeopleUse_andAProgramsMainPort_comeFirst() throws Exception {
        assertThat(ports("dns")).startsWith(53).contains(853, 5353);
        assertThat(ports("kafka")).startsWith(9092, 9093);
        assertThat(ports("rdp")).startsWith(3389);
        assertThat(ports("minecraft")).startsWith(25565);
        assertThat(ports("remote desktop")).startsWith(3389);
    }

    @Test
    void everyWordMustMatch_andWordsOfDescriptionsCount() throws Exception {
        assertThat(ports("network time")).startsWith(123);
        assertThat(search("network time").hits().get(0).tier()).isEqualTo(Tier.DESCRIPTION);
        assertThat(ports("postgresql kangaroo")).isEmpty();
    }

    @Test
    void aTypo_isForgiven_onlyWhenNothingMatchesAsTyped() throws Exception {
        SearchHit postgers = search("postgers").hits().get(0);
        assertThat(postgers.port()).isEqualTo(5432);
        assertThat(postgers.tier()).isEqualTo(Tier.TYPO);
        assertThat(postgers.matched()).isEqualTo("postgresql");
        assertThat(ports("elastcsearch")).startsWith(9200);
        assertThat(ports("mongdb")).startsWith(27017);
        // Spelled right, a name is never diluted by its look-alikes.
        assertThat(search("redis").hits()).allSatisfy(h -> assertThat(h.tier()).isNotEqualTo(Tier.TYPO));
    }

    @Test
    void theTransportFilter_keepsPortsThatHoldOnIt() throws Exception {
        SearchResults r = SEARCH.search(SearchQuery.parse("dns udp"), "en", 10);
        assertThat(r.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.transports()).containsExactly(Transport.UDP));
        assertThat(r.hits().get(0).port()).isEqualTo(53);
    }

    @Test
    void nothingFound_suggestsTheNearestNames() throws Exception {
        SearchResults r = search("rdz");
        assertThat(r.hits()).isEmpty();
        assertThat(r.suggestions()).startsWith("RDP");
        assertThat(search("qwxzv").suggestions()).isEmpty();
        assertThat(search("rdp").suggestions()).isEmpty();
    }

    @Test
    void theReadersLanguage_isSearchedBesideEnglish() throws Exception {
        SearchQuery q = SearchQuery.parse("serveurs de temps");
        assertThat(SEARCH.search(q, "fr", 3).hits()).extracting(SearchHit::port).contains(123);
        assertThat(SEARCH.search(q, "en", 3).hits()).isEmpty();
    }

    @Test
    void labels_sayWhatThePortIsCalledAndWhoUsesIt() throws Exception {
        SearchLabel rdp = search("3389").hits().get(0).label();
        assertThat(rdp.names()).containsExactly("RDP");
        assertThat(rdp.registered()).containsExactly("ms-wbt-server");
        assertThat(rdp.programs()).hasSize(SearchLabel.SHOWN);
        assertThat(rdp.morePrograms()).isPositive();
        SearchLabel unknown = search("60").hits().get(0).label();
        assertThat(unknown.names()).isEmpty();
        assertThat(unknown.programs()).isEmpty();
    }

    @Test
    void theCompiledLabels_areWhatTheSummariesSay() throws Exception {
        PortSearch live = PortSearch.of(new PortSummaries(BASELINE, Knowledge.embedded()));
        for (String q : List.of("rdp", "kafka", "9100", "25565", "http", "postgers")) {
            assertThat(live.search(SearchQuery.parse(q), "en", 10)).as(q).isEqualTo(search(q));
        }
    }
}
