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
        out.addAll(readAsProperties(baseName + ".properties"));
        out.addAll(compiledAsWritten(baseName));
        for (ULocale language : Languages.all().subList(1, Languages.all().size())) {
            String file = baseName + "_" + Languages.code(language) + ".properties";
            out.addAll(readAsProperties(file));
            out.addAll(compiledAsWritten(baseName + "_" + Languages.code(language)));
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

    /** Whether {@link Messages} reads a bundle file exactly as {@link java.util.Properties} does. */
    static List<String> readAsProperties(String resource) {
        try (java.io.InputStream in = BundleCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            java.util.Properties p = new java.util.Properties();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            Map<String, String> expected = new java.util.HashMap<>();
            p.stringPropertyNames().forEach(k -> expected.put(k, p.getProperty(k)));
            Map<String, String> read = Messages.read(resource);
            return expected.equals(read) ? List.of() : List.of(resource + ": read otherwise than java.util.Properties reads it");
        } catch (java.io.IOException e) {
            return List.of(resource + ": " + e.getMessage());
        }
    }

    /**
     * Whether the compiled form of a bundle file (what a command reads) holds exactly the messages
     * of its {@code .properties} file (what translators edit): a missing or stale compiled file
     * is a problem.
     *
     * @param name the file's resource name without {@code .properties}
     */
    static List<String> compiledAsWritten(String name) {
        Map<String, String> written = Messages.read(name + ".properties");
        if (written == null) {
            return List.of();
        }
        try (java.io.InputStream in = BundleCheck.class.getClassLoader().getResourceAsStream(name + CompiledBundle.SUFFIX)) {
            if (in == null) {
                return List.of(name + CompiledBundle.SUFFIX + ": missing (the build writes it with BundleCompiler)");
            }
            Map<String, String> compiled = CompiledBundle.decode(in.readAllBytes()).toMap();
            return compiled.equals(written) ? List.of()
                    : List.of(name + CompiledBundle.SUFFIX + ": differs from " + name + ".properties (build again)");
        } catch (java.io.IOException | IllegalArgumentException e) {
            return List.of(name + CompiledBundle.SUFFIX + ": " + e.getMessage());
        }
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

    /**
     * Where a sentence formatted without ICU ({@link LocaleFormat} with the language's {@link
     * LocaleData}) says anything other than ICU, or is declined: every message of a bundle in
     * every language, with arguments that take every branch (each {@code select} keyword and one
     * it lacks; counts that reach every plural category of every language and every {@code =N})
     * and values of every kind (text, count, list, date of each precision, nested sentence), one
     * line a difference; empty when both agree everywhere.
     *
     * @param baseName the bundle on the class path
     * @param extra bundles read before it, whose messages it may nest ({@code knowledge/messages})
     */
    public static List<String> withoutIcu(String baseName, List<String> extra) {
        List<String> bundles = new ArrayList<>(extra);
        bundles.add(baseName);
        Map<String, String> english = Messages.read(baseName + ".properties");
        if (english == null) {
            return List.of("no " + baseName + ".properties on the class path");
        }
        // a message without arguments to nest as a sentence inside another
        String plainKey = new TreeSet<>(english.keySet()).stream().filter(k -> arguments(english.get(k)).isEmpty())
                .findFirst().orElse(null);
        List<String> out = new ArrayList<>();
        for (ULocale language : Languages.all()) {
            Messages messages = Messages.of(language, bundles);
            String code = Languages.code(language);
            int compared = 0;
            for (String key : new TreeSet<>(english.keySet())) {
                for (Map<String, Object> args : samples(Messages.pattern(messages, key), plainKey)) {
                    dev.portolan.knowledge.page.Text text = new dev.portolan.knowledge.page.Text(key, args, List.of());
                    String plain = messages.formatWithoutIcu(text);
                    String icu = messages.formatWithIcu(text);
                    if (plain == null) {
                        out.add(code + " " + key + " " + args + ": declined, ICU says \"" + icu + "\"");
                    } else if (!plain.equals(icu)) {
                        out.add(code + " " + key + " " + args + ": \"" + plain + "\", ICU says \"" + icu + "\"");
                    }
                    compared++;
                }
            }
            if (compared < english.size()) {
                out.add(code + ": only " + compared + " sentences compared for " + english.size() + " messages");
            }
        }
        return out;
    }

    /** Argument values that take every branch of a pattern, in several sets. */
    private static List<Map<String, Object>> samples(String pattern, String plainKey) {
        MessagePattern mp = new MessagePattern(pattern);
        Map<String, MessagePattern.ArgType> types = new java.util.LinkedHashMap<>();
        Map<String, List<Object>> choices = new java.util.HashMap<>();
        for (int i = 0; i + 1 < mp.countParts(); i++) {
            MessagePattern.Part part = mp.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START) {
                String name = mp.getSubstring(mp.getPart(i + 1));
                types.put(name, part.getArgType());
                choices.computeIfAbsent(name, n -> new ArrayList<>());
            }
            if (part.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                // the selector's argument is the innermost one open before it
                String owner = null;
                int depth = 0;
                for (int j = i - 1; j >= 0; j--) {
                    MessagePattern.Part.Type t = mp.getPart(j).getType();
                    if (t == MessagePattern.Part.Type.ARG_LIMIT) {
                        depth++;
                    } else if (t == MessagePattern.Part.Type.ARG_START) {
                        if (depth == 0) {
                            owner = mp.getSubstring(mp.getPart(j + 1));
                            break;
                        }
                        depth--;
                    }
                }
                String selector = mp.getSubstring(part);
                if (owner != null && types.get(owner) == MessagePattern.ArgType.SELECT) {
                    choices.get(owner).add(selector);
                } else if (owner != null && selector.startsWith("=")) {
                    choices.get(owner).add(Long.parseLong(selector.substring(1)));
                }
            }
        }
        // every plural category of the fifteen languages: zero, one, two, few (3..10 and 2..4),
        // many (11..99, 5..20, a million), other; grouped and not
        List<Object> counts = List.of(0L, 1, 2L, 3, 5L, 11, 21L, 22, 100L, 101, 1234L, 1_000_000, 1_234_567L);
        List<Object> values = List.of("<x 1'2>", 1234L, List.of("a", "b", "c"),
                new dev.portolan.knowledge.page.PageDate(2026, 12, 7), List.of("x", "y"),
                new dev.portolan.knowledge.page.PageDate(2024, 2, 0), List.of("one"),
                new dev.portolan.knowledge.page.PageDate(1999, 0, 0), 7,
                plainKey == null ? "nested" : dev.portolan.knowledge.page.Text.of(plainKey),
                List.of(dev.portolan.knowledge.page.Text.of(plainKey == null ? "x" : plainKey), "b"));
        int sets = values.size();
        for (Map.Entry<String, List<Object>> c : choices.entrySet()) {
            sets = Math.max(sets, c.getValue().size() + counts.size() + 1);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < Math.max(1, sets); i++) {
            Map<String, Object> args = new java.util.HashMap<>();
            for (Map.Entry<String, MessagePattern.ArgType> a : types.entrySet()) {
                List<Object> own = choices.get(a.getKey());
                Object v = switch (a.getValue()) {
                    case SELECT -> i < own.size() ? own.get(i) : i == own.size() ? "none-of-these" : own.get(i % own.size());
                    case PLURAL -> i < own.size() ? own.get(i) : counts.get(i % counts.size());
                    case SIMPLE -> counts.get(i % counts.size());
                    default -> values.get(i % values.size());
                };
                args.put(a.getKey(), v);
            }
            out.add(args);
        }
        return out;
    }
}
