package dev.portolan.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The statements every engine runs on the tables of the migrations, and the form of a vote's time. */
final class VoteSql {
    static final String INSERT_VOTE =
            "INSERT INTO feedback_vote (port, lang, reaction, voted_at) VALUES (?, ?, ?, ?)";
    static final String SELECT_COUNTS =
            "SELECT unhelpful, neutral, helpful FROM feedback_count WHERE port = ?";
    static final String SELECT_WITH_UNHELPFUL =
            "SELECT port, unhelpful, neutral, helpful FROM feedback_count WHERE unhelpful > 0";

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private VoteSql() {}

    /** A vote's time as stored: UTC, ISO 8601 with milliseconds ({@code 2026-11-23T10:15:30.123Z}). */
    static String votedAt(Instant instant) {
        return UTC_MILLIS.format(instant);
    }
}
