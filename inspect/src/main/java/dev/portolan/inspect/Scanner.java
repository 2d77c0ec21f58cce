package dev.portolan.inspect;

/** One way of reading a platform's sockets. */
interface Scanner {
    Platform platform();

    SocketScan scan(boolean established) throws InspectException;
}
