package dev.portolan.knowledge.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * One bundle file's messages in the form the build writes beside it ({@code <file>.bundle}) and
 * the program reads: the keys sorted by their UTF-8 bytes, each key and value as UTF-8 in one
 * block, and a table of where each starts. A message is found by a binary search and decoded when
 * asked for, so a command that formats twenty sentences neither decodes nor parses the hundred
 * kilobytes of the page bundle (parsing it cost a command line's start some 20 ms).
 *
 * <p>The form: the four bytes {@code PMB2}; the number of messages {@code n} (a 4-byte big-endian
 * integer, as every number here); {@code 2n + 1} offsets into the block, message {@code i}'s key
 * from offset {@code 2i} to {@code 2i + 1} and its value from there to {@code 2i + 2}; the block;
 * a CRC-32 of everything before it. The checksum is what a start checks (the table's order was
 * checked entry by entry before, a millisecond of the start for the page bundle); that the
 * encoder writes the table in order is its tests' to hold. Instances are immutable and safe to
 * share between threads.
 */
public final class CompiledBundle {
    /** The file name suffix of a compiled bundle, after the {@code .properties} file's name without its own. */
    public static final String SUFFIX = ".bundle";

    private static final byte[] MAGIC = {'P', 'M', 'B', '2'};

    private final ByteBuffer data;
    private final int count;
    /** Where the block starts in {@link #data}. */
    private final int block;

    private CompiledBundle(ByteBuffer data, int count, int block) {
        this.data = data;
        this.count = count;
        this.block = block;
    }

    /** The compiled form of messages. */
    public static byte[] encode(Map<String, String> messages) {
        byte[][] keys = new byte[messages.size()][];
        int i = 0;
        for (String key : messages.keySet()) {
            keys[i++] = key.getBytes(StandardCharsets.UTF_8);
        }
        Arrays.sort(keys, Arrays::compareUnsigned);
        byte[][] values = new byte[keys.length][];
        int size = 0;
        for (i = 0; i < keys.length; i++) {
            values[i] = messages.get(new String(keys[i], StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            size += keys[i].length + values[i].length;
        }
        int n = keys.length;
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + 4 * (2 * n + 1) + size + 4).order(ByteOrder.BIG_ENDIAN);
        out.put(MAGIC).putInt(n);
        int at = 0;
        for (i = 0; i < n; i++) {
            out.putInt(at);
            at += keys[i].length;
            out.putInt(at);
            at += values[i].length;
        }
        out.putInt(at);
        for (i = 0; i < n; i++) {
            out.put(keys[i]).put(values[i]);
        }
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    /**
     * Reads a compiled bundle, checking its magic bytes, its checksum and that its table fits the
     * block. Messages are decoded when asked for.
     *
     * @throws IllegalArgumentException if the bytes are not a compiled bundle
     */
    public static CompiledBundle decode(byte[] bytes) {
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        if (bytes.length < MAGIC.length + 8 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not a compiled message bundle");
        }
        int end = bytes.length - 4;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, end);
        if ((int) crc.getValue() != data.getInt(end)) {
            throw new IllegalArgumentException("compiled message bundle: checksum mismatch (damaged or cut short)");
        }
        int n = data.getInt(MAGIC.length);
        long blockStart = MAGIC.length + 4 + 4L * (2L * n + 1);
        if (n < 0 || blockStart > end) {
            throw new IllegalArgumentException("compiled message bundle: bad message count " + n);
        }
        int block = (int) blockStart;
        int last = data.getInt(block - 4);
        if (data.getInt(MAGIC.length + 4) != 0 || block + last != end) {
            throw new IllegalArgumentException("compiled message bundle: " + (end - block)
                    + " bytes of messages, the table says " + last);
        }
        return new CompiledBundle(data, n, block);
    }

    /** The number of messages. */
    public int size() {
        return count;
    }

    /** The message of a key, or null when the bundle has none. */
    public @Nullable String get(String key) {
        int i = find(key.getBytes(StandardCharsets.UTF_8));
        return i < 0 ? null : text(offset(2 * i + 1), offset(2 * i + 2));
    }

    /** Every key, in the bundle's order. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            keys.add(text(offset(2 * i), offset(2 * i + 1)));
        }
        return keys;
    }

    /** Every message, decoded (for checks). */
    public Map<String, String> toMap() {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(text(offset(2 * i), offset(2 * i + 1)), text(offset(2 * i + 1), offset(2 * i + 2)));
        }
        return map;
    }

    private int find(byte[] key) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = compareKey(mid, key);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Key {@code i} against bytes, as {@link Arrays#compareUnsigned(byte[], byte[])} orders them. */
    private int compareKey(int i, byte[] key) {
        int start = block + offset(2 * i);
        int length = offset(2 * i + 1) - offset(2 * i);
        int common = Math.min(length, key.length);
        for (int k = 0; k < common; k++) {
            int c = Byte.toUnsignedInt(data.get(start + k)) - Byte.toUnsignedInt(key[k]);
            if (c != 0) {
                return c;
            }
        }
        return length - key.length;
    }

    private int offset(int i) {
        return data.getInt(MAGIC.length + 4 + 4 * i);
    }

    private String text(int from, int to) {
        return new String(data.array(), block + from, to - from, StandardCharsets.UTF_8);
    }
}
