package dev.portolan.web;

import dev.portolan.knowledge.page.PortPage;

/** Composes the page of a port; the server renders and caches what it returns. */
@FunctionalInterface
public interface PageSource {
    /**
     * The page of a port.
     *
     * @param port 0-65535
     */
    PortPage page(int port);
}
