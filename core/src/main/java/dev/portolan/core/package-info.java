/**
 * The port registry: immutable model types, the {@link dev.portolan.core.Registry} entry point
 * that answers lookups and searches over one {@link dev.portolan.core.RegistrySnapshot}, and the
 * checked {@link dev.portolan.core.PortolanException} hierarchy used at module boundaries.
 *
 * <p>Everything in this package and its sub-packages is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.portolan.core;

import org.jspecify.annotations.NullMarked;
