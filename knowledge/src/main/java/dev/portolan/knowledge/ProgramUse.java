package dev.portolan.knowledge;

/**
 * A program's use of one port: the program and the entry that names the port.
 *
 * @param program the program
 * @param use the entry of {@link Program#ports()} that covers the port
 */
public record ProgramUse(Program program, ProgramPort use) {}
