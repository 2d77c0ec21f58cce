package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The page file (rendered bytes on disk, a ring) and the page cache that keeps port pages in it. */
class PageFileTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private static byte[] read(PageFile file, long at, int length) {
        ByteBuffer into = ByteBuffer.allocate(length);
        assertThat(file.read(at, into)).as("bytes at %d are there", at).isTrue();
        return into.array();
    }

    private static Rendered page(int port) {
        String html = "<!DOCTYPE html><title>Port " + port + "</title>" + "<p>port " + port + " is a port</p>\n".repeat(300);
        return Rendered.of(html.getBytes(StandardCharsets.UTF_8), HtmlPages.contentType(), CachePolicy.PAGE_CACHE);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows deletes the file when it is closed")
    void create_leavesNoFileInTheDirectory() throws IOException {
        try (PageFile file = PageFile.create(dir.resolve("home"), MIB)) {
            file.write(bytes(1000, 1));
            try (var listing = Files.list(dir.resolve("home"))) {
                assertThat(listing).isEmpty();
            }
        }
    }

    @Test
    void create_refusesLessThanAMebibyte() {
        assertThatThrownBy(() -> PageFile.create(dir, 1000)).hasMessage(
                "page file capacity is 1000 bytes, must be at least 1 MiB");
    }

    @Test
    void read_givesBackWhatWasWritten() throws IOException {
        try (PageFile file = PageFile.create(dir, MIB)) {
            long a = file.write(bytes(10_000, 1));
            long b = file.write(bytes(37_000, 2));
            assertThat(read(file, a, 10_000)).isEqualTo(bytes(10_000, 1));
            assertThat(read(file, b, 37_000)).isEqualTo(bytes(37_000, 2));
            assertThat(file.bytes()).isEqualTo(47_000);
        }
    }

    @Test
    void write_pastTheCapacity_overwritesTheOldestAndSaysSo() throws IOException {
        try (PageFile file = PageFile.create(dir, MIB)) {
            long first = file.write(bytes(300_000, 1));
            long second = file.write(bytes(300_000, 2));
            long third = file.write(bytes(300_000, 3));
            // the fourth does not fit before the end: it starts again at the beginning, over the first
            long fourth = file.write(bytes(300_000, 4));
            assertThat(file.holds(first)).isFalse();
            assertThat(file.read(first, ByteBuffer.allocate(300_000))).isFalse();
            assertThat(file.holds(second)).isTrue();
            assertThat(read(file, second, 300_000)).isEqualTo(bytes(300_000, 2));
            assertThat(read(file, third, 300_000)).isEqualTo(bytes(300_000, 3));
            assertThat(read(file, fourth, 300_000)).isEqualTo(bytes(300_000, 4));
            assertThat(fourth % MIB).as("a span never crosses the end of the file").isZero();
            assertThat(file.bytes()).isEqualTo(MIB);
        }
    }

    @Test
    void write_refusesMoreThanTheCapacity() throws IOException {
        try (PageFile file = PageFile.create(dir, MIB)) {
            assertThatThrownBy(() -> file.write(new byte[(int) MIB + 1])).isInstanceOf(IOException.class)
                    .hasMessage("cannot keep 1048577 bytes in a page file of 1048576");
        }
    }

    @Test
    void read_afterClose_failsQuietly() throws IOException {
        PageFile file = PageFile.create(dir, MIB);
        long at = file.write(bytes(100, 1));
        file.close();
        assertThat(file.read(at, ByteBuffer.allocate(100))).isFalse();
    }

    @Test
    void cache_keepsWhereAPortPageIs_notItsBytes() throws IOException {
        Rendered page = page(443);
        try (PageCache cache = new PageCache(MIB, 2, PageFile.create(dir, 16 * MIB))) {
            assertThat(cache.port(1, 443, false, p -> page)).isSameAs(page);
            CachedPage kept = cache.peekPort(1, 443);
            assertThat(kept).isInstanceOf(Spilled.class);
            Spilled s = (Spilled) kept;
            assertThat(s.bodyAt()).as("a client with gzip asked: only the gzip bytes are written").isEqualTo(-1);
            assertThat(s.length(true)).isEqualTo(page.gzip().length);
            assertThat(s.length(false)).isEqualTo(page.body().length);
            assertThat(s.etag(false)).isEqualTo(page.etag());
            assertThat(s.etag(true)).isEqualTo(page.gzipEtag());
            // the byte accounting: the entry, not the page
            assertThat(cache.bytes()).isEqualTo(Spilled.SIZE);
            assertThat(cache.entries()).isEqualTo(1);
            assertThat(cache.fileBytes()).isEqualTo(page.gzip().length);
            ByteBuffer gzip = ByteBuffer.allocate(s.gzipLength());
            assertThat(cache.read(1, 443, s, s.gzipAt(), gzip)).isTrue();
            assertThat(gzip.array()).isEqualTo(page.gzip());
            // the Javalin route gets the bytes back from the file, rendering nothing
            Rendered again = cache.port(1, 443, false, p -> {
                throw new AssertionError("rendered again");
            });
            assertThat(again.gzip()).isEqualTo(page.gzip());
            assertThat(again.etag()).isEqualTo(page.etag());
            assertThat(cache.misses()).isEqualTo(1);
            cache.clear();
            assertThat(cache.bytes()).isZero();
            assertThat(cache.entries()).isZero();
        }
    }

    @Test
    void cache_writesTheUncompressedBytes_onceAClientWithoutGzipAsks() throws IOException {
        Rendered page = page(80);
        try (PageCache cache = new PageCache(MIB, 1, PageFile.create(dir, 16 * MIB))) {
            cache.port(0, 80, false, p -> page);
            Spilled gzipOnly = (Spilled) cache.peekPort(0, 80);
            assertThat(cache.body(0, 80, gzipOnly)).isEqualTo(page.body());
            Spilled both = (Spilled) cache.peekPort(0, 80);
            assertThat(both.bodyAt()).isNotNegative();
            ByteBuffer body = ByteBuffer.allocate(both.bodyLength());
            assertThat(cache.read(0, 80, both, both.bodyAt(), body)).isTrue();
            assertThat(body.array()).isEqualTo(page.body());
            assertThat(cache.bytes()).as("still one entry").isEqualTo(Spilled.SIZE);
            // a page rendered for a client without gzip keeps both forms at once
            cache.port(0, 81, true, p -> page(81));
            assertThat(((Spilled) cache.peekPort(0, 81)).bodyAt()).isNotNegative();
        }
    }

    @Test
    void cache_dropsAPageTheFileOverwrote_andRendersItAgain() throws IOException {
        AtomicInteger renders = new AtomicInteger();
        try (PageCache cache = new PageCache(MIB, 1, PageFile.create(dir, MIB))) {
            byte[] noise = new byte[600_000];
            new java.util.Random(9).nextBytes(noise); // does not compress: kept as it is
            Rendered big = Rendered.of(noise, HtmlPages.contentType(), CachePolicy.PAGE_CACHE);
            cache.port(0, 1, false, p -> {
                renders.incrementAndGet();
                return big;
            });
            Spilled first = (Spilled) cache.peekPort(0, 1);
            cache.port(0, 2, false, p -> big); // overwrites the first in a 1 MiB ring
            assertThat(cache.read(0, 1, first, first.bodyAt() >= 0 ? first.bodyAt() : first.gzipAt(),
                    ByteBuffer.allocate(first.length(first.hasGzip())))).isFalse();
            assertThat(cache.peekPort(0, 1)).as("dropped").isNull();
            assertThat(cache.entries()).isEqualTo(1);
            assertThat(cache.bytes()).isEqualTo(Spilled.SIZE);
            cache.port(0, 1, false, p -> {
                renders.incrementAndGet();
                return big;
            });
            assertThat(renders).hasValue(2);
        }
    }

    @Test
    void cache_withoutAFile_keepsTheGzipBytesOnly_andInflatesForOthers() {
        Rendered page = page(22);
        PageCache cache = new PageCache(MIB, 1);
        cache.port(0, 22, true, p -> page);
        Rendered kept = (Rendered) cache.peekPort(0, 22);
        assertThat(kept.body()).isNull();
        assertThat(kept.identity()).isEqualTo(page.body());
        assertThat(kept.bodyLength()).isEqualTo(page.body().length);
        assertThat(cache.bytes()).isEqualTo(kept.size()).isLessThan(page.size() / 4);
        assertThat(cache.fileBytes()).isZero();
    }
}
