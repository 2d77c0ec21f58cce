package dev.portolan.web;

/**
 * The site in one language: the frame strings and the renderers of HTML and JSON, and the place
 * of the language in the page cache.
 *
 * @param index the language's position in the site's list (English is 0)
 */
record Edition(int index, Frame frame, HtmlPages html, JsonApi api) {
    /**
     * The site in some languages: English (the root language) at plain paths, every other one
     * under {@code /<code>}; the switcher and alternates of each page list exactly these.
     *
     * @param languages the languages, in the switcher's order
     * @param baseNames the bundles of sentences, read in every language (pages, then the frame)
     */
    static java.util.List<Edition> all(java.util.List<com.ibm.icu.util.ULocale> languages,
            dev.portolan.knowledge.PortSummaries summaries, java.util.List<String> baseNames, Assets assets,
            java.util.function.Supplier<String> publicUrl) {
        return all(languages, summaries, baseNames, assets, publicUrl, dev.portolan.core.PortRange.ALL);
    }

    /**
     * The site in some languages, where only {@code ports} have pages (a static export of some
     * ports): its pages link to no other port page.
     */
    static java.util.List<Edition> all(java.util.List<com.ibm.icu.util.ULocale> languages,
            dev.portolan.knowledge.PortSummaries summaries, java.util.List<String> baseNames, Assets assets,
            java.util.function.Supplier<String> publicUrl, dev.portolan.core.PortRange ports) {
        String root = dev.portolan.knowledge.text.Languages.code(dev.portolan.knowledge.text.Languages.root());
        java.util.List<Frame.Language> offered = new java.util.ArrayList<>();
        for (com.ibm.icu.util.ULocale l : languages) {
            String code = dev.portolan.knowledge.text.Languages.code(l);
            offered.add(new Frame.Language(code, l.toLanguageTag(), dev.portolan.knowledge.text.Languages.nativeName(l),
                    l.isRightToLeft() ? "rtl" : "ltr", code.equals(root) ? "" : "/" + code));
        }
        java.util.List<Edition> out = new java.util.ArrayList<>();
        for (Frame.Language language : offered) {
            dev.portolan.knowledge.text.Messages messages = dev.portolan.knowledge.text.Messages.of(
                    com.ibm.icu.util.ULocale.forLanguageTag(language.tag()), baseNames);
            Frame frame = new Frame(messages, assets, publicUrl, language, offered);
            out.add(new Edition(out.size(), frame, new HtmlPages(frame, summaries, ports),
                    new JsonApi(messages)));
        }
        return java.util.List.copyOf(out);
    }

    /** The language subtag ({@code es}). */
    String code() {
        return frame.code();
    }

    /**
     * A port's page and API file in this language, as the static export writes them: the two
     * share one formatting of the page's sentences, and the JSON carries no vote counts.
     */
    java.util.List<byte[]> portFiles(dev.portolan.knowledge.page.PortPage page) {
        dev.portolan.knowledge.text.Messages.Sentences sentences = frame.messages().sentences();
        return java.util.List.of(html.port(page, sentences),
                api.port(page, sentences, frame.absolute("/ports/" + page.port()), null));
    }

    /** The address of a page in this language, from its path in English. */
    String href(String path) {
        return frame.href(path);
    }
}
