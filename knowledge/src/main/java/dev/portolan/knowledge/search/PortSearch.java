package dev.portolan.knowledge.search;

import dev.portolan.core.PortRange;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummaries;
import dev.portolan.knowledge.PortSummary;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.knowledge.text.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The one search of the web site, the JSON API and the command line: finds ports from what
 * people type, one result per port.
 *
 * <p>A query of port numbers, ranges or lists ({@link SearchQuery}) answers with those ports. A
 * query of words looks for them in the registry's service names, aliases and descriptions, in the
 * names people use for services and programs, in the programs' names, and in what the knowledge
 * says of each port in the reader's language and in English. Every word must be found on a port.
 * Results rank by {@link Tier} (an exact service name before the name people use, before a
 * program, before a word of a name, before a description, before a typo), then by how strongly
 * the match stands for the port together with how much is known of the port (so {@code dns}
 * gives 53 before dnsix, and {@code kafka} Kafka's main port before the ports of its examples),
 * then assigned ports first, then by number. When nothing matches as typed, words of four letters
 * or more may be a typo away from a name ({@code postgers}, {@code elastcsearch}), and words of six
 * letters or more may differ from a description's word in their ending ({@code удаленный} finds
 * {@code удалённого}); when even that finds nothing, the results suggest the nearest names.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class PortSearch {
    /** The results a search returns unless told otherwise. */
    public static final int DEFAULT_LIMIT = 20;
    /** Words of a query that count; the rest are ignored. */
    static final int MAX_WORDS = 16;

    private static final int NONE = Tier.values().length;
    /** What words that all match the names of one program or service add to the match's weight. */
    private static final int COHESION = 15;

    private final RegistryTerms registry;
    private final KnowledgeTerms knowledge;
    private final IntFunction<SearchLabel> labels;

    PortSearch(RegistryTerms registry, KnowledgeTerms knowledge, IntFunction<SearchLabel> labels) {
        this.registry = registry;
        this.knowledge = knowledge;
        this.labels = labels;
    }

    /**
     * A search over a registry and the embedded knowledge: from the build's compiled index when
     * the registry is the embedded baseline (then nothing else is read, not even the knowledge),
     * else over the registry's records and the compiled index of the knowledge.
     */
    public static PortSearch over(Registry registry) {
        CompiledSearch compiled = CompiledSearch.load();
        // classes rather than lambdas on a command line's path: linking the first lambda costs a
        // start several milliseconds (bench/README.md)
        if (compiled.isBaseline(registry.snapshot())) {
            return new PortSearch(compiled.baseline(), compiled.knowledge(), compiled.labels());
        }
        return new PortSearch(RegistryTerms.of(registry.snapshot().assignments()), compiled.knowledge(),
                new IntFunction<SearchLabel>() {
                    @Override
                    public SearchLabel apply(int port) {
                        return SearchLabel.of(PortSummary.of(port, registry, Knowledge.embedded()));
                    }
                });
    }

    /**
     * A search over a registry and the embedded knowledge, whose index is kept in a file between
     * runs: as {@link #over(Registry)} for the embedded baseline; for another registry the index
     * the file holds when it was made from this registry's snapshot and this program, else the
     * index made now and written to the file for the next search (best effort: a file that cannot
     * be written changes nothing but the next search's speed).
     */
    public static PortSearch over(Registry registry, SearchIndexFile index) {
        CompiledSearch compiled = CompiledSearch.load();
        if (compiled.isBaseline(registry.snapshot())) {
            return over(registry);
        }
        SearchIndexFile.Contents contents = index.read(compiled.stamp());
        if (contents == null) {
            contents = new SearchIndexFile.Contents(RegistryTerms.of(registry.snapshot().assignments()),
                    CompiledSearch.labels(new PortSummaries(registry, Knowledge.embedded())));
            index.write(contents, compiled.stamp());
        }
        return new PortSearch(contents.terms(), compiled.knowledge(), contents.labels());
    }

    /**
     * A search over the registry and knowledge of these summaries, whose labels they give: the
     * knowledge's compiled index when it is the embedded knowledge, else indexed now.
     */
    public static PortSearch of(PortSummaries summaries) {
        Registry registry = summaries.registry();
        KnowledgeTerms terms;
        if (summaries.knowledge() == Knowledge.embedded()) {
            terms = CompiledSearch.load().knowledge();
        } else {
            Map<String, Messages> messages = new HashMap<>();
            terms = KnowledgeTerms.of(summaries.knowledge(), code -> messages.computeIfAbsent(code,
                    c -> Messages.of(Languages.find(c).orElseThrow())));
        }
        RegistryTerms records = CompiledSearch.load().isBaseline(registry.snapshot())
                ? CompiledSearch.load().baseline() : RegistryTerms.of(registry.snapshot().assignments());
        return new PortSearch(records, terms, port -> SearchLabel.of(summaries.of(port)));
    }

    /**
     * Searches.
     *
     * @param query the query
     * @param language the code of the reader's language ({@code es}); its descriptions are searched
     *     beside the English ones
     * @param limit the most results to return, at least 1
     */
    public SearchResults search(SearchQuery query, String language, int limit) {
        Objects.requireNonNull(language, "language");
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + " is below 1");
        }
        if (query.isPorts()) {
            return ports(query, limit);
        }
        List<String> words = query.words().subList(0, Math.min(MAX_WORDS, query.words().size()));
        int filter = TransportMask.of(query.transports());
        List<TermIndex> indexes = indexes(language);
        Map<Integer, Match> found = match(words, indexes, filter, false);
        boolean longWord = false;
        for (String w : words) {
            longWord |= w.length() >= 4;
        }
        if (found.isEmpty() && longWord) {
            found = match(words, indexes, filter, true);
        }
        List<Match> ranked = new ArrayList<>(found.values());
        ranked.sort(new Comparator<Match>() {
            // tier, then the stronger match, then assigned before unassigned, then the number
            @Override
            public int compare(Match a, Match b) {
                int c = Integer.compare(a.tier, b.tier);
                if (c == 0) {
                    c = Integer.compare(b.rank(knowledge.popularity[b.port]), a.rank(knowledge.popularity[a.port]));
                }
                if (c == 0) {
                    c = Integer.compare(registry.transports[a.port] != 0 ? 0 : 1, registry.transports[b.port] != 0 ? 0 : 1);
                }
                return c != 0 ? c : Integer.compare(a.port, b.port);
            }
        });
        List<SearchHit> hits = new ArrayList<>();
        for (Match m : ranked.subList(0, Math.min(limit, ranked.size()))) {
            hits.add(new SearchHit(m.port, transports(m, filter), Tier.values()[m.tier], m.matched(words),
                    labels.apply(m.port)));
        }
        List<String> suggestions = hits.isEmpty() ? suggest(words, indexes) : List.of();
        return new SearchResults(query, hits, ranked.size() > limit, suggestions);
    }

    /** The word indexes a query in a language reads: the registry's, the knowledge's, the notes in English and in it. */
    private List<TermIndex> indexes(String language) {
        List<TermIndex> out = new ArrayList<>(List.of(registry.words, registry.descriptions, knowledge.words,
                knowledge.notes("en")));
        if (!language.equals("en")) {
            out.add(knowledge.notes(language));
        }
        return out;
    }

    /** The ports a numbers query names, in its order, each once. */
    private SearchResults ports(SearchQuery query, int limit) {
        Set<Integer> seen = new LinkedHashSet<>();
        List<SearchHit> hits = new ArrayList<>();
        boolean more = false;
        for (SearchQuery.Ports p : query.ports()) {
            PortRange r = p.range();
            Set<Transport> only = p.transport() != null ? Set.of(p.transport()) : query.transports();
            for (int port = r.first(); port <= r.last(); port++) {
                if (!seen.add(port)) {
                    continue;
                }
                if (hits.size() == limit) {
                    more = true;
                    break;
                }
                Set<Transport> transports = only.isEmpty() ? TransportMask.transports(portMask(port)) : only;
                hits.add(new SearchHit(port, transports, Tier.PORT, r.isSingle() ? Integer.toString(port) : r.toString(),
                        labels.apply(port)));
            }
            if (more) {
                break;
            }
        }
        return new SearchResults(query, hits, more, List.of());
    }

    /** What one port matched: per word, its best tier, weight and name; and the query whole. */
    private static final class Match {
        final int port;
        final int[] tiers;
        final int[] weights;
        final String[] names;
        int found;
        int mask;
        boolean everyTransport;
        int wholeTier = NONE;
        int wholeWeight;
        String wholeName;
        int tier;

        Match(int port, int words) {
            this.port = port;
            tiers = new int[words];
            java.util.Arrays.fill(tiers, NONE);
            weights = new int[words];
            names = new String[words];
        }

        void offer(int word, int tier, int weight, int transports, String name) {
            found |= 1 << word;
            if (tier < tiers[word] || tier == tiers[word] && weight > weights[word]) {
                tiers[word] = tier;
                weights[word] = weight;
                names[word] = name;
            }
            mask |= transports;
            everyTransport |= transports == 0;
        }

        void offerWhole(int tier, int weight, int transports, String name) {
            if (tier < wholeTier || tier == wholeTier && weight > wholeWeight) {
                wholeTier = tier;
                wholeWeight = weight;
                wholeName = name;
            }
            mask |= transports;
            everyTransport |= transports == 0;
        }

        /** Settles the tier; false when the port does not hold every word. */
        boolean settle(int words) {
            int wordTier = -1;
            for (int t : tiers) {
                wordTier = Math.max(wordTier, t);
            }
            tier = Math.min(wholeTier, wordTier);
            return tier < NONE;
        }

        /**
         * How strongly the match stands for the port, then how much is known of the port: a
         * weight point counts as much as 8 points of how much is known (at most 127).
         */
        int rank(byte popularity) {
            int weight;
            if (wholeTier <= tier) {
                weight = wholeWeight;
            } else {
                int sum = 0;
                for (int w : weights) {
                    sum += w;
                }
                weight = sum / weights.length;
                if (weights.length > 1 && oneName()) {
                    weight += COHESION; // every word found in the names of one program or service
                }
            }
            return weight * 8 + popularity;
        }

        /** Whether every word matched the names of one thing ({@code Kubernetes}, {@code Kubernetes (kube-apiserver)}). */
        boolean oneName() {
            String first = null;
            for (String n : names) {
                if (n == null) {
                    return false;
                }
                int paren = n.indexOf(" (");
                String base = paren > 0 ? n.substring(0, paren) : n;
                if (first == null) {
                    first = base;
                } else if (!first.equals(base)) {
                    return false;
                }
            }
            return true;
        }

        String matched(List<String> words) {
            if (wholeTier <= tier && wholeName != null) {
                return wholeName;
            }
            if (tier == Tier.DESCRIPTION.ordinal()) {
                return String.join(" ", words);
            }
            // The name behind the strongest word.
            String best = null;
            int bestTier = NONE;
            int bestWeight = -1;
            for (int k = 0; k < names.length; k++) {
                if (names[k] != null && (tiers[k] < bestTier || tiers[k] == bestTier && weights[k] > bestWeight)) {
                    best = names[k];
                    bestTier = tiers[k];
                    bestWeight = weights[k];
                }
            }
            return best != null ? best : String.join(" ", words);
        }
    }

    private Map<Integer, Match> match(List<String> words, List<TermIndex> indexes, int filter, boolean typos) {
        Map<Integer, Match> found = new LinkedHashMap<>();
        int n = words.size();
        EditDistance distance = typos ? new EditDistance() : null;
        // The query whole, as a name.
        String whole = String.join(" ", words);
        for (TermIndex names : List.of(registry.names, knowledge.names)) {
            int i = names.find(whole);
            if (i >= 0) {
                for (int p = names.postingsFrom(i); p < names.postingsTo(i); p++) {
                    int posting = names.posting(p);
                    if (keep(posting, filter)) {
                        match(found, TermIndex.port(posting), n).offerWhole(
                                TermIndex.tier(posting).ordinal(), TermIndex.weight(posting),
                                TermIndex.transports(posting), names.name(p));
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            String w = words.get(k);
            int number = portNumber(w);
            if (number >= 0) {
                match(found, number, n).offer(k, Tier.PORT.ordinal(), 100, 0,
                        null);
            }
            byte[] key = TermIndex.key(w);
            int length = w.codePointCount(0, w.length());
            for (TermIndex index : indexes) {
                int from = index.lowerBound(key);
                for (int i = from; i < index.size() && index.startsWith(i, key); i++) {
                    int extra = index.termLength(i) - length;
                    if (extra > 0 && length < 3) {
                        break; // a prefix of one or two letters would match far too much
                    }
                    offerTerm(found, index, i, k, n, filter, extra, 0);
                }
                if (length >= 6 && (typos || !ascii(w))) {
                    // A light stem for languages that inflect: the word without its last two
                    // letters may start a description's word ("удаленный" finds "удалённого").
                    // English words get it only as a near miss, where it cannot hide a typo.
                    byte[] stem = TermIndex.key(w.substring(0, w.offsetByCodePoints(0, length - 2)));
                    for (int i = index.lowerBound(stem); i < index.size() && index.startsWith(i, stem); i++) {
                        if (!index.startsWith(i, key)) {
                            offerStem(found, index, i, k, n, filter, typos);
                        }
                    }
                }
                if (typos && length >= 4) {
                    int bound = length <= 6 ? 1 : 2;
                    for (int i = 0; i < index.size(); i++) {
                        // A typo keeps the word's first letter, or swaps it with the second
                        // (rarely is the first letter the one mistyped); this spares the distance
                        // to most terms.
                        if (!index.startsNear(i, key) || index.termLength(i) < length - bound
                                || index.startsWith(i, key)) {
                            continue;
                        }
                        int d = distance.toNearestPrefix(w, index.term(i), bound);
                        if (d <= bound) {
                            // the letters the term has beyond the part the word spelled
                            offerTerm(found, index, i, k, n, filter, Math.max(0, index.termLength(i) - length - d), d);
                        }
                    }
                }
            }
        }
        for (java.util.Iterator<Match> it = found.values().iterator(); it.hasNext();) {
            Match m = it.next();
            if (!m.settle(n) || m.found != (1 << n) - 1 && m.wholeTier == NONE) {
                it.remove();
            }
        }
        return found;
    }

    /** The match of a port, made on first offer. */
    private static Match match(Map<Integer, Match> found, int port, int words) {
        Match m = found.get(port);
        if (m == null) {
            m = new Match(port, words);
            found.put(port, m);
        }
        return m;
    }

    /**
     * Offers a term's postings to their ports.
     *
     * @param extra how many letters the term has beyond the word (a prefix match), 0 for a whole word
     * @param edits the edits between the word and the term, 0 when spelled alike
     */
    private static void offerTerm(Map<Integer, Match> found, TermIndex index, int i, int word, int words, int filter,
            int extra, int edits) {
        for (int p = index.postingsFrom(i); p < index.postingsTo(i); p++) {
            int posting = index.posting(p);
            if (!keep(posting, filter)) {
                continue;
            }
            Tier tier = TermIndex.tier(posting);
            if (extra > 4 && tier == Tier.DESCRIPTION && edits == 0) {
                continue; // the start of a long description word says little
            }
            int weight = TermIndex.weight(posting) - Math.min(30, 5 * extra) - 25 * edits;
            int t = edits > 0 ? Tier.TYPO.ordinal() : tier.ordinal();
            match(found, TermIndex.port(posting), words).offer(word, t,
                    Math.max(1, weight), TermIndex.transports(posting), index.name(p));
        }
    }

    /** Offers a description term that shares the word's stem: a description match, or a near miss. */
    private static void offerStem(Map<Integer, Match> found, TermIndex index, int i, int word, int words,
            int filter, boolean nearMiss) {
        for (int p = index.postingsFrom(i); p < index.postingsTo(i); p++) {
            int posting = index.posting(p);
            if (keep(posting, filter) && TermIndex.tier(posting) == Tier.DESCRIPTION) {
                match(found, TermIndex.port(posting), words).offer(word,
                        (nearMiss ? Tier.TYPO : Tier.DESCRIPTION).ordinal(), Math.max(1, TermIndex.weight(posting) - 10),
                        TermIndex.transports(posting), null);
            }
        }
    }

    /**
     * Words close to the query's words, for a search that found nothing: the words of names
     * within an edit or two (three for long words), each as the name that is that word where
     * there is one ({@code rdz}: {@code RDP}), nearest first, then those of the ports most known.
     */
    private List<String> suggest(List<String> words, List<TermIndex> indexes) {
        Map<String, Integer> scored = new LinkedHashMap<>();
        EditDistance distance = new EditDistance();
        for (String w : words) {
            if (w.length() < 3) {
                continue;
            }
            int bound = w.length() <= 5 ? 1 : w.length() <= 8 ? 2 : 3;
            for (TermIndex index : indexes) {
                for (int i = 0; i < index.size(); i++) {
                    if (Math.abs(index.termLength(i) - w.length()) > bound) {
                        continue;
                    }
                    String term = index.term(i);
                    int d = distance.between(w, term, bound);
                    if (d > bound) {
                        continue;
                    }
                    String shown = null;
                    int known = -1;
                    for (int p = index.postingsFrom(i); p < index.postingsTo(i); p++) {
                        String name = index.name(p);
                        if (name != null && TermIndex.tier(index.posting(p)) != Tier.DESCRIPTION) {
                            known = Math.max(known, knowledge.popularity[TermIndex.port(index.posting(p))]);
                            if (shown == null && SearchText.whole(name).equals(term)) {
                                shown = name;
                            }
                        }
                    }
                    if (known >= 0) {
                        scored.merge(shown != null ? shown : term, 1000 * (bound - d) + known, Math::max);
                    }
                }
            }
        }
        return scored.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).limit(5).toList();
    }

    private static boolean keep(int posting, int filter) {
        int t = TermIndex.transports(posting);
        return filter == 0 || t == 0 || (t & filter) != 0;
    }

    private Set<Transport> transports(Match m, int filter) {
        int mask = m.mask | (m.everyTransport ? portMask(m.port) : 0);
        if (filter != 0) {
            mask &= filter;
            if (mask == 0) {
                mask = filter;
            }
        }
        return TransportMask.transports(mask);
    }

    private int portMask(int port) {
        return registry.transports[port] | knowledge.transports[port];
    }


    private static boolean ascii(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The port a word of digits names, or -1. */
    private static int portNumber(String w) {
        if (w.isEmpty() || w.length() > 5) {
            return -1;
        }
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) < '0' || w.charAt(i) > '9') {
                return -1;
            }
        }
        int n = Integer.parseInt(w);
        return n <= PortRange.MAX_PORT ? n : -1;
    }
}
