/**
 * JMH benchmarks of Portolan's core: importing the IANA registry, loading snapshots, lookups,
 * searches, and the hand-written search index against Lucene. Build with {@code mvn -q -B package
 * -DskipTests} from the repository root and run {@code java -jar bench/target/benchmarks.jar}; see
 * {@code bench/README.md}.
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.portolan.bench;

import org.jspecify.annotations.NullMarked;
