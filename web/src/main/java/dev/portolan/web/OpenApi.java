package dev.portolan.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI 3.1 description of the JSON API, a static resource kept beside the code. */
final class OpenApi {
    static final String RESOURCE = "web/openapi.json";

    private OpenApi() {}

    static byte[] document() {
        try (InputStream in = OpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
