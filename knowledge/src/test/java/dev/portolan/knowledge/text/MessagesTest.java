package dev.portolan.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.portolan.knowledge.page.PageDate;
import dev.portolan.knowledge.page.Text;
import java.util.List;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages en = Messages.of(ULocale.ENGLISH);

    @Test
    void portNumbersStayAscii_whileCountsTakeTheLanguagesDigits() {
        Text t = Text.of("assignments.intro", "count", 12, "port", "60327");
        assertThat(Messages.of(new ULocale("fa")).format(t)).contains("60327").contains("۱۲").doesNotContain("12 ");
        assertThat(Messages.of(new ULocale("bn")).format(t)).contains("60327").contains("১২");
        assertThat(Messages.of(ULocale.ENGLISH).format(t)).contains("12 records").contains("60327");
    }

    @Test
    void everyMessageParsesAsIcu() {
        for (String key : en.keys()) {
            assertThat(key).isNotBlank();
            new MessageFormat(Messages.pattern(en, key), ULocale.ENGLISH);
        }
        assertThat(en.keys()).contains("page.title", "history.ncpOrphan", "faq.check.a");
    }

    @Test
    void portNumbersStayAsTyped_countsFollowTheLanguage() {
        assertThat(en.format("crumb.port", "port", "60327")).isEqualTo("Port 60327");
        assertThat(en.format("assignments.intro", "port", "443", "count", 2))
                .isEqualTo("The IANA registry has 2 records for port 443:");
        assertThat(en.format("assignments.intro", "port", "22", "count", 1))
                .isEqualTo("The IANA registry has one record for port 22:");
    }

    @Test
    void listsAndNestedTextsAndDates() {
        assertThat(en.format(Text.of("title.assigned", "services", List.of("http", "www", "www-http"))))
                .isEqualTo("http, www, and www-http");
        assertThat(en.format(Text.of("uses.item", "software", "Grafana", "hasComponent", "no", "component", "",
                "port", "3000", "transports", List.of("TCP"), "role", Text.of("role.web-interface"), "versions", "none",
                "since", "", "until", ""))).isEqualTo("Grafana uses TCP port 3000 for its web interface.");
        assertThat(en.format(Text.of("uses.item", "software", "Redis", "hasComponent", "yes", "component",
                "Redis Sentinel", "port", "26379", "transports", List.of("TCP"), "role", Text.of("role.cluster"),
                "versions", "since", "since", "2.8", "until", ""))).isEqualTo(
                "Redis (Redis Sentinel) uses TCP port 26379 for communication between cluster nodes (since version 2.8).");
        assertThat(en.date(new PageDate(1972, 5, 30))).isEqualTo("May 30, 1972");
        assertThat(en.date(new PageDate(1983, 1, 0))).isEqualTo("January 1983");
        assertThat(en.date(new PageDate(2007, 0, 0))).isEqualTo("2007");
    }

    @Test
    void datesStayGregorianInLanguagesWhoseDefaultCalendarIsNot() {
        assertThat(Messages.of(new ULocale("fa")).date(new PageDate(1983, 1, 0))).contains("۱۹۸۳");
        assertThat(Messages.of(new ULocale("fa")).date(new PageDate(1983, 1, 0))).doesNotContain("۱۳۶۱");
    }

    @Test
    void unknownKey_namesTheKey() {
        assertThatThrownBy(() -> en.format("no.such.key")).isInstanceOf(MissingResourceException.class)
                .hasMessage("no message no.such.key for en");
    }

    @Test
    void aLanguageWithoutItsBundleFallsBackToEnglish() {
        assertThat(Messages.of(new ULocale("xx")).format("crumb.ports")).isEqualTo("Ports");
    }

    @Test
    void rightToLeftComesFromTheLocale() {
        assertThat(Messages.of(new ULocale("ar")).rightToLeft()).isTrue();
        assertThat(en.rightToLeft()).isFalse();
    }
}
