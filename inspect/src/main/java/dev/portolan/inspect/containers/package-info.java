/**
 * The containers behind published ports: a Docker or Podman engine's API read over its unix
 * socket, and what a proxy process's arguments say when the socket cannot be read.
 */
@NullMarked
package dev.portolan.inspect.containers;

import org.jspecify.annotations.NullMarked;
