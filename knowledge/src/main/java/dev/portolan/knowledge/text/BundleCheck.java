package dev.portolan.knowledge.text;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Map<String, String> english = Messages.read(baseName + ".properties");
        if (english == null) {
            return List.of("no " + baseName + ".properties on the class path");
        }
        for (ULocale language : Languages.all().subList(1, Languages.all().size())) {
            String file = baseName + "_" + Languages.code(language) + ".properties";
            Map<String, String> own = Messages.read(file);
            if (own == null) {
                out.add(file + ": missing");
                continue;
            }
            Set<String> missing = new TreeSet<>(english.keySet());
            missing.removeAll(own.keySet());
            Set<String> extra = new TreeSet<>(own.keySet());
            extra.removeAll(english.keySet());
            if (!missing.isEmpty()) {
                out.add(file + ": no " + missing);
            }
            if (!extra.isEmpty()) {
                out.add(file + ": keys English lacks " + extra);
            }
            for (String key : new TreeSet<>(own.keySet())) {
                String pattern = own.get(key);
                try {
                    new MessageFormat(pattern, language);
                } catch (IllegalArgumentException e) {
                    out.add(file + ": " + key + " is not valid ICU: " + e.getMessage());
                    continue;
                }
                String en = english.get(key);
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
}
