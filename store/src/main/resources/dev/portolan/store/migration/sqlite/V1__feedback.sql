-- Votes on "Was this page helpful?": one row per vote, and the totals per port.
--
-- feedback_count is kept by a trigger, so a vote and its count change in the same transaction and
-- the counts can never disagree with the votes; counts(port) then reads one row by primary key.

CREATE TABLE feedback_vote (
    id       INTEGER PRIMARY KEY,
    port     INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
    lang     TEXT    NOT NULL CHECK (length(lang) BETWEEN 2 AND 3 AND lang = lower(lang)),
    reaction TEXT    NOT NULL CHECK (reaction IN ('unhelpful', 'neutral', 'helpful')),
    -- UTC, ISO 8601 with milliseconds, e.g. 2026-11-23T10:15:30.123Z (sorts as text)
    voted_at TEXT    NOT NULL CHECK (length(voted_at) = 24 AND substr(voted_at, 24, 1) = 'Z')
) STRICT;

CREATE TABLE feedback_count (
    port      INTEGER PRIMARY KEY CHECK (port BETWEEN 0 AND 65535),
    unhelpful INTEGER NOT NULL DEFAULT 0,
    neutral   INTEGER NOT NULL DEFAULT 0,
    helpful   INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TRIGGER feedback_vote_counted AFTER INSERT ON feedback_vote
BEGIN
    INSERT INTO feedback_count (port, unhelpful, neutral, helpful)
    VALUES (NEW.port, NEW.reaction = 'unhelpful', NEW.reaction = 'neutral', NEW.reaction = 'helpful')
    ON CONFLICT (port) DO UPDATE SET
        unhelpful = unhelpful + excluded.unhelpful,
        neutral = neutral + excluded.neutral,
        helpful = helpful + excluded.helpful;
END;
