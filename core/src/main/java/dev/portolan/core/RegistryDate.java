package dev.portolan.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A date as the registry writes it: a day ({@code 2025-02-13}), or for older records only a month
 * ({@code 2007-06}) or a year. Precision is kept as given; nothing is filled in.
 *
 * @param year the year
 * @param month 1-12, or 0 when the registry gives only the year
 * @param day 1-31, or 0 when the registry gives no day
 */
public record RegistryDate(int year, int month, int day) implements Comparable<RegistryDate> {

    public RegistryDate {
        if (year < 1900 || year > 9999 || month < 0 || month > 12 || day < 0 || day > 31
                || (month == 0 && day != 0)) {
            throw new IllegalArgumentException("not a date: " + year + "-" + month + "-" + day);
        }
        if (day != 0) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("not a date: " + e.getMessage(), e);
            }
        }
    }

    /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; empty for anything else. */
    public static Optional<RegistryDate> parse(String text) {
        // read by hand, not by a regular expression: compiling one costs a command line's start
        // about a millisecond (bench/README.md)
        String t = text.strip();
        int n = t.length();
        if ((n != 4 && n != 7 && n != 10) || !digits(t, 0, 4) || (n >= 7 && (t.charAt(4) != '-' || !digits(t, 5, 7)))
                || (n == 10 && (t.charAt(7) != '-' || !digits(t, 8, 10)))) {
            return Optional.empty();
        }
        try {
            int y = Integer.parseInt(t, 0, 4, 10);
            int mo = n >= 7 ? Integer.parseInt(t, 5, 7, 10) : 0;
            int d = n == 10 ? Integer.parseInt(t, 8, 10, 10) : 0;
            return Optional.of(new RegistryDate(y, mo, d));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the characters from {@code from} to {@code to} are ASCII digits. */
    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The day, when the registry gives one. */
    public Optional<LocalDate> toLocalDate() {
        return day == 0 ? Optional.empty() : Optional.of(LocalDate.of(year, month, day));
    }

    @Override
    public int compareTo(RegistryDate o) {
        int c = Integer.compare(year, o.year);
        if (c == 0) {
            c = Integer.compare(month, o.month);
        }
        return c != 0 ? c : Integer.compare(day, o.day);
    }

    /** The registry's own spelling, at the precision it gave. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(10).append(year);
        if (month != 0) {
            s.append(month < 10 ? "-0" : "-").append(month);
            if (day != 0) {
                s.append(day < 10 ? "-0" : "-").append(day);
            }
        }
        return s.toString();
    }

    // Written out, as in PortRange: the generated ones cost a command line's start.
    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryDate d && year == d.year && month == d.month && day == d.day;
    }

    @Override
    public int hashCode() {
        return (year * 13 + month) * 32 + day;
    }
}
