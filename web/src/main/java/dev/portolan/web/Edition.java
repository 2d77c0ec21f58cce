package dev.portolan.web;

/**
 * The site in one language: the frame strings and the renderers of HTML and JSON, and the place
 * of the language in the page cache.
 *
 * @param index the language's position in the site's list (English is 0)
 */
record Edition(int index, Frame frame, HtmlPages html, JsonApi api) {
    /** The language subtag ({@code es}). */
    String code() {
        return frame.code();
    }

    /** The address of a page in this language, from its path in English. */
    String href(String path) {
        return frame.href(path);
    }
}
