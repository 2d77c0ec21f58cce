package dev.portolan.knowledge;

import java.util.Objects;

/**
 * A source a fact rests on: an RFC, a specification, official documentation, an advisory.
 *
 * @param id the identifier facts use to cite it ({@code [a-z0-9-]+})
 * @param title what the source is and what it shows, in our words
 * @param publisher who publishes it (IETF, IANA, WHATWG, a vendor)
 * @param url where to read it
 * @param secondary whether it is a secondary reference (a community wiki, say) rather than the
 *     software's own documentation, its vendor, a standard or an advisory; pages mark it
 */
public record Citation(String id, String title, String publisher, String url, boolean secondary) {
    public Citation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(url, "url");
    }
}
