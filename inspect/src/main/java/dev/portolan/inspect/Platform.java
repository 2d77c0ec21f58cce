package dev.portolan.inspect;

import dev.portolan.core.CheckCommands;
import dev.portolan.core.Transport;
import java.util.List;
import java.util.Locale;

/** The operating systems whose sockets Portolan reads, each in its own way. */
public enum Platform {
    /** Native: {@code /proc/net} and {@code /proc/PID/fd}. */
    LINUX("Linux"),
    /** {@code lsof}. */
    MACOS("macOS"),
    /** PowerShell's {@code Get-NetTCPConnection} and {@code Get-NetUDPEndpoint}, or {@code netstat -ano}; {@code tasklist}. */
    WINDOWS("Windows"),
    /** Another Unix system (FreeBSD, Solaris, ...): {@code lsof}, as on macOS. */
    OTHER_UNIX("Unix");

    private final String displayName;

    Platform(String displayName) {
        this.displayName = displayName;
    }

    /** {@code Linux}, {@code macOS}, {@code Windows} or {@code Unix}. */
    public String displayName() {
        return displayName;
    }

    /** The platform of this JVM, from {@code os.name}. */
    public static Platform current() {
        return of(System.getProperty("os.name", ""));
    }

    /** The platform named by an {@code os.name} value; anything not Linux, macOS or Windows is {@link #OTHER_UNIX}. */
    public static Platform of(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) {
            return LINUX;
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return MACOS;
        }
        return n.startsWith("windows") ? WINDOWS : OTHER_UNIX;
    }

    /**
     * The commands a person runs to see by hand what holds {@code port} on {@code transport}. They
     * match the port exactly: a filter on the port field, never {@code grep :PORT}, which also
     * matches 8080 when looking for 80.
     */
    public List<String> handCheckCommands(int port, Transport transport) {
        CheckCommands.Os os = switch (this) {
            case LINUX -> CheckCommands.Os.LINUX;
            case MACOS, OTHER_UNIX -> CheckCommands.Os.MACOS;
            case WINDOWS -> CheckCommands.Os.WINDOWS;
        };
        return List.of(CheckCommands.listeners(os, transport, port));
    }
}
