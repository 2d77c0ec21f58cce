package dev.portolan.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The streams and environment one run of the program uses, so that tests can run commands
 * in-process and read what they print.
 *
 * @param out standard output: the answer
 * @param err standard error: warnings, progress and errors
 * @param env the environment variables
 * @param terminal whether this run talks to a person at a terminal (progress bars and questions
 *     only then), asked only by the commands that need to know
 */
record Console(PrintWriter out, PrintWriter err, Map<String, String> env, Terminal terminal) {
    /** A console whose terminal is known. */
    Console(PrintWriter out, PrintWriter err, Map<String, String> env, boolean interactive) {
        this(out, err, env, interactive ? Terminal.YES : Terminal.NO);
    }

    /** Whether standard error is a terminal. */
    boolean interactive() {
        return terminal.interactive();
    }

    /** Whether a run has a terminal. */
    interface Terminal {
        Terminal YES = new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }
        };
        Terminal NO = new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }
        };

        boolean interactive();

        /**
         * This process's: whether the JVM has a console, asked when a command first needs to know
         * (making the JDK's console costs a command line's start a couple of milliseconds, and most
         * commands never ask).
         */
        static Terminal ofThisProcess() {
            return new Terminal() {
                private volatile Boolean known;

                @Override
                public boolean interactive() {
                    Boolean k = known;
                    if (k == null) {
                        k = System.console() != null;
                        known = k;
                    }
                    return k;
                }
            };
        }
    }
}
