package dev.portolan.inspect;

/** One way of reading a platform's sockets. */
interface Scanner {
    Platform platform();

    SocketScan scan(boolean established) throws InspectException;

    /** The sockets of one local port, in every state (a scanner may read less than a whole scan). */
    default SocketScan scanPort(int port) throws InspectException {
        return scan(true).onPort(port);
    }
}
