package dev.portolan.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written readers of {@link SearchQuery} (written so that a search's start compiles no
 * regular expression) read exactly what the regular expressions they replaced read, over
 * hundreds of thousands of random texts from the characters that matter to them, and over
 * tokens people type.
 */
class QueryReadersTest {
    private static final Pattern PORT = Pattern.compile(
            ":?(\\d+)(?:\\s*[-\u2013\u2014:]\\s*(\\d+))?(?:/(tcp|udp|sctp|dccp))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_PORT = Pattern.compile(
            "(?:[a-z][a-z0-9+.-]*://)?(?:[^\\s:/\\[\\]]+|\\[[0-9a-f:.]+\\]):(\\d+)(?:/\\S*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE_DASH = Pattern.compile("(\\d)\\s*[-\u2013\u2014]\\s*(\\d)");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;\u3001\uff0c\u060c]+");

    /** Digits, dashes, colons, slashes, brackets, blanks, separators, letters of schemes and transports, and lookalikes. */
    private static final String ALPHABET = "0123456789 -\u2013\u2014\u2212:/[]\t\n\u000B\f\r,;\u3001\uff0c\u060c"
            + "tcpudsTCPUDSabfABFxhHlo.+_\u017f\u0660\u0661\u00a0\u2003\u200b\u00e9\u4e2d";

    private static String random(Random r, int max) {
        StringBuilder b = new StringBuilder();
        for (int n = r.nextInt(max + 1); n > 0; n--) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static final List<String> TYPED = List.of("443", ":3000", "8000-8100", "8000\u20138100", "8000:8100",
            "53/udp", "53/UDP", "53/Udp", "5/sctp", "5/\u017fctp", "22/tcp/", "22/", "/tcp", "0443", "00000", "65535",
            "65536", "localhost:8080", "http://localhost:8080/", "https://[::1]:3000/x", "[::1]:80", "[fe80::1%eth0]:22",
            "example.com:443/path/to", "ftp://a:21", "a://b", "::1", "host:", "host:80x", "HTTP://H:1", "1a://b:2",
            "x+y.z-w://[AB:cd]:7", "[]:80", "[:]:80", ":", "", "-", "1-", "-1", "1--2", "1 - 2", "1 -2", "1- 2");

    @Test
    void portTokens_readAsTheRegularExpression() {
        Random r = new Random(11);
        List<String> inputs = new ArrayList<>(TYPED);
        for (int i = 0; i < 300_000; i++) {
            inputs.add(random(r, 12));
        }
        for (String token : inputs) {
            Matcher m = PORT.matcher(token);
            SearchQuery.PortToken hand = SearchQuery.portToken(token);
            if (m.matches()) {
                assertThat(hand).as("\"%s\"", token).isEqualTo(new SearchQuery.PortToken(m.group(1), m.group(2), m.group(3)));
            } else {
                assertThat(hand).as("\"%s\"", token).isNull();
            }
        }
    }

    @Test
    void hostPortTokens_readAsTheRegularExpression() {
        Random r = new Random(12);
        List<String> inputs = new ArrayList<>(TYPED);
        for (int i = 0; i < 300_000; i++) {
            inputs.add(random(r, 14));
        }
        // shaped like one: [scheme://]host:digits[/path], each part drawn from the alphabet
        String[] schemes = {"", "", "http://", "HTTPS://", "x+y.z-1://", "1a://", "a:/", "a//"};
        for (int i = 0; i < 100_000; i++) {
            String host = r.nextInt(3) == 0 ? "[" + random(r, 5) + "]" : random(r, 5);
            String path = r.nextBoolean() ? "" : "/" + random(r, 4);
            inputs.add(schemes[r.nextInt(schemes.length)] + host + ":" + random(r, 3) + path);
        }
        int matched = 0;
        for (String token : inputs) {
            Matcher m = HOST_PORT.matcher(token);
            String hand = SearchQuery.hostPortToken(token);
            if (m.matches()) {
                assertThat(hand).as("\"%s\"", token).isEqualTo(m.group(1));
                matched++;
            } else {
                assertThat(hand).as("\"%s\"", token).isNull();
            }
        }
        assertThat(matched).as("texts that are a host and port").isGreaterThan(1_000);
    }

    @Test
    void rangesAndTokens_areWhatTheRegularExpressionsGive() {
        Random r = new Random(13);
        List<String> inputs = new ArrayList<>(TYPED);
        inputs.addAll(List.of("8000 - 8100", "8000 \u2013 8100 udp", "1 - 2 - 3", "a1 -2b", "9\t-\n9", "22, 80; 443",
                "\u30dd\u30fc\u30c8\u300180", "80\uff0c443", "\u0645\u0646\u0641\u0630\u060c 80", ",,a,,", " lead"));
        for (int i = 0; i < 300_000; i++) {
            inputs.add(random(r, 16));
        }
        for (String text : inputs) {
            assertThat(SearchQuery.rangesJoined(text)).as("\"%s\"", text)
                    .isEqualTo(RANGE_DASH.matcher(text).replaceAll("$1-$2"));
            List<String> expected = new ArrayList<>();
            for (String t : SEPARATORS.split(text)) {
                if (!t.isEmpty()) {
                    expected.add(t);
                }
            }
            assertThat(SearchQuery.tokens(text)).as("\"%s\"", text).isEqualTo(expected);
        }
    }
}
