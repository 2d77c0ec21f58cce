package dev.portolan.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {
    private static SearchQuery parse(String q) throws SearchQueryException {
        return SearchQuery.parse(q);
    }

    private static PortRange range(String q) throws SearchQueryException {
        return parse(q).ports().get(0).range();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"443|443|443", "  443  |443|443", "8000-8100|8000|8100", "8000 - 8100|8000|8100",
        "8000\u20138100|8000|8100", ":3000|3000|3000", "port 22|22|22", "puerto 3306|3306|3306", "порт 80|80|80",
        "3389端口|3389|3389", "localhost:8080|8080|8080", "http://[::1]:3000/path|3000|3000", "0|0|0",
        "65535|65535|65535"})
    void numbersRangesAndPortsInWords_areAPortsQuery(String q, int first, int last) throws Exception {
        assertThat(parse(q).isPorts()).isTrue();
        assertThat(range(q)).isEqualTo(new PortRange(first, last));
        assertThat(parse(q).words()).isEmpty();
    }

    @Test
    void aList_keepsItsOrder_andATransportWrittenWithAPortFilters() throws Exception {
        SearchQuery q = parse("22, 80 443");
        assertThat(q.ports()).extracting(p -> p.range().first()).containsExactly(22, 80, 443);
        assertThat(parse("443/udp").transports()).containsExactly(Transport.UDP);
        assertThat(parse("udp 53").transports()).containsExactly(Transport.UDP);
        assertThat(parse("tcp 443").ports()).extracting(p -> p.range().first()).containsExactly(443);
    }

    @Test
    void words_areReadAsTheIndexReadsThem_andAQuestionsFillerIsDropped() throws Exception {
        assertThat(parse("Remote Desktop").words()).containsExactly("remote", "desktop");
        assertThat(parse("which port does redis use?").words()).containsExactly("redis");
        assertThat(parse("mysql 3306").words()).containsExactly("mysql", "3306");
        assertThat(parse("dns udp").words()).containsExactly("dns");
        assertThat(parse("dns udp").transports()).containsExactly(Transport.UDP);
        // A transport alone is a word to find; filler alone is kept rather than leaving nothing.
        assertThat(parse("tcp").words()).containsExactly("tcp");
        assertThat(parse("tcp").transports()).isEmpty();
        assertThat(parse("the").words()).containsExactly("the");
    }

    @Test
    void badQueries_sayWhatIsWrong() {
        assertProblem("", SearchQueryException.Problem.EMPTY, "",
                "the search query is empty: give a port (443), a range (8000-8100) or a name (ssh, postgres)");
        assertProblem("   ", SearchQueryException.Problem.EMPTY, "", null);
        assertProblem("x".repeat(201), SearchQueryException.Problem.TOO_LONG, "201",
                "the search query is 201 characters long; at most 200 are accepted");
        assertProblem("ssh\u0007", SearchQueryException.Problem.CONTROL, "U+0007",
                "the search query holds the control or invalid character U+0007; type a port, a range or words");
        assertProblem("ssh\ud800", SearchQueryException.Problem.CONTROL, "U+D800", null);
        assertProblem("!!! ---", SearchQueryException.Problem.NO_WORDS, "",
                "the search query \"!!! ---\" has no letters or digits: give a port (443) or a name (ssh)");
        assertProblem("70000", SearchQueryException.Problem.PORT_RANGE, "70000",
                "there is no port 70000: ports are numbered 0 to 65535");
        assertProblem("99999999999999", SearchQueryException.Problem.PORT_RANGE, "99999999999999", null);
        assertProblem("9000-8000", SearchQueryException.Problem.RANGE_ORDER, "9000-8000",
                "the range 9000-8000 ends before it starts: write the lower port first (8000-9000)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh\tx", "ssh\nx", "\ud83d\ude80 ssh"})
    void tabsNewlinesAndPairedSurrogates_areFine(String q) throws Exception {
        assertThat(parse(q).words()).contains("ssh");
    }

    private static void assertProblem(String q, SearchQueryException.Problem problem, String value, String message) {
        assertThatThrownBy(() -> parse(q)).isInstanceOfSatisfying(SearchQueryException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.value()).isEqualTo(value);
            if (message != null) {
                assertThat(e).hasMessage(message);
            }
        });
    }
}
