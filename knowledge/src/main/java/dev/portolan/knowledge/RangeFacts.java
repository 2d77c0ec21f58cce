package dev.portolan.knowledge;

import java.util.List;

/**
 * How one RFC 6335 range is administered.
 *
 * @param id {@code system}, {@code user} or {@code dynamic}
 * @param low the first port
 * @param high the last port
 * @param procedures the registration procedures ({@code ietf-review}, {@code iesg-approval},
 *     {@code expert-review}); empty for the dynamic range, which is never assigned
 * @param cites the citations
 */
public record RangeFacts(String id, int low, int high, List<String> procedures, List<String> cites) {
    public RangeFacts {
        procedures = List.copyOf(procedures);
        cites = List.copyOf(cites);
    }
}
