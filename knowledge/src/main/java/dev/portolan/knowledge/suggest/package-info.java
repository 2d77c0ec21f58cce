/** Ports to choose for a new service: those no registry entry, program, system or browser stands in the way of. */
@NullMarked
package dev.portolan.knowledge.suggest;

import org.jspecify.annotations.NullMarked;
