package dev.portolan.inspect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** User names by uid, from a passwd(5) file; a uid it does not list is shown as its number. */
final class Users {
    private final Path passwd;

    Users(Path passwd) {
        this.passwd = passwd;
    }

    /** The names the file lists; empty when it cannot be read (then numbers are shown). */
    Map<Integer, String> names() {
        Map<Integer, String> out = new HashMap<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(ProcFiles.read(passwd))).toString();
        } catch (IOException e) {
            return out;
        }
        for (String line : text.split("\n")) {
            int c1 = line.indexOf(':');
            int c2 = c1 < 0 ? -1 : line.indexOf(':', c1 + 1);
            int c3 = c2 < 0 ? -1 : line.indexOf(':', c2 + 1);
            if (c3 < 0 || c1 == 0) {
                continue;
            }
            long uid = ProcScanner.pid(line.substring(c2 + 1, c3));
            if (uid >= 0 && uid <= Integer.MAX_VALUE) {
                out.putIfAbsent((int) uid, line.substring(0, c1));
            }
        }
        return out;
    }

    static String name(Map<Integer, String> names, int uid) {
        String n = names.get(uid);
        return n != null ? n : Integer.toUnsignedString(uid);
    }
}
