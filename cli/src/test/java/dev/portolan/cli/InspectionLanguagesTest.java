package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.MessagePattern;
import dev.portolan.inspect.audit.MalwarePorts;
import dev.portolan.knowledge.text.BidiIsolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * who, check, free, suggest and listening in the language of {@code --lang} or of the environment
 * (LC_ALL, then LC_MESSAGES, then LANG), over a /proc with known sockets: exact sentences.
 */
class InspectionLanguagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODES = "en, es, pt, fr, de, ru, zh, ja, hi, bn, id, vi, ar, fa, ps";

    @TempDir
    Path home;

    @TempDir
    Path proc;

    private LocalInspection machine;

    /** sshd and postgres listening, a TCP listener and a bound UDP socket without a visible process. */
    private LocalInspection machine() {
        if (machine == null) {
            FakeProc p = new FakeProc(proc).tcpListener("0.0.0.0", 22, 612, "sshd")
                    .tcpListener("127.0.0.1", 5432, 700, "postgres").tcpListener("0.0.0.0", 8080, 0, "")
                    .udpSocket("127.0.0.53", 53, 0, "");
            machine = new LocalInspection(p.sockets(), MalwarePorts.none());
        }
        return machine;
    }

    private Cli.Run run(String... args) {
        return Cli.run(home, machine(), args);
    }

    private Cli.Run runWithEnv(Map<String, String> env, String... args) {
        return Cli.run(home, env, machine(), args);
    }

    @Test
    void who_inGerman() throws IOException {
        Cli.Run r = run("who", "22", "--lang", "de");
        assertThat(r.code()).isZero();
        assertThat(r.outLines()).startsWith("0.0.0.0:22/tcp listen: sshd (pid 612, tester)", "  pid 612: /usr/sbin/sshd",
                "", "Registry:", "  22/tcp  ssh  assigned  The Secure Shell (SSH) Protocol",
                "  22/udp  ssh  assigned  The Secure Shell (SSH) Protocol", "",
                "bekannt über Port 22 (portolan explain 22 zeigt die ganze Seite):");
        // the knowledge's sentences come from the page bundle, in German too
        assertThat(r.out()).contains("OpenSSH server verwendet Port 22 (TCP) für den Fernzugriff.");
        assertThat(r.outLines()).contains("Quellen:").last().isEqualTo("gelesen aus: " + proc.resolve("net"));

        Cli.Run hidden = run("who", "8080/tcp", "-l", "de");
        assertThat(hidden.outLines()).first().isEqualTo(
                "0.0.0.0:8080/tcp listen: ein Prozess, den dieser Benutzer nicht sehen kann (Socket gehört tester)");
        assertThat(hidden.outLines()).contains("Hinweis: 1 Socket hat keinen sichtbaren Besitzer: kein sichtbarer Prozess "
                + "hält ihn (der Kernel oder ein Prozess in einem anderen PID-Namespace, etwa der eines Containers)");
        assertThat(run("who", "9999", "--udp", "--lang", "de").outLines()).first()
                .isEqualTo("nichts belegt Port 9999 hier (udp)");

        JsonNode json = JSON.readTree(run("who", "8080/tcp", "-f", "json", "--lang", "de").out());
        assertThat(json.get("limitations")).singleElement().extracting(JsonNode::asText).isEqualTo("1 Socket hat keinen "
                + "sichtbaren Besitzer: kein sichtbarer Prozess hält ihn (der Kernel oder ein Prozess in einem anderen "
                + "PID-Namespace, etwa der eines Containers)");
        // field names and values stay as they are
        assertThat(json.get("sockets").get(0).get("state").asText()).isEqualTo("listen");
    }

    @Test
    void check_inJapanese_fromLang() {
        Map<String, String> japanese = Map.of("LANG", "ja_JP.UTF-8");
        Cli.Run r = runWithEnv(japanese, "check", "8081");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.outLines()).startsWith("8081/tcp: 空き", "8081/udp: 空き",
                "バインド: ここではどのユーザーもポート 8081 をバインドできます (1024 未満のポートは特権ポートです)");
        assertThat(r.outLines()).containsSubsequence(
                "エフェメラル: 8081 はこのマシンのエフェメラル範囲 32768-60999 の外にあります (tcp、udp)",
                "レジストリ:", "  8081/tcp  sunproxyadmin  assigned  Sun Proxy Admin Service",
                "  8081/udp  sunproxyadmin  assigned  Sun Proxy Admin Service", "",
                "ポート 8081 について知られていること (ページ全体は portolan explain 8081):");
        assertThat(r.outLines()).containsSubsequence("出典:", "", "手動で確認 (Linux):", "  ss -ltnp 'sport = :8081'",
                "  ss -lunp 'sport = :8081'", "", "読み取り元: " + proc.resolve("net"));

        Cli.Run taken = runWithEnv(japanese, "check", "22");
        assertThat(taken.code()).isEqualTo(ExitCode.TAKEN);
        assertThat(taken.outLines()).startsWith("22/tcp: 0.0.0.0 で使用中 (sshd (pid 612、tester))", "22/udp: 空き");
        assertThat(runWithEnv(japanese, "check", "81/tcp").outLines()).contains("バインド: ここでポート 81 をバインドできるのは"
                + " root か、ケーパビリティ CAP_NET_BIND_SERVICE を持つプログラムだけです (1024 未満のポートは特権ポートです: "
                + "sysctl net.ipv4.ip_unprivileged_port_start)");
        assertThat(runWithEnv(japanese, "check", "30080").outLines()).contains("kubernetes: 30080 は Kubernetes の既定の "
                + "NodePort 範囲 30000-32767 にあります: クラスターのノードでは NodePort タイプの Service に割り当てられることがあり、"
                + "その場合 kube-proxy のルールがこのポートへの通信をその Service に送り、ここで待ち受けるプログラムには届きません "
                + "(2022 年より前の kube-proxy はポートを開いたまま保持してもいました)", "  出典: Kubernetes documentation source, "
                + "Ports and Protocols: control-plane ports and the default NodePort range 30000-32767. The Kubernetes Authors. "
                + "https://github.com/kubernetes/website/blob/31a8f95edf918abb97b71193d74d9ff9513826a1/content/en/docs/"
                + "reference/networking/ports-and-protocols.md");
    }

    @Test
    void free_lcAllWinsOverLcMessages_whichWinsOverLang() {
        assertThat(runWithEnv(Map.of("LANG", "ja_JP.UTF-8", "LC_ALL", "de_DE.UTF-8"), "free", "9999").outLines())
                .containsExactly("nichts belegt Port 9999 hier (tcp, udp): er ist frei");
        assertThat(runWithEnv(Map.of("LANG", "ja_JP.UTF-8", "LC_MESSAGES", "fr_FR.UTF-8"), "free", "9999").outLines())
                .containsExactly("rien n’occupe le port 9999 ici (tcp, udp) : il est libre");
        // an empty variable counts as unset
        assertThat(runWithEnv(Map.of("LANG", "ja_JP.UTF-8", "LC_ALL", ""), "free", "9999").outLines())
                .containsExactly("ここではポート 9999 を使用しているものはありません (tcp、udp): 空いています");
        // --lang wins over all of them
        assertThat(runWithEnv(Map.of("LC_ALL", "de_DE.UTF-8"), "free", "9999", "--lang", "en").outLines())
                .containsExactly("nothing holds port 9999 here (tcp, udp): it is free");

        Cli.Run dry = runWithEnv(Map.of("LC_ALL", "de_DE.UTF-8", "LANG", "en_US.UTF-8"), "free", "22", "--dry-run");
        assertThat(dry.code()).isZero();
        assertThat(dry.outLines()).containsExactly("Port 22 wird belegt von:",
                "  0.0.0.0:22/tcp listen: sshd (pid 612, tester)", "würde ausführen:",
                "  pid 612 (sshd) mit SIGTERM beenden, dann mit SIGKILL, falls er nach 5 s noch läuft");
        assertThat(run("free", "8080/tcp", "--dry-run", "--lang", "de").outLines()).contains("  nicht beendet: ein Prozess, "
                + "den dieser Benutzer nicht sehen kann, belegt 0.0.0.0:8080/tcp; als root ausführen (sudo portolan free "
                + "8080), um ihn zu sehen und zu beenden");
    }

    @Test
    void freesQuestion_takesTheLanguagesYes_andY() throws Exception {
        CliText german = CliText.choose("de", Map.of());
        assertThat(FreeCommand.yes(german, "j")).isTrue();
        assertThat(FreeCommand.yes(german, " Ja ")).isTrue();
        assertThat(FreeCommand.yes(german, "y")).isTrue();
        assertThat(FreeCommand.yes(german, "n")).isFalse();
        assertThat(FreeCommand.yes(german, "")).isFalse();
        assertThat(FreeCommand.yes(CliText.english(), "yes")).isTrue();
        assertThat(FreeCommand.yes(CliText.english(), "j")).isFalse();
        assertThat(german.say("free.confirm")).isEqualTo("beenden? [j/N]");
    }

    @Test
    void theCLocale_posixAndLanguagesPortolanLacks_meanEnglish() {
        String english = run("suggest", "--seed", "7", "-n", "3").out();
        assertThat(english).contains("each of them is (tcp, udp):");
        for (String value : new String[] {"C", "C.UTF-8", "POSIX", "sv_SE.UTF-8"}) {
            assertThat(runWithEnv(Map.of("LANG", value), "suggest", "--seed", "7", "-n", "3").out()).as(value)
                    .isEqualTo(english);
        }
        // the first variable set decides, even when it names no language of Portolan
        assertThat(runWithEnv(Map.of("LC_ALL", "C", "LANG", "de_DE.UTF-8"), "suggest", "--seed", "7", "-n", "3").out())
                .isEqualTo(english);
        assertThat(run("listening", "--lang", "en").out()).isEqualTo(run("listening").out());
    }

    @Test
    void anUnknownLanguage_isRefusedWithExitTwo_inTheEnvironmentsLanguage() {
        String[][] commands = {{"who", "22"}, {"check", "22"}, {"free", "22", "--dry-run"}, {"suggest"}, {"listening"}};
        for (String[] command : commands) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--lang", "xx"));
            Cli.Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(command[0]).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.out()).as(command[0]).isEmpty();
            assertThat(r.errLines()).as(command[0]).containsExactly(
                    "portolan: --lang 'xx' is not a language of the pages; choose one of " + CODES);
            Cli.Run german = runWithEnv(Map.of("LANG", "de_DE.UTF-8"), args.toArray(String[]::new));
            assertThat(german.code()).as(command[0]).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(german.errLines()).as(command[0]).containsExactly(
                    "portolan: --lang 'xx' ist keine Sprache der Seiten; wählen Sie eine von " + CODES);
        }
        assertThat(run("who", "22", "-l", "").code()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void errorsOfTheCommands_areSaidInTheLanguage() {
        assertThat(run("check", "0", "--lang", "de").errLines()).containsExactly("portolan: Port 0 kann nicht geprüft "
                + "werden: wer Port 0 bindet, bittet das System um irgendeinen freien Port seines ephemeren Bereichs");
        assertThat(run("who", "22/udp", "--tcp", "--lang", "de").errLines()).containsExactly(
                "portolan: das Argument nennt udp, aber --tcp ist angegeben: geben Sie nur eines davon an");
        assertThat(run("suggest", "-n", "0", "--lang", "de").errLines()).containsExactly(
                "portolan: -n muss zwischen 1 und 100 liegen, nicht 0");
        assertThat(run("free", "ssh", "--lang", "de").errLines()).containsExactly(
                "portolan: free nimmt einen Port, etwa 8080 oder 8080/tcp, nicht „ssh“");
    }

    @Test
    void suggest_inGerman_tableAndJson() throws IOException {
        Cli.Run r = run("suggest", "--seed", "1", "-n", "2", "--lang", "de");
        assertThat(r.code()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).matches("\\d+  \\d+");
        assertThat(lines.subList(1, 4)).containsExactly("", "jeder von ihnen ist (tcp, udp):",
                "  - in der IANA-Registry auf TCP und UDP nicht vergeben, im Benutzerbereich (Binden erfordert keine "
                        + "Privilegien)");
        assertThat(lines).contains("  - außerhalb der ephemeren Standardbereiche von Linux, Windows, macOS, FreeBSD, "
                + "sodass kein System ihn an eine ausgehende Verbindung vergibt", "  - jetzt frei auf diesem Rechner");
        // the count of candidates is written as digits, never grouped ("3.348" would read as three in English)
        assertThat(r.lastOutLine()).matches("\\d{4} Ports aus 1024-49151 bestehen jede Regel außer denen dieses Rechners; "
                + "die Auswahl ist zufällig, damit nicht alle Dienste dieselben nehmen \\(--seed wiederholt eine Auswahl\\)");
        JsonNode json = JSON.readTree(run("suggest", "--seed", "1", "-n", "2", "-f", "json", "--lang", "de").out());
        assertThat(json.get("reasons")).hasSize(5).last().extracting(JsonNode::asText)
                .isEqualTo("jetzt frei auf diesem Rechner");
    }

    @Test
    void listening_inGerman_columnsAndNotes() {
        Cli.Run r = run("listening", "--lang", "de");
        assertThat(r.outLines()).containsExactly(
                "PROTO  LOKAL           ZUSTAND  PID  PROZESS      BENUTZER  DIENST",
                "tcp    0.0.0.0:22      listen   612  sshd         tester    ssh",
                "tcp    127.0.0.1:5432  listen   700  postgres     tester    postgresql",
                "tcp    0.0.0.0:8080    listen   -    (verborgen)  tester    http-alt",
                "udp    127.0.0.53:53   bound    -    (verborgen)  tester    domain",
                "",
                "Hinweis: 2 Sockets haben keinen sichtbaren Besitzer: kein sichtbarer Prozess hält sie (der Kernel oder "
                        + "ein Prozess in einem anderen PID-Namespace, etwa der eines Containers)",
                "gelesen aus: " + proc.resolve("net"));
        // CSV is data: its header stays; the notes beside it are said in the language
        Cli.Run csv = run("listening", "--udp", "--format", "csv", "--lang", "de");
        assertThat(csv.outLines()).first().isEqualTo(
                "transport,family,address,port,state,remoteAddress,remotePort,pid,process,user,command,service");
        assertThat(csv.errLines()).singleElement().asString().startsWith("Hinweis: 2 Sockets haben keinen sichtbaren Besitzer");
    }

    @Test
    void listening_inChinese_alignsWideCharactersByTheirTwoColumns() {
        assertThat(run("listening", "--lang", "zh").outLines()).startsWith(
                "协议  本地            状态    PID  进程      用户    服务",
                "tcp   0.0.0.0:22      listen  612  sshd      tester  ssh",
                "tcp   127.0.0.1:5432  listen  700  postgres  tester  postgresql",
                "tcp   0.0.0.0:8080    listen  -    （隐藏）  tester  http-alt");
    }

    @Test
    void listening_inArabic_keepsTheColumnsLeftToRight_andIsolatesLatinRunsInSentences() {
        List<String> lines = run("listening", "--lang", "ar").outLines();
        // every cell starts with a LEFT-TO-RIGHT MARK, so a bidirectional terminal keeps the columns' order
        assertThat(lines.get(0)).startsWith("\u200Eالبروتوكول  \u200Eالمحلي").contains("\u200E\u2066PID\u2069  ");
        assertThat(lines.get(1)).isEqualTo("\u200Etcp         \u200E0.0.0.0:22      \u200Elisten  \u200E612  "
                + "\u200Esshd      \u200Etester    \u200Essh");
        assertThat(BidiIsolation.strip(lines.get(lines.size() - 2))).isEqualTo("ملاحظة: مقبسان ليس لهما مالك ظاهر: "
                + "لا عملية ظاهرة تشغلهما (النواة، أو عملية في مساحة أسماء PID أخرى، مثل عملية حاوية)");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("قُرئ من: \u2066" + proc.resolve("net") + "\u2069");
    }

    @Test
    void terminalColumns_countWideCharactersTwice_andMarksNever() {
        assertThat(SocketWriter.columns("tcp")).isEqualTo(3);
        assertThat(SocketWriter.columns("端口")).isEqualTo(4);
        assertThat(SocketWriter.columns("（隐藏）")).isEqualTo(8);
        assertThat(SocketWriter.columns("プロセス")).isEqualTo(8);
        assertThat(SocketWriter.columns("\u200E\u2066PID\u2069")).isEqualTo(3);
        assertThat(SocketWriter.columns("e\u0301")).isEqualTo(1);
        assertThat(SocketWriter.columns("الحالة")).isEqualTo(6);
    }

    /**
     * No English sentence is left in code: in German, nothing of what who, check, free, suggest and
     * listening print is a stretch of an English message (the literal text between its arguments)
     * that the German bundle does not also hold (a command, a flag, a unit name). The registry's
     * records and the titles of sources are data, in the registry's and the sources' own words.
     */
    @Test
    void german_holdsNoEnglishSentence() throws IOException {
        Path capture = home.resolve("ss.txt");
        Files.writeString(capture, "State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
                + "LISTEN 0      4096   0.0.0.0:22        0.0.0.0:*         users:((\"sshd\",pid=812,fd=3))\n"
                + "garbled\n");
        String[][] commands = {{"who", "22"}, {"who", "8080/tcp"}, {"who", "9999"},
            {"check", "22"}, {"check", "8081"}, {"check", "81"}, {"check", "40000"}, {"check", "30080"}, {"check", "6000"},
            {"free", "22", "--dry-run"}, {"free", "8080/tcp", "--dry-run"}, {"free", "9999"},
            {"suggest", "--seed", "3"}, {"suggest", "-f", "json"}, {"listening"}, {"listening", "-f", "csv"},
            {"listening", "--from", capture.toString()}, {"check", "0"}, {"free", "80", "--grace", "601"},
            {"suggest", "-n", "0"}, {"who", "22/sctp"}, {"who", "22", "-f", "csv"}};
        StringBuilder said = new StringBuilder();
        for (String[] command : commands) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--lang", "de"));
            Cli.Run r = run(args.toArray(String[]::new));
            for (String line : (r.out() + r.err()).split("\n")) {
                // data, not sentences: the registry's records, the titles of sources, a parser's own words
                if (!line.matches("  \\d+/(tcp|udp)  .*|  \\[\\d+] .*|.*Zeile \\d+: garbled.*")) {
                    said.append(line).append('\n');
                }
            }
        }
        String german = String.join("\n", bundle("cli/messages_de.properties").values().toArray(String[]::new));
        List<String> english = new ArrayList<>();
        for (Object pattern : bundle("cli/messages.properties").values()) {
            for (String stretch : literalStretches((String) pattern)) {
                if (stretch.chars().filter(Character::isLetter).count() >= 6 && !german.contains(stretch)) {
                    english.add(stretch);
                }
            }
        }
        assertThat(english).as("stretches of English to look for").hasSizeGreaterThan(150);
        assertThat(english).allSatisfy(stretch -> assertThat(said.toString()).doesNotContain(stretch));
    }

    /** The stretches of literal text of a pattern, between its arguments and in each branch, trimmed. */
    private static List<String> literalStretches(String pattern) {
        MessagePattern mp = new MessagePattern(pattern);
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i + 1 < mp.countParts(); i++) {
            MessagePattern.Part part = mp.getPart(i);
            MessagePattern.Part.Type type = part.getType();
            if (type == MessagePattern.Part.Type.MSG_START || type == MessagePattern.Part.Type.ARG_LIMIT
                    || type == MessagePattern.Part.Type.SKIP_SYNTAX || type == MessagePattern.Part.Type.INSERT_CHAR
                    || type == MessagePattern.Part.Type.REPLACE_NUMBER) {
                current.append(pattern, part.getLimit(), mp.getPart(i + 1).getIndex());
            }
            if (type == MessagePattern.Part.Type.ARG_START || type == MessagePattern.Part.Type.MSG_LIMIT
                    || type == MessagePattern.Part.Type.REPLACE_NUMBER) {
                out.add(current.toString().replace("''", "'").strip());
                current.setLength(0);
            }
        }
        out.add(current.toString().strip());
        return out;
    }

    private static Map<Object, Object> bundle(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = InspectionLanguagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
