package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import dev.portolan.knowledge.page.Text;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.knowledge.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** English without ICU says exactly what ICU says, for every message of the root bundle. */
class RootSentencesTest {
    private static final Messages ICU = Messages.of(Languages.root(), List.of(CliText.BUNDLE));
    private static final RootSentences PLAIN = RootSentences.of(CliText.BUNDLE);

    @Test
    void everyRootMessage_isFormattedWithoutIcu_asIcuFormatsIt() throws IOException {
        Properties root = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CliText.BUNDLE + ".properties")) {
            root.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        int compared = 0;
        for (String key : root.stringPropertyNames()) {
            for (Map<String, Object> args : samples(root.getProperty(key))) {
                String plain = PLAIN.format(key, args);
                assertThat(plain).as(key + " " + args).isNotNull().isEqualTo(ICU.format(new Text(key, args, List.of())));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(root.size());
    }

    @Test
    void whatIsNotInTheSubset_isDeclined() {
        // a count where text is expected, and text where a count is: ICU formats these its own way
        assertThat(PLAIN.format("check.free", Map.of("port", 8080, "transport", "tcp"))).isNull();
        assertThat(PLAIN.format("free.stillHeld", Map.of("port", "80", "count", "2"))).isNull();
        assertThat(PLAIN.format("no.such.key", Map.of())).isNull();
        assertThat(PLAIN.format("check.free", Map.of("port", "8080"))).isNull();
    }

    @Test
    void english_neverLoadsIcu_forASentenceOfTheSubset() {
        assertThat(CliText.english().say("free.stillHeld", "port", "80", "count", 1234))
                .isEqualTo("port 80 is still held (1,234 sockets)");
        assertThat(CliText.english().say("free.stillHeld", "port", "80", "count", 1))
                .isEqualTo("port 80 is still held (1 socket)");
    }

    /** Argument values that take every branch: texts, yes and no, and counts 0, 1, 2 and 1234. */
    private static List<Map<String, Object>> samples(String pattern) {
        MessagePattern mp = new MessagePattern(pattern);
        Map<String, MessagePattern.ArgType> types = new HashMap<>();
        for (int i = 0; i + 1 < mp.countParts(); i++) {
            MessagePattern.Part part = mp.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START) {
                types.put(mp.getSubstring(mp.getPart(i + 1)), part.getArgType());
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Object[][] values = {{"yes", 0}, {"no", 1}, {"other", 2}, {"yes", 1234}};
        for (Object[] v : values) {
            Map<String, Object> args = new HashMap<>();
            types.forEach((name, type) -> args.put(name, switch (type) {
                case SELECT -> v[0];
                case PLURAL -> v[1];
                default -> "<" + name + " 1'2>";
            }));
            out.add(args);
        }
        return out;
    }
}
