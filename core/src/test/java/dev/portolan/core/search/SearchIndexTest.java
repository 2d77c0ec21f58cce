package dev.portolan.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
    private static final List<Assignment> ENTRIES = List.of(
            entry("nntp", 119, "Network News Transfer Protocol"),             // 0
            entry("ntp", 123, "Network Time Protocol"),                       // 1
            entry("postgresql", 5432, "PostgreSQL Database"),                 // 2
            entry("http", 80, "World Wide Web HTTP").toBuilder().alias("www").build(), // 3
            entry("sql-net", 66, "Oracle SQL*NET"),                           // 4
            entry("redis", 6379, "An in-memory key-value store"),            // 5
            entry("redistribute", 7000, "Redistribution service"),           // 6
            Assignment.builder().ports(PortRange.of(60)).transport(Transport.TCP)
                    .description("Unassigned").build(),                       // 7
            Assignment.builder().ports(PortRange.of(2)).transport(Transport.TCP)
                    .description("Reserved").build(),                         // 8
            entry("ntp-secure", 4460, "Network Time Security"));             // 9

    private final SearchIndex index = new SearchIndex(ENTRIES);

    @Test
    void tokens_splitOnAnythingButLettersAndDigitsAndLowerCase() {
        assertThat(SearchIndex.tokens("Oracle SQL*NET, v2")).containsExactly("oracle", "sql", "net", "v2");
        assertThat(SearchIndex.tokens("  --  ")).isEmpty();
        assertThat(SearchIndex.tokens("caf\u00e9-Bar")).containsExactly("caf\u00e9", "bar");
    }

    @Test
    void exactName_scores100AndComesFirst() {
        assertThat(index.search(new String[] {"ntp"})).first().isEqualTo(new SearchIndex.Hit(1, 100));
    }

    @Test
    void ntp_ranksTheNtpServiceAboveNntpAndNtpSecure() {
        List<SearchIndex.Hit> hits = index.search(new String[] {"ntp"});
        assertThat(hits).extracting(SearchIndex.Hit::index).startsWith(1).doesNotContain(0);
        assertThat(hits).extracting(SearchIndex.Hit::index).contains(9);
    }

    @Test
    void alias_scores90() {
        assertThat(index.search(new String[] {"www"})).first().isEqualTo(new SearchIndex.Hit(3, 90));
    }

    @Test
    void namePrefix_scoresLessForLongerNames() {
        List<SearchIndex.Hit> hits = index.search(new String[] {"redi"});
        assertThat(hits).extracting(SearchIndex.Hit::index).containsExactly(5, 6);
        assertThat(hits.get(0).score()).isEqualTo(70 - 1);
        assertThat(hits.get(1).score()).isEqualTo(70 - 8);
    }

    @Test
    void wholePartOfAHyphenatedName_scores60() {
        assertThat(index.search(new String[] {"secure"})).containsExactly(new SearchIndex.Hit(9, 60));
    }

    @Test
    void descriptionWord_scores40AndTiesGoToTheShorterName() {
        assertThat(index.search(new String[] {"network"})).containsExactly(
                new SearchIndex.Hit(1, 40), new SearchIndex.Hit(0, 40), new SearchIndex.Hit(9, 40));
    }

    @Test
    void prefixOfADescriptionWord_scores25() {
        assertThat(index.search(new String[] {"datab"})).containsExactly(new SearchIndex.Hit(2, 25));
    }

    @Test
    void typo_postgers_findsPostgresqlByANearMissOfTheNameStart() {
        assertThat(index.search(new String[] {"postgers"})).containsExactly(new SearchIndex.Hit(2, 50 - 15));
    }

    @Test
    void typo_inADescriptionWord_scores20LessPerEdit() {
        assertThat(index.search(new String[] {"databse"})).containsExactly(new SearchIndex.Hit(2, 20 - 5));
    }

    @Test
    void shortWords_getNoTypoTolerance() {
        assertThat(index.search(new String[] {"ntq"})).isEmpty();
        assertThat(index.search(new String[] {"rdis"})).extracting(SearchIndex.Hit::index).contains(5);
    }

    @Test
    void everyWordMustMatch_andScoresAdd() {
        assertThat(index.search(new String[] {"network", "time"}))
                .containsExactly(new SearchIndex.Hit(1, 80), new SearchIndex.Hit(9, 40 + 40));
        assertThat(index.search(new String[] {"network", "zebra"})).isEmpty();
    }

    @Test
    void unassignedEntries_areNeverFoundByTheirDescription_reservedOnesAre() {
        assertThat(index.search(new String[] {"unassigned"})).isEmpty();
        assertThat(index.search(new String[] {"reserved"})).containsExactly(new SearchIndex.Hit(8, 40));
    }

    @Test
    void noWords_matchNothing() {
        assertThat(index.search(new String[0])).isEmpty();
    }

    private static Assignment entry(String name, int port, String description) {
        return Assignment.builder().service(name).ports(PortRange.of(port)).transport(Transport.TCP)
                .description(description).status(AssignmentStatus.ASSIGNED).build();
    }
}
