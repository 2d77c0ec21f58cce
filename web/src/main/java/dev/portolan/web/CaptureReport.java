package dev.portolan.web;

import com.ibm.icu.text.ListFormatter;
import dev.portolan.inspect.CapturedOutput;
import dev.portolan.inspect.LocalSocket;
import dev.portolan.inspect.SocketOwner;
import dev.portolan.inspect.SocketState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a pasted capture holds, said in one language for the explain page: each socket with its
 * port's page and what the site calls the port (the names of the port's summary, as in the lists),
 * its state, its peer and its processes; and each line that was not read, with the reason.
 */
final class CaptureReport {
    /** The most unread lines the page lists; the rest are counted. */
    static final int MOST_UNREAD = 100;

    /**
     * The reasons {@link CapturedOutput} gives for a line that is no socket, and the frame
     * sentence that says each; a reason not listed here is shown as the reader wrote it, in
     * English, after a sentence that says so.
     */
    static final Map<String, String> REASONS = Map.of(
            "a unix socket, not a network one", "explain.why.unix",
            "not a TCP or UDP socket with a port", "explain.why.noPort",
            "not a socket this command lists", "explain.why.notListed",
            "not a TCP or UDP line of netstat", "explain.why.notNetstat",
            "a state this command does not read (netstat writes it in the display language)", "explain.why.state");

    private CaptureReport() {}

    /** The report of a capture in the language of {@code frame}. */
    static Views.Capture of(CapturedOutput.Reading reading, Frame frame, HtmlPages html) {
        ListFormatter lists = ListFormatter.getInstance(frame.messages().locale());
        List<Views.SocketRow> sockets = new ArrayList<>(reading.sockets().size());
        boolean hidden = false;
        boolean peers = false;
        for (LocalSocket s : reading.sockets()) {
            hidden |= s.owners().isEmpty() && s.state() != SocketState.TIME_WAIT;
            peers |= s.remotePort() != null;
            sockets.add(row(s, frame, html, lists));
        }
        List<Views.UnreadRow> unread = new ArrayList<>();
        for (CapturedOutput.Unread u : reading.unread().subList(0, Math.min(MOST_UNREAD, reading.unread().size()))) {
            String key = REASONS.get(u.why());
            unread.add(new Views.UnreadRow(Integer.toString(u.line()), printable(u.text()),
                    frame.t(key == null ? "explain.why.other" : key), key == null ? u.why() : ""));
        }
        int more = reading.unread().size() - unread.size();
        return new Views.Capture(
                frame.t("explain.summary", "format", reading.format(), "count", reading.sockets().size()),
                sockets, peers, hidden ? frame.t("explain.noProcess") : "",
                reading.unread().isEmpty() ? "" : frame.t("explain.unread.count", "count", reading.unread().size()),
                unread, more > 0 ? frame.t("explain.unread.more", "count", more) : "");
    }

    private static Views.SocketRow row(LocalSocket s, Frame frame, HtmlPages html, ListFormatter lists) {
        String note = s.isWildcard() ? frame.t("explain.address.any")
                : s.isLoopback() ? frame.t("explain.address.loopback") : "";
        String remote = "";
        String remotePort = "";
        String remoteName = "";
        if (s.remoteAddress() != null && s.remotePort() != null) {
            String address = s.remoteAddress();
            remote = (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":";
            remotePort = Integer.toString(s.remotePort());
            remoteName = html.portName(s.remotePort());
        }
        List<String> owners = new ArrayList<>(s.owners().size());
        for (SocketOwner o : s.owners()) {
            owners.add(o.name() == null ? frame.t("explain.process.pid", "pid", Long.toString(o.pid()))
                    : frame.t("explain.process.named", "name", printable(o.name()), "pid", Long.toString(o.pid())));
        }
        String process = !owners.isEmpty() ? lists.format(owners)
                : frame.t(s.state() == SocketState.TIME_WAIT ? "explain.process.kernel" : "explain.process.unknown");
        String state = frame.t("explain.state." + s.state().id());
        return new Views.SocketRow(Integer.toString(s.port()), "/ports/" + s.port(), html.portName(s.port()),
                s.transport().id().toUpperCase(Locale.ROOT), s.address(), note, state, remote, remotePort,
                remotePort.isEmpty() ? "" : "/ports/" + remotePort, remoteName, process);
    }

    /** Text from the paste as a page may show it: control characters but tabs as {@code ?}. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\t' ? c : Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
