package dev.portolan.inspect;

/** One way of reading a platform's sockets. */
interface Scanner {
    Platform platform();

    SocketScan scan(boolean established) throws InspectException;

    /** This program's process id, as the system this scanner reads gives it. */
    default long ownPid() {
        return ProcessHandle.current().pid();
    }

    /** The sockets of one local port, in every state (a scanner may read less than a whole scan). */
    default SocketScan scanPort(int port) throws InspectException {
        return scan(true).onPort(port);
    }
}
