package dev.portolan.inspect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A sentence about what an inspection could not see or read, language-neutral: the key of a
 * message and its named arguments. The caller puts it in words in its reader's language (the
 * command line's bundle holds the sentences); this module formats none.
 *
 * <p>Argument values are {@link String} (shown as is: addresses, commands, process ids, exit codes,
 * a system's own error text), {@link Integer} (counts, which choose a sentence's plural form and
 * follow the language's digits), or a nested {@code Note}.
 *
 * @param key the message key, such as {@code scan.hidden}
 * @param args the named arguments
 */
public record Note(String key, Map<String, Object> args) {
    public Note {
        Objects.requireNonNull(key, "key");
        for (Map.Entry<String, Object> a : args.entrySet()) {
            Object v = a.getValue();
            if (!(v instanceof String || v instanceof Integer || v instanceof Note)) {
                throw new IllegalArgumentException("argument " + a.getKey() + " of " + key + " has unsupported type "
                        + (v == null ? "null" : v.getClass().getName()));
            }
        }
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /**
     * A note with arguments given as name, value pairs.
     *
     * @throws IllegalArgumentException if the pairs do not pair, or a value is of another type
     */
    public static Note of(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments of " + key + " must come in name, value pairs");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Note(key, args);
    }

    /** This note with one more argument (or another value of one it has). */
    public Note with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(args);
        more.put(name, value);
        return new Note(key, more);
    }
}
