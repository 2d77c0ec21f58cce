package dev.portolan.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {

    @ParameterizedTest
    @CsvSource({
        "postgres, postgres, 2, 0",
        "postgers, postgres, 2, 1",
        "ab, ba, 2, 1",
        "kitten, sitting, 5, 3",
        "ssh, sshd, 1, 1",
        "'', abc, 5, 3",
        "abc, '', 1, 2",
        "kitten, sitting, 1, 2",
        "redis, rdeis, 1, 1",
        "ca, abc, 3, 3"
    })
    void damerauLevenshtein_countsEditsUpToTheBound(String a, String b, int bound, int expected) {
        assertThat(EditDistance.damerauLevenshtein(a, b, bound)).isEqualTo(expected);
    }

    @Property(tries = 300)
    void distance_isSymmetricAndZeroOnlyForEqualStrings(@ForAll @AlphaChars @StringLength(max = 12) String a,
            @ForAll @AlphaChars @StringLength(max = 12) String b) {
        int d = EditDistance.damerauLevenshtein(a, b, 30);
        assertThat(EditDistance.damerauLevenshtein(b, a, 30)).isEqualTo(d);
        assertThat(d == 0).isEqualTo(a.equals(b));
        assertThat(d).isBetween(Math.abs(a.length() - b.length()), Math.max(a.length(), b.length()));
    }

    @Property(tries = 300)
    void boundedDistance_isTheTrueDistanceCappedAtBoundPlusOne(@ForAll @AlphaChars @StringLength(max = 10) String a,
            @ForAll @AlphaChars @StringLength(max = 10) String b, @ForAll @IntRange(min = 0, max = 4) int bound) {
        int exact = EditDistance.damerauLevenshtein(a, b, 30);
        assertThat(EditDistance.damerauLevenshtein(a, b, bound)).isEqualTo(Math.min(exact, bound + 1));
    }

    @Property(tries = 500)
    void nearestPrefix_isTheLeastDistanceToAnyStartOfAboutTheSameLength(
            @ForAll @AlphaChars @StringLength(min = 1, max = 10) String a,
            @ForAll @AlphaChars @StringLength(max = 14) String b, @ForAll @IntRange(min = 0, max = 3) int bound) {
        int expected = bound + 1;
        for (int len = Math.max(1, a.length() - bound); len <= Math.min(b.length(), a.length() + bound); len++) {
            expected = Math.min(expected, EditDistance.damerauLevenshtein(a, b.substring(0, len), bound));
        }
        assertThat(new EditDistance().toNearestPrefix(a, b, bound)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void oneInstance_givesTheSameAnswersAcrossCallsOfAnyLength(
            @ForAll @AlphaChars @StringLength(max = 40) String a, @ForAll @AlphaChars @StringLength(max = 40) String b) {
        EditDistance reused = new EditDistance();
        reused.between("x".repeat(30), "y".repeat(33), 5);
        assertThat(reused.between(a, b, 3)).isEqualTo(EditDistance.damerauLevenshtein(a, b, 3));
    }
}
