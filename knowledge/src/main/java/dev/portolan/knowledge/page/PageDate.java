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
        if (month == 0) {
            return String.format("%04d", year);
        }
        return day == 0 ? String.format("%04d-%02d", year, month) : String.format("%04d-%02d-%02d", year, month, day);
    }
}
