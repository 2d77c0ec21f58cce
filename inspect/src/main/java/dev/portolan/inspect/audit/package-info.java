/**
 * Whether what listens here is expected: {@link dev.portolan.inspect.audit.Audit} applies rules to
 * a {@link dev.portolan.inspect.SocketScan} with the registry's answers and a list of ports known
 * for malware, and returns {@link dev.portolan.inspect.audit.Finding}s.
 */
@NullMarked
package dev.portolan.inspect.audit;

import org.jspecify.annotations.NullMarked;
