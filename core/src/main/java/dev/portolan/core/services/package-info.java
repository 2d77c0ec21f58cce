/** Reader of services(5) files such as {@code /etc/services}: the names a local system uses. */
@NullMarked
package dev.portolan.core.services;

import org.jspecify.annotations.NullMarked;
