package dev.portolan.knowledge.page;

import dev.portolan.core.RegistryDate;

/**
 * A date as precise as its source: the registry records some dates to the month only.
 *
 * @param year the year
 * @param month the month, 1-12, or 0 when only the year is known
 * @param day the day of month, or 0 when only the month is known
 */
public record PageDate(int year, int month, int day) {
    public PageDate {
        if (month < 0 || month > 12 || day < 0 || day > 31 || (month == 0 && day != 0)) {
            throw new IllegalArgumentException("not a date: " + year + "-" + month + "-" + day);
        }
    }

    static PageDate of(RegistryDate d) {
        return new PageDate(d.year(), d.month(), d.day());
    }

    /** A day: a release of the registry, say. */
    public static PageDate of(java.time.LocalDate d) {
        return new PageDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /** Parses {@code YYYY-MM-DD} or {@code YYYY-MM}. */
    static PageDate parse(String text) {
        String[] p = text.split("-");
        return new PageDate(Integer.parseInt(p[0]), Integer.parseInt(p[1]), p.length > 2 ? Integer.parseInt(p[2]) : 0);
    }

    /** {@code year}, {@code month} or {@code day}: how precise the date is. */
    public String precision() {
        return month == 0 ? "year" : day == 0 ? "month" : "day";
    }

    /** ISO 8601: {@code 1972-05-30}, {@code 1972-05} or {@code 1972}. */
    @Override
    public String toString() {
        // by hand: String.format's first use loads the JDK's locale data, which a command line's
        // start pays for
        StringBuilder out = new StringBuilder(10);
        digits(out, year, 4);
        if (month != 0) {
            digits(out.append('-'), month, 2);
            if (day != 0) {
                digits(out.append('-'), day, 2);
            }
        }
        return out.toString();
    }

    /** A number of at least {@code width} digits, zeros in front, as {@code %0Nd} writes it. */
    private static void digits(StringBuilder out, int n, int width) {
        String s = Integer.toString(n);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        out.append(s);
    }

    // Written out: the generated ones are bound through method handles at their first call, which
    // costs a command line's start several milliseconds.
    @Override
    public boolean equals(Object o) {
        return o instanceof PageDate d && year == d.year && month == d.month && day == d.day;
    }

    @Override
    public int hashCode() {
        return (year * 13 + month) * 32 + day;
    }
}
