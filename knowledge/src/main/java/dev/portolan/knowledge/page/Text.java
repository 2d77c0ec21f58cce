package dev.portolan.knowledge.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sentence of a page, language-neutral: the key of an ICU message, its named arguments, and
 * the citations it rests on (numbered as footnotes by the page).
 *
 * <p>Argument values are {@link String} (shown as is: names, port numbers, commands), {@link
 * Long} or {@link Integer} (counts, formatted by the locale's rules), {@link PageDate}, a {@link
 * List} of strings (joined by the locale's list pattern), or a nested {@code Text}.
 *
 * @param key the message key
 * @param args the named arguments
 * @param cites citation ids, in order
 */
public record Text(String key, Map<String, Object> args, List<String> cites) {
    public Text {
        Objects.requireNonNull(key, "key");
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
        cites = List.copyOf(cites);
        for (Map.Entry<String, Object> a : args.entrySet()) {
            Object v = a.getValue();
            if (!(v instanceof String || v instanceof Long || v instanceof Integer || v instanceof PageDate
                    || v instanceof Text || v instanceof List<?>)) {
                throw new IllegalArgumentException("argument " + a.getKey() + " of " + key + " has unsupported type "
                        + v.getClass().getName());
            }
        }
    }

    /** A message with arguments given as name, value pairs, and no citations. */
    public static Text of(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments of " + key + " must come in name, value pairs");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Text(key, args, List.of());
    }

    // equals and hashCode written out: a record's generated ones are bound at their first call
    // through method handles, which costs a command line's start several milliseconds (sentences
    // are kept in sets and maps on the way to the first line printed).
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Text t && key.equals(t.key) && args.equals(t.args) && cites.equals(t.cites);
    }

    @Override
    public int hashCode() {
        return (31 * key.hashCode() + args.hashCode()) * 31 + cites.hashCode();
    }

    /** This message citing these sources. */
    public Text citing(List<String> ids) {
        return new Text(key, args, ids);
    }

    /** This message citing these sources. */
    public Text citing(String... ids) {
        return citing(List.of(ids));
    }
}
