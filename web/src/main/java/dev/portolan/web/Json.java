package dev.portolan.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes JSON. Every generator escapes {@code <}, {@code >}, {@code &}, {@code '} and the line
 * separators U+2028/U+2029 as {@code \\uXXXX}: the JSON means the same, and it can be placed in
 * an HTML {@code <script>} element (JSON-LD) without any string in it ending the element.
 */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new HtmlSafe());

    private Json() {}

    /** Something that writes one JSON value. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    /** The UTF-8 bytes of one JSON value, followed by a newline. */
    static byte[] bytes(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return out.toByteArray();
    }

    /** One JSON value as a string, without a newline, for embedding in HTML. */
    static String string(Writer writer) {
        java.io.StringWriter out = new java.io.StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return out.toString();
    }

    /** Writes a field holding an array of strings. */
    static void strings(JsonGenerator g, String name, java.util.List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static JsonFactory factory() {
        return FACTORY;
    }

    private static final class HtmlSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        HtmlSafe() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['\''] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public @org.jspecify.annotations.Nullable SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString(ch == 0x2028 ? "\\u2028" : "\\u2029");
            }
            return null;
        }
    }
}
