package dev.portolan.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every translated bundle has exactly the English keys, every message parses as ICU in its own
 * language, and uses the same argument names as the English one.
 */
class BundlesTest {
    static final Path DIR = Path.of("src/main/resources/knowledge");

    static Properties load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }

    /** Argument names a pattern uses, nested ones included. */
    static Set<String> arguments(String pattern) {
        MessagePattern mp = new MessagePattern(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < mp.countParts(); i++) {
            MessagePattern.Part part = mp.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(mp.getSubstring(part));
            }
        }
        return names;
    }

    @TestFactory
    Stream<DynamicTest> everyBundleMatchesEnglish() throws IOException {
        Properties english = load(DIR.resolve("messages.properties"));
        return Files.list(DIR).filter(p -> p.getFileName().toString().matches("messages_[a-z]{2,3}\\.properties"))
                .sorted().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String lang = file.getFileName().toString().replaceAll("messages_|\\.properties", "");
                    Properties own = load(file);
                    assertThat(new TreeSet<>(own.stringPropertyNames()))
                            .as("keys of %s", file.getFileName())
                            .containsExactlyElementsOf(new TreeSet<>(english.stringPropertyNames()));
                    for (String key : own.stringPropertyNames()) {
                        String pattern = own.getProperty(key);
                        new MessageFormat(pattern, new ULocale(lang));
                        assertThat(arguments(pattern)).as("arguments of %s in %s", key, lang)
                                .isEqualTo(arguments(english.getProperty(key)));
                    }
                }));
    }
}
