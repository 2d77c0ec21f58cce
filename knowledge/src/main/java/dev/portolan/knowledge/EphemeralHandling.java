package dev.portolan.knowledge;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How an operating system hands out ephemeral ports and how an administrator sees and changes
 * that: how long a closed connection keeps its port (TIME_WAIT), the commands that show and
 * change the default ephemeral range, and how to reserve a port so that the system never hands
 * it out.
 *
 * @param id a short identifier ({@code linux})
 * @param system the system's name, as {@link EphemeralRange#system()} writes it
 * @param timeWaitSeconds how many seconds a port stays in TIME_WAIT by default, or 0 when no
 *     source gives the default
 * @param timeWaitSetting the setting that changes it, or empty when none does
 * @param timeWaitCites the sources of both
 * @param show the command that shows the range
 * @param change the command that changes the range, with the placeholders {@code {low}},
 *     {@code {high}} and {@code {count}} for the default range's bounds and size
 * @param reserve the command that reserves a port, with the placeholder {@code {port}}; null when
 *     the system has none or no source says
 * @param reserveNone whether a source shows that the system has no way to reserve a single port
 * @param reserveReplaces the setting that the reserving command writes as a whole list, or empty
 * @param reserveCites the sources that show there is no way to reserve a port
 * @param connectCites the sources that say how a connection without a local port gets one
 */
public record EphemeralHandling(String id, String system, int timeWaitSeconds, String timeWaitSetting,
        List<String> timeWaitCites, Step show, Step change, @Nullable Step reserve, boolean reserveNone, String reserveReplaces,
        List<String> reserveCites, List<String> connectCites) {
    public EphemeralHandling {
        timeWaitCites = List.copyOf(timeWaitCites);
        reserveCites = List.copyOf(reserveCites);
        connectCites = List.copyOf(connectCites);
    }

    /** A command and its sources. */
    public record Step(String command, List<String> cites) {
        public Step {
            cites = List.copyOf(cites);
        }
    }

    /** Every source of these facts, each once. */
    public List<String> cites() {
        List<String> out = new ArrayList<>(timeWaitCites);
        out.addAll(show.cites());
        out.addAll(change.cites());
        if (reserve != null) {
            out.addAll(reserve.cites());
        }
        out.addAll(reserveCites);
        out.addAll(connectCites);
        return List.copyOf(new java.util.LinkedHashSet<>(out));
    }
}
