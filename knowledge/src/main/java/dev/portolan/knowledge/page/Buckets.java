package dev.portolan.knowledge.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bucket of a key in a map of buckets, made when the key is new: what {@code
 * computeIfAbsent(key, k -> new ArrayList<>())} does, without a lambda. A page is built at the
 * start of {@code explain}, where linking each lambda costs a command line time (bench/README.md).
 */
final class Buckets {
    private Buckets() {}

    /** The list of a key, a new empty one for a new key. */
    static <K, V> List<V> list(Map<K, List<V>> map, K key) {
        List<V> bucket = map.get(key);
        if (bucket == null) {
            bucket = new ArrayList<>();
            map.put(key, bucket);
        }
        return bucket;
    }

    /** The map of a key (in the order its entries were added), a new empty one for a new key. */
    static <K, L, V> Map<L, V> map(Map<K, Map<L, V>> map, K key) {
        Map<L, V> bucket = map.get(key);
        if (bucket == null) {
            bucket = new java.util.LinkedHashMap<>();
            map.put(key, bucket);
        }
        return bucket;
    }

    /** The set of a key (in the order its members were added), a new empty one for a new key. */
    static <K, V> Set<V> set(Map<K, Set<V>> map, K key) {
        Set<V> bucket = map.get(key);
        if (bucket == null) {
            bucket = new LinkedHashSet<>();
            map.put(key, bucket);
        }
        return bucket;
    }
}
