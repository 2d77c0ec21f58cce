package dev.portolan.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * The gzip form (RFC 1952) of whole byte arrays: the one way Portolan compresses, for the site's
 * responses and the static export's {@code .gz} files. The header is fixed (no file name, no
 * time, unknown system), so the same bytes compressed by the same engine at the same level always
 * give the same output.
 *
 * <p>Two engines write the DEFLATE data inside. {@link Engine#LIBDEFLATE} runs libdeflate through
 * a small native library that the build compiles when the machine has a C compiler and
 * libdeflate's header; on web pages it is about twice as fast as zlib for the same size (see
 * {@code bench/README.md}). {@link Engine#ZLIB} is {@code java.util.zip}'s zlib, always there.
 * {@link #at(int)} takes libdeflate when it loads and zlib otherwise; the system property {@code
 * portolan.gzip=zlib} chooses zlib everywhere. Both give valid gzip; their bytes differ.
 *
 * <p>Instances are safe to share between threads: each thread compresses with its own
 * compressor, freed when the thread and this object are gone.
 */
public final class Gzip {
    /** A DEFLATE implementation. */
    public enum Engine {
        /** libdeflate, through the native library built with Portolan. */
        LIBDEFLATE,
        /** zlib, through {@code java.util.zip}. */
        ZLIB;

        /** The engine's name as people know it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The level if none is chosen: within a few per cent of the smallest output, at a fraction of its time. */
    public static final int DEFAULT_LEVEL = 6;
    /** The system property that chooses zlib when set to {@code zlib}. */
    public static final String ENGINE_PROPERTY = "portolan.gzip";
    /** Magic, deflate, no flags, no time, no extra flags, unknown system. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER = 8;

    private final int level;
    private final Engine engine;
    private final ThreadLocal<Compressor> compressors;
    private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[1 << 16]);

    private Gzip(int level, Engine engine) {
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("the gzip level must be 1-9, not " + level);
        }
        this.level = level;
        this.engine = engine;
        this.compressors = ThreadLocal.withInitial(() -> engine == Engine.LIBDEFLATE
                ? new NativeCompressor(level) : new ZlibCompressor(level));
    }

    /**
     * Compression at a level, with libdeflate when it is available and not turned off by {@value
     * #ENGINE_PROPERTY}{@code =zlib}, else zlib.
     *
     * @param level 1 (fastest) to 9 (smallest)
     */
    public static Gzip at(int level) {
        boolean zlibChosen = "zlib".equals(System.getProperty(ENGINE_PROPERTY));
        return new Gzip(level, !zlibChosen && nativeProblem().isEmpty() ? Engine.LIBDEFLATE : Engine.ZLIB);
    }

    /**
     * Compression at a level with a given engine.
     *
     * @throws IllegalStateException if the engine is libdeflate and it cannot be loaded here
     */
    public static Gzip at(int level, Engine engine) {
        if (engine == Engine.LIBDEFLATE && Native.PROBLEM != null) {
            throw new IllegalStateException("libdeflate is not available: " + Native.PROBLEM);
        }
        return new Gzip(level, engine);
    }

    /** Why libdeflate cannot be used on this machine, or empty when it can. */
    public static Optional<String> nativeProblem() {
        return Optional.ofNullable(Native.PROBLEM);
    }

    /** The engine this instance compresses with. */
    public Engine engine() {
        return engine;
    }

    /** The level, 1 to 9. */
    public int level() {
        return level;
    }

    /** The gzip form of all of {@code content}. */
    public byte[] compress(byte[] content) {
        Compressor c = compressors.get();
        int room = HEADER.length + c.bound(content.length) + TRAILER;
        byte[] out = scratch.get();
        if (out.length < room) {
            out = new byte[Math.max(room, out.length * 2)];
            scratch.set(out);
        }
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        int n = HEADER.length + c.deflate(content, out, HEADER.length, room - HEADER.length - TRAILER);
        CRC32 crc = new CRC32();
        crc.update(content);
        n = littleEndian(out, n, (int) crc.getValue());
        n = littleEndian(out, n, content.length);
        return Arrays.copyOf(out, n);
    }

    private static int littleEndian(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
        return at + 4;
    }

    /** One thread's raw DEFLATE compressor. */
    private interface Compressor {
        /** The most bytes {@code length} bytes can compress to. */
        int bound(int length);

        /** Compresses all of {@code in} into {@code out} from {@code offset}; returns the size. */
        int deflate(byte[] in, byte[] out, int offset, int room);
    }

    private static final class ZlibCompressor implements Compressor {
        private final Deflater deflater;

        ZlibCompressor(int level) {
            deflater = new Deflater(level, true);
        }

        @Override
        public int bound(int length) {
            // zlib's deflateBound for raw data, plus the stored-block worst case
            return length + (length >> 12) + (length >> 14) + (length >> 25) + 13 + 5 * (length / 16_383 + 1);
        }

        @Override
        public int deflate(byte[] in, byte[] out, int offset, int room) {
            deflater.reset();
            deflater.setInput(in);
            deflater.finish();
            int n = deflater.deflate(out, offset, room);
            if (!deflater.finished()) {
                throw new IllegalStateException("zlib needed more than its bound for " + in.length + " bytes");
            }
            return n;
        }
    }

    private static final class NativeCompressor implements Compressor {
        private static final Cleaner CLEANER = Cleaner.create();
        private final long handle;

        NativeCompressor(int level) {
            long h = Native.alloc(level);
            if (h == 0) {
                throw new OutOfMemoryError("libdeflate could not allocate a compressor");
            }
            handle = h;
            CLEANER.register(this, () -> Native.free(h));
        }

        @Override
        public int bound(int length) {
            int b = Native.bound(handle, length);
            if (b < 0) {
                throw new IllegalArgumentException("too large to compress in one piece: " + length + " bytes");
            }
            return b;
        }

        @Override
        public int deflate(byte[] in, byte[] out, int offset, int room) {
            int n = Native.compress(handle, in, in.length, out, offset, room);
            if (n <= 0) {
                throw new IllegalStateException(n == 0 ? "libdeflate needed more than its bound for " + in.length
                        + " bytes" : "the JVM could not lend libdeflate the arrays");
            }
            // the compressor must stay reachable until libdeflate is done with its handle
            java.lang.ref.Reference.reachabilityFence(this);
            return n;
        }
    }

    /** The native library: loaded once, on first use, from the jar. */
    static final class Native {
        static final String LIBRARY = "libportolan-gzip.so";
        /** Why it is not loaded, or null when it is. */
        static final @Nullable String PROBLEM = load();

        private Native() {}

        static native long alloc(int level);

        static native void free(long handle);

        static native int bound(long handle, int length);

        static native int compress(long handle, byte[] in, int inLength, byte[] out, int outOffset, int outLength);

        /** The platform's directory name in the jar, as the build names it ({@code linux-x86_64}). */
        static String platform() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).replace(' ', '-');
            String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            if (arch.equals("amd64")) {
                arch = "x86_64";
            }
            return os + "-" + arch;
        }

        private static @Nullable String load() {
            String resource = "native/" + platform() + "/" + LIBRARY;
            try (InputStream in = Gzip.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return "this build has no native library for " + platform()
                            + " (it needs a C compiler and libdeflate's header when building)";
                }
                Path file = Files.createTempFile("libportolan-gzip", ".so");
                try {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    System.load(file.toAbsolutePath().toString());
                } finally {
                    // a loaded library stays mapped; its file is no longer needed
                    Files.deleteIfExists(file);
                }
            } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
                return "the native library did not load: " + e.getMessage();
            }
            return selfTest();
        }

        /** Compresses a sample and inflates it back: a library that loads but does not work is not used. */
        private static @Nullable String selfTest() {
            byte[] sample = "Port 60: unassigned. Port 60: unassigned. Port 443: https.".repeat(40)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long h = alloc(DEFAULT_LEVEL);
            if (h == 0) {
                return "libdeflate could not allocate a compressor";
            }
            try {
                byte[] out = new byte[bound(h, sample.length)];
                int n = compress(h, sample, sample.length, out, 0, out.length);
                Inflater inflater = new Inflater(true);
                try {
                    inflater.setInput(out, 0, n);
                    byte[] back = new byte[sample.length + 1];
                    int m = inflater.inflate(back);
                    return n > 0 && inflater.finished() && m == sample.length
                            && Arrays.equals(sample, 0, m, back, 0, m) ? null
                            : "the native library's output does not inflate to its input";
                } finally {
                    inflater.end();
                }
            } catch (DataFormatException e) {
                return "the native library's output is not DEFLATE data: " + e.getMessage();
            } finally {
                free(h);
            }
        }
    }
}
