package dev.portolan.knowledge.text;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a bundle in every language against English: the same keys, no other key, each message
 * valid ICU in its language, with the same argument names as the English message.
 */
public final class BundleCheck {
    private BundleCheck() {}

    /**
     * What is wrong with a bundle's translations, one line a problem; empty when all is well.
     *
     * @param baseName the bundle on the class path, {@code knowledge/messages} or {@code web/site}
     */
    public static List<String> problems(String baseName) {
        List<String> out = new ArrayList<>();
        Properties english = load(baseName + ".properties");
        if (english == null) {
            return List.of("no " + baseName + ".properties on the class path");
        }
        for (ULocale language : Languages.all().subList(1, Languages.all().size())) {
            String file = baseName + "_" + Languages.code(language) + ".properties";
            Properties own = load(file);
            if (own == null) {
                out.add(file + ": missing");
                continue;
            }
            Set<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(own.stringPropertyNames());
            Set<String> extra = new TreeSet<>(own.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            if (!missing.isEmpty()) {
                out.add(file + ": no " + missing);
            }
            if (!extra.isEmpty()) {
                out.add(file + ": keys English lacks " + extra);
            }
            for (String key : new TreeSet<>(own.stringPropertyNames())) {
                String pattern = own.getProperty(key);
                try {
                    new MessageFormat(pattern, language);
                } catch (IllegalArgumentException e) {
                    out.add(file + ": " + key + " is not valid ICU: " + e.getMessage());
                    continue;
                }
                String en = english.getProperty(key);
                if (en != null && !arguments(pattern).equals(arguments(en))) {
                    out.add(file + ": " + key + " uses " + arguments(pattern) + ", English uses " + arguments(en));
                }
            }
        }
        return out;
    }

    /** The argument names a pattern uses, nested ones included. */
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

    private static @org.jspecify.annotations.Nullable Properties load(String resource) {
        try (InputStream in = BundleCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
