package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.testsupport.GeneratedRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portolan export}: options, the report, a second run after an import, and refusals. */
class ExportCommandTest {
    @TempDir
    Path home;

    @TempDir
    Path files;

    @Test
    void exports_thenAfterAnImport_rewritesOnlyWhatChanged() throws Exception {
        Path out = files.resolve("site");
        Cli.Run first = Cli.run(home, "export", "--out", out.toString(), "--lang", "en", "--ports", "20-40");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("exported [0-9,]+ pages \\([0-9,]+ files: [0-9,]+ written, 0 unchanged, "
                + "0 removed\\)").containsPattern("[0-9,.]+ pages/s");
        assertThat(out.resolve("ports/22.html")).isRegularFile();
        assertThat(out.resolve("ports/22.html.gz")).isRegularFile();
        assertThat(out.resolve("ports/41.html")).doesNotExist();
        assertThat(out.resolve("es")).doesNotExist();
        // the lists of the ports exported, not of every port
        assertThat(out.resolve("ports.html")).isRegularFile();
        assertThat(out.resolve("ports/page/2.html")).doesNotExist();
        assertThat(out.resolve("ranges/system.html")).isRegularFile();
        assertThat(out.resolve("ranges/user.html")).doesNotExist();
        assertThat(Files.readString(out.resolve("ports.html"))).contains("href=\"/ports/40\"")
                .doesNotContain("href=\"/ports/41\"");
        // the progress goes to standard error as plain lines (no terminal here), never to standard output
        assertThat(first.out()).doesNotContain("\r");

        Cli.Run again = Cli.run(home, "export", "--out", out.toString(), "--lang", "en", "--ports", "20-40", "--quiet");
        assertThat(again.code()).isZero();
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).isEmpty();
        // the same program, data and options: every file is in place, none is written
        Files.delete(out.resolve("ports/30.html"));
        Cli.Run fourth = Cli.run(home, "export", "--out", out.toString(), "--lang", "en", "--ports", "20-40");
        assertThat(fourth.code()).as(fourth.err()).isZero();
        assertThat(fourth.out()).containsPattern(" 1 written, [1-9][0-9,]* unchanged, 0 removed");
        assertThat(out.resolve("ports/30.html")).isRegularFile();

        String before22 = Files.readString(out.resolve("ports/22.html"));
        Path xml = GeneratedRegistry.writeXml(files, "newer.xml", LocalDate.of(2031, 1, 2), GeneratedRegistry.RECORDS);
        assertThat(Cli.run(home, "import", xml.toString()).code()).isZero();
        Cli.Run third = Cli.run(home, "export", "--out", out.toString(), "--lang", "en", "--ports", "20-40");
        assertThat(third.code()).as(third.err()).isZero();
        // other data: port pages and service pages change, the baseline's services go
        assertThat(third.out()).containsPattern("[1-9][0-9,]* written, [0-9,]+ unchanged, [1-9][0-9,]* removed");
        assertThat(Files.readString(out.resolve("ports/22.html"))).isNotEqualTo(before22).contains("fixture-ssh");
        assertThat(out.resolve("services/ssh.html")).doesNotExist();
    }

    @Test
    void badOptions_areRefusedBeforeAnythingIsWritten() {
        Path out = files.resolve("never");
        String[][] cases = {
            {"--lang", "en,xx"}, {"--ports", "70000"}, {"--ports", "22/tcp"}, {"--base-url", "ftp://ports.example"},
            {"--threads", "0"}, {"--gzip-level", "0"}, {"--gzip-level", "10"}};
        for (String[] c : cases) {
            Cli.Run run = Cli.run(home, "export", "--out", out.toString(), c[0], c[1]);
            assertThat(run.code()).as(String.join(" ", c)).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).as(String.join(" ", c)).contains(c[0].equals("--ports") ? "--ports" : c[0]);
        }
        assertThat(out).doesNotExist();
        assertThat(Cli.run(home, "export").err()).contains("--out");
    }

    @Test
    void aDirectoryOfOtherFiles_isRefused() throws Exception {
        Files.writeString(files.resolve("thesis.tex"), "mine");
        Cli.Run run = Cli.run(home, "export", "--out", files.toString(), "--lang", "en", "--ports", "1");
        assertThat(run.code()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).contains("is not empty and holds no Portolan export");
        assertThat(Files.readString(files.resolve("thesis.tex"))).isEqualTo("mine");
    }

    @Test
    void progress_isABarOnATerminal_andPlainLinesElsewhere() {
        assertThat(Progress.line(250, 1000, 2_000_000_000L, false))
                .isEqualTo("portolan: export 25% (250 of 1,000 files, 125 files/s, 0:06 left)\n");
        assertThat(Progress.line(250, 1000, 2_000_000_000L, true))
                .isEqualTo("\r[#######                       ]  25% 250/1,000 files 125/s 0:06 left\033[K");
        assertThat(Progress.line(0, 1000, 0, false)).contains("--:-- left");
    }
}
