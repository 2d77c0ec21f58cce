package dev.portolan.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The account of a capture's lines as its reader goes: every line that is not blank is a heading
 * of the format (a column header, a rule of dashes, a preamble), a line of a socket (a socket of a
 * list or of a wrapped row spans several), or unread with the reason (an unread entry of several
 * lines is one unread line, the first, whose reason names the others). No line is in two of these,
 * and none is left out.
 */
final class CaptureLedger {
    private final String format;
    private final String source;
    private final List<String> lines;
    private final List<LocalSocket> sockets = new ArrayList<>();
    private final List<CapturedOutput.Unread> unread = new ArrayList<>();
    private final List<Integer> headings = new ArrayList<>();
    private final List<Integer> socketLines = new ArrayList<>();
    private final List<Integer> unreadLines = new ArrayList<>();

    /** @param lines the capture's lines, the first being line 1 */
    CaptureLedger(String format, String source, String[] lines) {
        this.format = format;
        this.source = source;
        this.lines = List.of(lines);
    }

    /** The capture's lines, the first being line 1. */
    List<String> lines() {
        return lines;
    }

    String source() {
        return source;
    }

    /** A line of the format's own: a column header, its rule, a preamble. */
    void heading(int line) {
        headings.add(line);
    }

    /** A socket, read from these lines. */
    void socket(LocalSocket s, List<Integer> lines) {
        sockets.add(s);
        socketLines.addAll(lines);
    }

    void socket(LocalSocket s, int line) {
        socket(s, List.of(line));
    }

    void unread(int line, String text, String why) {
        unread.add(new CapturedOutput.Unread(line, text, why));
        unreadLines.add(line);
    }

    /**
     * An entry of several lines that is not a socket: one unread line, the first, whose reason
     * names them all, and the others it stands for.
     */
    void unread(int line, String text, String why, List<Integer> alsoLines) {
        unread(line, text, why);
        unreadLines.addAll(alsoLines);
    }

    /** An unread line whose reason is an {@link InspectException} of this capture's readers. */
    void unread(int line, String text, InspectException e) {
        unread(line, text, reason(e));
    }

    /** The socket read last, or null before the first. */
    @Nullable LocalSocket last() {
        return sockets.isEmpty() ? null : sockets.get(sockets.size() - 1);
    }

    /** Replaces the socket read last with what {@code line} adds to it (as netstat -anob's program name). */
    void amendLast(LocalSocket s, int line) {
        sockets.set(sockets.size() - 1, s);
        socketLines.add(line);
    }

    /** What the capture held; the unread lines in the order of the text. */
    CapturedOutput.Reading reading() {
        List<CapturedOutput.Unread> byLine = new ArrayList<>(unread);
        byLine.sort(Comparator.comparingInt(CapturedOutput.Unread::line));
        return new CapturedOutput.Reading(format, sockets, byLine);
    }

    /** The lines taken as the format's headings, in the order read. */
    List<Integer> headings() {
        return List.copyOf(headings);
    }

    /** The lines the sockets were read from, in the order read. */
    List<Integer> socketLines() {
        return List.copyOf(socketLines);
    }

    /** The lines not read as sockets: each unread line and the lines of its entry. */
    List<Integer> unreadLines() {
        return List.copyOf(unreadLines);
    }

    /** A reader's message without the source: {@code "line 3 has LocalPort \"x\", expected ..."}. */
    String withoutSource(InspectException e) {
        String m = e.getMessage();
        return m.startsWith(source + ": ") ? m.substring(source.length() + 2) : m;
    }

    /**
     * The reason in a reader's message, without the source and line the unread line already gives:
     * {@code "paste: line 3 has LocalPort \"x\", expected ..."} gives {@code "has LocalPort \"x\", expected ..."}.
     */
    String reason(InspectException e) {
        String m = e.getMessage();
        String prefix = source + ": line ";
        if (m.startsWith(prefix)) {
            int at = prefix.length();
            while (at < m.length() && m.charAt(at) >= '0' && m.charAt(at) <= '9') {
                at++;
            }
            return m.substring(Math.min(m.length(), at + 1));
        }
        return withoutSource(e);
    }
}
