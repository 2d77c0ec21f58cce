package dev.portolan.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Bidi;
import com.ibm.icu.util.ULocale;
import dev.portolan.knowledge.page.Text;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BidiIsolationTest {
    private static final Messages AR = Messages.of(new ULocale("ar"));
    private static final Messages FA = Messages.of(new ULocale("fa"));
    private static final Messages PS = Messages.of(new ULocale("ps"));

    /** Isolates shown as ⟦ and ⟧, to read a result at a glance. */
    private static String shown(String s) {
        return s.replace(BidiIsolation.LRI, '⟦').replace(BidiIsolation.PDI, '⟧');
    }

    /** A sentence as a right-to-left line shows it, left to right on the screen, brackets mirrored. */
    private static String visual(String s) {
        Bidi bidi = new Bidi(s, Bidi.RTL);
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }

    @Test
    void latinRunsOfTheTranslationAndOfValuesAreIsolated_enclosingParenthesesStayOutside() {
        String s = AR.format("lead.named", "port", "3389", "name", "RDP", "expansion", "Remote Desktop Protocol",
                "hasExpansion", "yes", "service", "ms-wbt-server");
        assertThat(shown(s)).isEqualTo("المنفذ 3389 هو منفذ ⟦RDP (Remote Desktop Protocol)⟧، وهي الخدمة التي يدرجها"
                + " سجل ⟦IANA⟧ باسم ⟦ms-wbt-server⟧.");
        // On screen the full stop ends the sentence at the left, after the service's name.
        String screen = visual(s);
        assertThat(screen).startsWith(".ms-wbt-server ").contains("RDP (Remote Desktop Protocol)");
        assertThat(screen.indexOf("RDP")).isGreaterThan(screen.indexOf("ms-wbt-server"));
        // Parentheses that also hold Arabic are the sentence's: the Latin inside is a run of its own.
        String range = AR.format(Text.of("systems.ephemeral", "low", "49152", "high", "65535", "versions", "since",
                "since", "Vista, Server 2008", "until", "", "inside", "yes", "port", "60327"));
        assertThat(shown(range)).isEqualTo("⟦49152–65535⟧ (⟦Vista, Server 2008⟧ والإصدارات اللاحقة)، بما فيه المنفذ 60327");
        assertThat(visual(range)).endsWith("Vista, Server 2008) 49152–65535");
    }

    @Test
    void aRangeOfNumbersReadsFromLowToHigh() {
        String s = AR.format("range.where", "port", "60", "range", "system", "low", "0", "high", "1023");
        assertThat(shown(s)).isEqualTo("المنفذ 60 هو منفذ نظام: يقع في النطاق ⟦0–1023⟧.");
        assertThat(visual(s)).contains("0–1023").doesNotContain("1023–0");
        // without the isolates the bidirectional algorithm turns the range around
        assertThat(visual(BidiIsolation.strip(s))).contains("1023–0");
    }

    @Test
    void aRangeOfTheRegistry_writtenWithAHyphen_readsFromLowToHigh() {
        // after an Arabic letter the numbers count as Arabic, and a hyphen no longer joins them
        String s = AR.format(Text.of("timeline.row", "ports", "225-241", "single", "no"));
        assertThat(shown(s)).isEqualTo("قيد المنافذ ⟦225-241⟧");
        assertThat(visual(s)).contains("225-241").doesNotContain("241-225");
        assertThat(visual(BidiIsolation.strip(s))).contains("241-225");
    }

    @Test
    void aPairOpenedInsideARunBelongsToIt() {
        String s = AR.format("procedure.ietf-review");
        assertThat(shown(s)).isEqualTo("مراجعة ⟦IETF (IETF Review)⟧");
        assertThat(visual(s)).startsWith("IETF (IETF Review) ");
        assertThat(shown(FA.format("procedure.ietf-review"))).isEqualTo("بازبینی ⟦IETF (IETF Review)⟧");
        assertThat(shown(PS.format("procedure.ietf-review"))).isEqualTo("د ⟦IETF⟧ بیاکتنه (⟦IETF Review⟧)");
    }

    @Test
    void aSystemAndItsVersionAreOneRun() {
        Text windows = Text.of("system.versions", "versions", "since", "system", "Windows", "since",
                "Vista, Server 2008", "until", "");
        String s = AR.format(Text.of("lead.ephemeralInside", "systems", List.of(windows), "count", 1));
        assertThat(shown(s)).startsWith("في ⟦Windows Vista, Server 2008⟧ والإصدارات اللاحقة، ");
        // on screen the name reads as written, at the right where the sentence begins
        assertThat(visual(s)).endsWith(" Windows Vista, Server 2008 يف");
    }

    @Test
    void latinAcronymsOfATranslatedSentence_eachIsolated_betweenArabicConjunctions() {
        String s = AR.format("history.event.rfc6335", "precision", "month", "date", "أغسطس 2011");
        assertThat(shown(s)).contains("وضع ⟦RFC 6335⟧ لبروتوكولات ⟦TCP⟧ و⟦UDP⟧ و⟦SCTP⟧ و⟦DCCP⟧ ");
        // The Persian list is written with the Arabic comma, which ends a run: each name stays in its place.
        assertThat(shown(FA.format("history.event.rfc6335", "precision", "month", "date", "اوت ۲۰۱۱")))
                .contains("⟦RFC 6335⟧ برای ⟦TCP⟧، ⟦UDP⟧، ⟦SCTP⟧ و ⟦DCCP⟧ ");
        assertThat(shown(PS.format("history.event.rfc6335", "precision", "month", "date", "اګست ۲۰۱۱")))
                .contains("⟦RFC 6335⟧ د ⟦TCP⟧، ⟦UDP⟧، ⟦SCTP⟧ او ⟦DCCP⟧ ");
    }

    @Test
    void aProgramAndItsComponentInParenthesesAreOneRun() {
        Text t = Text.of("uses.item", "software", "Teleport", "hasComponent", "yes", "component",
                "Proxy Service [TLS routing: web UI, SSH, Kubernetes, databases]", "port", "443", "transports",
                List.of("TCP"), "role", Text.of("role.remote-access"), "versions", "none", "since", "", "until", "");
        String s = AR.format(t);
        assertThat(shown(s)).startsWith(
                "يستخدم ⟦Teleport (Proxy Service [TLS routing: web UI, SSH, Kubernetes, databases])⟧ المنفذ 443 على ⟦TCP⟧ ");
        assertThat(visual(s)).contains("Teleport (Proxy Service [TLS routing: web UI, SSH, Kubernetes, databases])");
    }

    @Test
    void persianAndPashtoSentences() {
        String fa = FA.format("systems.listenPrivileged", "privilege", "CAP_NET_BIND_SERVICE");
        assertThat(shown(fa)).isEqualTo("نه: به ⟦CAP_NET_BIND_SERVICE⟧ نیاز دارد.");
        assertThat(visual(fa)).contains(" CAP_NET_BIND_SERVICE ");
        String ps = PS.format("range.where", "port", "25565", "range", "user", "low", "1024", "high", "49151");
        assertThat(shown(ps)).isEqualTo("پورټ 25565 د کارن پورټ دی: د ⟦1024–49151⟧ په ساحه کې پروت دی.");
        assertThat(visual(ps)).contains("1024–49151");
    }

    @Test
    void settingsAndVersionsAndWildcardAddresses() {
        String s = AR.format("systems.listenSetting", "hasSince", "yes", "since", "4.11",
                "settingCount", 1, "setting", List.of("net.ipv4.ip_unprivileged_port_start"));
        assertThat(shown(s)).isEqualTo("منذ 4.11، يمكن نقل هذا الحد عبر الإعداد ⟦net.ipv4.ip_unprivileged_port_start⟧.");
        // 4.11 and 0.0.0.0 read correctly as they are: plain numbers are not wrapped
        String w = AR.format("systems.listenWildcard", "privilege", "root");
        assertThat(shown(w)).contains("(0.0.0.0 أو ::)").contains("⟦root⟧");
    }

    @Test
    void theSentencesPunctuationStaysOutside_symbolsWrittenAgainstANameStayInside() {
        assertThat(shown(BidiIsolation.isolate("يستخدم C++ و--lang و.NET: وهذا (50%).")))
                .isEqualTo("يستخدم ⟦C++⟧ و⟦--lang⟧ و⟦.NET⟧: وهذا (50%).");
        assertThat(shown(BidiIsolation.isolate("«Assigned Numbers»، ثم \"Echo\".")))
                .isEqualTo("«⟦Assigned Numbers⟧»، ثم \"⟦Echo⟧\".");
        // a bracket opened before a run is the sentence's, and so ends the run at its pair
        assertThat(shown(BidiIsolation.isolate("غير مخصص (tcp, udp): Unassigned")))
                .isEqualTo("غير مخصص (⟦tcp, udp⟧): ⟦Unassigned⟧");
        // Latin the translation writes is one run, its colon and comma included
        assertThat(shown(BidiIsolation.isolate("وفق RFC 1700, Assigned Numbers: Echo.")))
                .isEqualTo("وفق ⟦RFC 1700, Assigned Numbers: Echo⟧.");
        // a bracket whose pair also holds Arabic belongs to the sentence
        assertThat(shown(BidiIsolation.isolate("في Linux (منذ 4.2 وما بعده)")))
                .isEqualTo("في ⟦Linux⟧ (منذ 4.2 وما بعده)");
        assertThat(shown(BidiIsolation.isolate("IANA (RFC 6335 وغيره)")))
                .isEqualTo("⟦IANA⟧ (⟦RFC 6335⟧ وغيره)");
    }

    @Test
    void theSentencesColonBetweenTwoRunsSeparatesThem_aValuesOwnDoesNot() {
        Text what = Text.of("title.assigned", "services", List.of("RDP (ms-wbt-server)"));
        String title = FA.format(Text.of("page.title", "port", "3389", "what", what));
        assertThat(shown(title)).isEqualTo("پورت 3389: ⟦RDP (ms-wbt-server)⟧");
        // on screen: the name at the left, then the colon, the number and the word for port at the right
        assertThat(visual(title)).startsWith("RDP (ms-wbt-server) :3389 ");
        assertThat(shown(AR.format("text.labelled", "label", "ms-wbt-server (tcp)", "value", "MS WBT Server")))
                .isEqualTo("⟦ms-wbt-server (tcp)⟧: ⟦MS WBT Server⟧");
        assertThat(shown(AR.format("text.labelled", "label", "Minecraft: Java Edition", "value", "Paper, Velocity")))
                .isEqualTo("⟦Minecraft: Java Edition⟧: ⟦Paper, Velocity⟧");
        // a separator between a value and a name is the sentence's too
        // ("{title} · Portolan", the page title of the web site)
        String pageTitle = AR.format(Text.of("page.title", "port", "443", "what",
                Text.of("title.assigned", "services", List.of("https"))));
        assertThat(shown(BidiIsolation.isolate(pageTitle + " · Portolan"))).isEqualTo("المنفذ 443: ⟦https⟧ · ⟦Portolan⟧");
        // the translation's own Latin keeps its colon
        String ps = PS.format("protocol.minecraft-java", "port", "25565");
        assertThat(shown(ps)).startsWith("پورټ 25565 د ⟦Minecraft: Java Edition⟧ سرورونو");
        assertThat(visual(ps)).contains("Minecraft: Java Edition");
        assertThat(shown(AR.format("protocol.minecraft-java", "port", "25565"))).contains("⟦Minecraft: Java Edition⟧،");
        // inside brackets a colon is the bracket's business
        assertThat(shown(BidiIsolation.isolate("يستخدم Teleport (TLS routing: web UI) الآن")))
                .isEqualTo("يستخدم ⟦Teleport (TLS routing: web UI)⟧ الآن");
    }

    @Test
    void aValueIsKeptWhole_itsOwnPunctuationAndBracketsIncluded() {
        String s = AR.format("subtitle.assigned", "services", List.of("Possibly used by Sun Solaris????"), "transports", List.of("UDP"));
        assertThat(shown(s)).isEqualTo("مسجّل باسم ⟦Possibly used by Sun Solaris????⟧ على ⟦UDP⟧");
        // a value's own brackets are its business, paired or not
        assertThat(shown(AR.format("text.labelled", "label", "ms-wbt-server (tcp", "value", "MS WBT Server)")))
                .isEqualTo("⟦ms-wbt-server (tcp⟧: ⟦MS WBT Server)⟧");
        // a value in the sentence's own letters is not one run: its Latin parts are, and the parts it marked whole
        assertThat(shown(AR.format("text.labelled", "label", "غير مخصص (tcp, udp)", "value", "Unassigned")))
                .isEqualTo("غير مخصص (⟦tcp, udp⟧): ⟦Unassigned⟧");
        assertThat(shown(AR.format("text.labelled", "label", "غير مخصص (" + BidiIsolation.value("tcp, udp") + ")",
                "value", "Unassigned"))).isEqualTo("غير مخصص (⟦tcp, udp⟧): ⟦Unassigned⟧");
    }

    @Test
    void isolatingTwiceChangesNothing_andOthersIsolatesStay() {
        String once = AR.format(Text.of("systems.ephemeral", "low", "32768", "high", "60999", "versions", "since",
                "since", "4.2", "until", "", "inside", "no", "port", "60"));
        assertThat(BidiIsolation.isolate(once)).isEqualTo(once);
        String foreign = "في \u2068Linux (x)\u2069 و Windows";
        assertThat(BidiIsolation.isolate(foreign)).isEqualTo("في \u2068Linux (x)\u2069 و \u2066Windows\u2069");
        assertThat(BidiIsolation.strip(once)).isEqualTo("32768–60999 (4.2 والإصدارات اللاحقة)");
    }

    @Test
    void textWithoutLatinLettersOrDigitsIsReturnedAsItIs() {
        String s = "لا توجد خدمة مسجلة عليه.";
        assertThat(BidiIsolation.isolate(s)).isSameAs(s);
        assertThat(AR.format("crumb.ports")).doesNotContain("\u2066", "\u2069");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "de", "ru", "zh-Hans", "ja", "hi", "bn", "id", "vi", "fr", "pt"})
    void leftToRightLanguagesAreUnchanged(String tag) {
        Messages m = Messages.of(ULocale.forLanguageTag(tag));
        Text t = Text.of("lead.named", "port", "3389", "name", "RDP", "expansion", "Remote Desktop Protocol",
                "hasExpansion", "yes", "service", "ms-wbt-server");
        String s = m.format(t);
        assertThat(s).doesNotContain("\u2066", "\u2067", "\u2068", "\u2069");
        if (tag.equals("en")) {
            assertThat(s).isEqualTo("Port 3389 is RDP (Remote Desktop Protocol), which the IANA registry lists as ms-wbt-server.");
        }
    }
}
