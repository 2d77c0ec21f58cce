package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The site's frame strings: their own namespace, valid patterns, and every key the code names exists. */
class SiteBundleTest {
    private static final Pattern LITERAL_KEY = Pattern.compile("\\bt\\(\"([a-zA-Z0-9.]+)\"\\s*[,)]");

    private static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = SiteBundleTest.class.getClassLoader().getResourceAsStream("web/site.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKey_isInTheWebNamespace_andAValidPattern() throws IOException {
        Properties p = bundle();
        assertThat(p).isNotEmpty();
        for (String key : p.stringPropertyNames()) {
            assertThat(key).startsWith(Frame.PREFIX);
            new MessageFormat(p.getProperty(key), ULocale.ENGLISH); // throws on a broken pattern
        }
    }

    @Test
    void everyLanguage_hasEveryKey_withTheSameArguments() {
        assertThat(dev.portolan.knowledge.text.BundleCheck.problems(WebServer.SITE_BUNDLE)).isEmpty();
    }

    @Test
    void siteSentences_withoutIcu_sayWhatIcuSays_inEveryLanguage() {
        assertThat(dev.portolan.knowledge.text.BundleCheck.withoutIcu(WebServer.SITE_BUNDLE,
                java.util.List.of(dev.portolan.knowledge.text.Messages.PAGES))).isEmpty();
    }

    @Test
    void everyKeyTheCodeNames_exists() throws IOException {
        Properties p = bundle();
        Set<String> missing = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        for (String dir : new String[] {"src/main/java", "src/main/jte"}) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                files.filter(Files::isRegularFile).forEach(sources::add);
            }
        }
        int found = 0;
        for (Path f : sources) {
            Matcher m = LITERAL_KEY.matcher(Files.readString(f));
            while (m.find()) {
                found++;
                if (!p.containsKey(Frame.PREFIX + m.group(1))) {
                    missing.add(f.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(found).isGreaterThan(50);
        assertThat(missing).isEmpty();
        for (String computed : new String[] {"range.system", "range.user", "range.dynamic", "range.system.about",
            "range.user.about", "range.dynamic.about", "commands.platform.linux", "commands.platform.macos",
            "commands.platform.windows", "commands.platform.portolan", "status.assigned", "status.reserved",
            "status.unassigned", "error.400", "error.403", "error.404", "error.405", "error.413", "error.415",
            "error.429", "error.500", "error.503"}) {
            assertThat(p).containsKey(Frame.PREFIX + computed);
        }
        // the explain page names every state of a socket, and the reasons it words itself
        for (dev.portolan.inspect.SocketState state : dev.portolan.inspect.SocketState.values()) {
            assertThat(p).containsKey(Frame.PREFIX + "explain.state." + state.id());
        }
        for (String reason : CaptureReport.REASONS.values()) {
            assertThat(p).containsKey(Frame.PREFIX + reason);
        }
    }
}
