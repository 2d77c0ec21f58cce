package dev.portolan.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.Block;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.PortPages;
import dev.portolan.knowledge.page.Section;
import dev.portolan.knowledge.page.Text;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The check of {@link TranslatedPagesTest} finds English left on a page, and only that. */
class EnglishLeftoversTest {
    private static final PortPages PAGES = new PortPages(Registry.of(Baseline.load()), Knowledge.embedded());
    private static final ULocale GERMAN = ULocale.forLanguageTag("de");
    private static final ULocale RUSSIAN = ULocale.forLanguageTag("ru");

    private static String render(ULocale language, PortPage page) {
        return new PlainTextPage(Messages.of(language), 1_000_000).render(page);
    }

    private static EnglishLeftovers check(String language) {
        return new EnglishLeftovers(ULocale.forLanguageTag(language));
    }

    @Test
    void anEnglishSentenceOnAGermanPageIsCaught_namingLanguagePortAndSentence() {
        PortPage page = PAGES.page(22);
        Text overview = page.section(Section.Id.OVERVIEW).orElseThrow().blocks().stream()
                .filter(Block.Paragraph.class::isInstance).map(Block.Paragraph.class::cast)
                .flatMap(p -> p.sentences().stream())
                .filter(t -> t.key().equals("overview.assigned")).findFirst().orElseThrow();
        String german = Messages.of(GERMAN).format(overview);
        String english = Messages.of(ULocale.ENGLISH).format(overview);
        String rendered = render(GERMAN, page);
        assertThat(rendered).contains(german);

        List<EnglishLeftovers.Problem> problems = new EnglishLeftovers(GERMAN).problems(page,
                rendered.replace(german, english));

        assertThat(english).isEqualTo("On TCP, UDP, and SCTP, the IANA registry assigns port 22 to the service ssh.");
        // Data is cut out: the transports, the port, the service, and IANA, a publisher of the footnotes.
        assertThat(problems).containsExactly(new EnglishLeftovers.Problem("de", "port 22",
                "English sentence «On …, …, and …, the … registry assigns port … to the service …»"));
        assertThat(problems.get(0)).hasToString(
                "de, port 22: English sentence «On …, …, and …, the … registry assigns port … to the service …»");
    }

    @Test
    void translatedPagesWithEnglishDataHaveNoProblem() {
        PortPage page = PAGES.page(22);
        String russian = render(RUSSIAN, page);
        // The registry's description of ssh is English and stays so: it is data, not a sentence of ours.
        assertThat(russian).contains("«The Secure Shell (SSH) Protocol»", "ss -ltnp 'sport = :22'", "IANA. https://");
        assertThat(new EnglishLeftovers(RUSSIAN).problems(page, russian)).isEmpty();
        assertThat(new EnglishLeftovers(GERMAN).problems(page, render(GERMAN, page))).isEmpty();
        // A sentence that is not data is ours, even around data.
        assertThat(new EnglishLeftovers(RUSSIAN).problems(page, russian + "\nThe registry describes ssh as a protocol."))
                .extracting(EnglishLeftovers.Problem::what)
                .containsExactly("English sentence «The registry describes … as a protocol»");
    }

    @Test
    void everyPageInEnglishIsCaughtInEveryOtherLanguage() {
        PortPage page = PAGES.page(8080);
        String english = render(ULocale.ENGLISH, page);
        for (ULocale language : Languages.all().subList(1, Languages.all().size())) {
            assertThat(new EnglishLeftovers(language).problems(page, english)).as(language.toString())
                    .extracting(EnglishLeftovers.Problem::what)
                    .contains("English sentence «Frequently asked questions»",
                            "English sentence «How to see what uses port …»");
        }
        assertThat(new EnglishLeftovers(ULocale.ENGLISH).problems(page, english)).isEmpty();
    }

    @Test
    void wordsOfTheLanguageThatLookEnglishAreNotEnglish() {
        assertThat(check("pt").englishSentences("A porta 22 não está no registro; as portas do sistema estão.")).isEmpty();
        assertThat(check("es").englishSentences("No, el puerto 22 no está a la escucha.")).isEmpty();
        assertThat(check("fr").englishSentences("On peut écouter sur le port 22 ou sur le port 23, mais pas en version 2."))
                .isEmpty();
        assertThat(check("de").englishSentences("Port 22 ist in der Registry an SSH vergeben, so war es, wie es will."))
                .isEmpty();
        assertThat(check("id").englishSentences("Port 22 adalah port sistem; file ini ada di browser.")).isEmpty();
        assertThat(check("vi").englishSentences("Cổng to, do đó có thể can thiệp vào bản in.")).isEmpty();
        assertThat(check("ru").englishSentences("Порт 22 (SSH, TCP и UDP) — «Assigned Numbers», IETF Review.")).isEmpty();
        // One English word among ours is a name or a term, not a sentence.
        assertThat(check("ja").englishSentences("TCP and UDP")).isEmpty();
    }

    @Test
    void aNameOurEnglishGivesInTitleCaseStays_butNotTheSentenceAroundIt() {
        assertThat(EnglishLeftovers.NAMES).contains("Quote of the Day", "Remote Job Entry",
                "Initial Connection Protocol", "Web Services on Devices");
        assertThat(EnglishLeftovers.NAMES).noneMatch(n -> n.startsWith("On ") || n.startsWith("The "));
        String english = "Quote of the Day (RFC 865) returns a quotation to anyone who connects to port {port}.";
        assertThat(check("es").messageProblems("protocol.qotd",
                "Quote of the Day (RFC 865) devuelve una cita a quien se conecte al puerto {port}.", english)).isEmpty();
        assertThat(check("es").messageProblems("protocol.qotd", english, english))
                .extracting(EnglishLeftovers.Problem::what)
                .contains("English sentence «… (RFC 865) returns a quotation to anyone who connects to port …»");
        // A compound joined by hyphens is a word of its language.
        assertThat(check("de").englishSentences("Die CISA führt es unter den Diensten für Denial-of-Service-Angriffe"))
                .isEmpty();
    }

    @Test
    void englishSentencesAreCaughtInLanguagesThatShareSomeOfItsWords() {
        for (String language : List.of("pt", "es", "fr", "de", "id", "vi", "ru", "zh", "ar")) {
            assertThat(check(language).englishSentences("Das ist gut. Port 22 is a system port. Ok"))
                    .as(language).containsExactly("Port 22 is a system port");
            assertThat(check(language).englishSentences("Nothing registered")).as(language)
                    .containsExactly("Nothing registered");
        }
    }

    @Test
    void aPluralBranchNoPageReachesIsCheckedInTheBundle() {
        String english = "The IANA registry has {count, plural, one {one record} other {# records}} for port {port}:";
        String russian = "В реестре IANA {count, plural, one {# запись} few {# записи} many {# записей} "
                + "other {the records # are for the port {port}}} для порта {port}:";

        assertThat(check("ru").messageProblems("assignments.intro", russian, english))
                .containsExactly(new EnglishLeftovers.Problem("ru", "message assignments.intro",
                        "English sentence «В реестре IANA … запись … записи … записей the records … are for the port … для порта …»"));
    }

    @Test
    void aShortMessageLeftInEnglishIsCaught_butNotAName() {
        assertThat(check("fr").messageProblems("title.reserved", "Reserved", "Reserved"))
                .containsExactly(new EnglishLeftovers.Problem("fr", "message title.reserved",
                        "reads as in English: «Reserved»"));
        assertThat(check("de").messageProblems("crumb.port", "Port {port}", "Port {port}")).isEmpty();
        assertThat(check("fr").messageProblems("title.reserved", "Réservé", "Reserved")).isEmpty();
        assertThat(check("fr").messageProblems("command.platform.linux", "Linux", "Linux")).isEmpty();
        assertThat(check("ru").messageProblems("procedure.ietf-review", "IETF Review", "IETF Review")).isEmpty();
    }

    @Test
    void aBranchLeftInEnglishIsCaught_evenWhenTheRestIsTranslated() {
        String english = "{range, select, system {System ports} user {User ports} other {Dynamic ports}}";
        String german = "{range, select, system {Systemports} user {Benutzerports} other {Dynamic ports}}";

        assertThat(check("de").messageProblems("crumb.range", german, english))
                .containsExactly(new EnglishLeftovers.Problem("de", "message crumb.range",
                        "the branch range=other reads as in English: «Dynamic ports»"));
        assertThat(EnglishLeftovers.parts("{a, select, x {On {b}, {n, plural, one {# port} other {# ports}}} other {}} now"))
                .containsExactly(java.util.Map.entry("a=x/n=one", "… port"), java.util.Map.entry("a=x/n=other", "… ports"),
                        java.util.Map.entry("a=x", "On …, …"), java.util.Map.entry("a=other", ""),
                        java.util.Map.entry("", "… now"));
    }

    @Test
    void rawKeysUnfilledArgumentsAndNullAreCaughtInEveryLanguage() {
        PortPage page = PAGES.page(443);
        String broken = render(ULocale.ENGLISH, page) + "\nsection.faq.heading\nPort {port}\nnull\n";

        assertThat(new EnglishLeftovers(ULocale.ENGLISH).problems(page, broken))
                .extracting(EnglishLeftovers.Problem::what)
                .containsExactly("the message key section.faq.heading shown raw in «section.faq.heading»",
                        "an unfilled argument in «Port {port}»", "“null” in «null»");
    }

    @Test
    void anEmptyArgumentThatIsShownIsCaught_butNotOneInABranchNotTaken() {
        PortPage p = PAGES.page(22);
        Text hole = Text.of("overview.assigned", "scope", "all", "transports", List.of("TCP"), "port", "22",
                "services", List.of(), "count", 0);
        Text fine = Text.of("systems.listenAlternative", "name", "mac_portacl", "since", "", "hasSince", "no");
        PortPage page = new PortPage(p.port(), p.range(), p.title(), p.subtitle(), p.summary(), p.breadcrumbs(),
                List.of(new Section(Section.Id.OVERVIEW, List.of(new Block.Paragraph(List.of(hole, fine))))),
                List.of(), List.of(), p.previous(), p.next(), p.footnotes(), p.data(), p.known());

        assertThat(new EnglishLeftovers(ULocale.ENGLISH).problems(page, render(ULocale.ENGLISH, page)))
                .extracting(EnglishLeftovers.Problem::what).containsExactly("message overview.assigned shows an "
                        + "empty {services}: «On every transport, the IANA registry assigns port 22 to the services .»");
    }

    @Test
    void dataIsCutOutAsWholeWordsOnly() {
        assertThat(EnglishLeftovers.withoutData("RFC 1700, port 0", Set.of("0"))).isEqualTo("RFC 1700, port …");
        assertThat(EnglishLeftovers.withoutData("sshd, ssh", Set.of("ssh"))).isEqualTo("sshd, …");
        assertThat(EnglishLeftovers.withoutData("ポート443番", Set.of("443"))).isEqualTo("ポート…番");
        assertThat(EnglishLeftovers.withoutData("the Secure Shell", Set.of("Secure", "Secure Shell")))
                .isEqualTo("the …");
        assertThat(EnglishLeftovers.withoutData("a\nb «x\ny» c", Set.of("x\ny"))).isEqualTo("a\nb «…\n» c");
    }

    @Test
    void theArgumentsShownAsTheyAreAreData_notTheOnesSelectedOn() {
        assertThat(EnglishLeftovers.shownAsIs("overview.assigned")).containsExactlyInAnyOrder("transports", "port",
                "services");
        assertThat(EnglishLeftovers.data(Text.of("systems.listenAlternative", "name", "mac_portacl", "since", "5.1",
                "hasSince", "yes"))).containsExactlyInAnyOrder("mac_portacl", "5.1");
    }
}
