-- Votes on "Was this page helpful?": one row per vote, and the totals per port. The same tables,
-- columns and constraints as sqlite/V1__feedback.sql, in PostgreSQL's words.
--
-- feedback_count is kept by a trigger, so a vote and its count change in the same transaction and
-- the counts can never disagree with the votes; counts(port) then reads one row by primary key.
-- Concurrent votes on one port wait for each other on that port's row (ON CONFLICT ... DO UPDATE
-- locks it), so none is lost however many servers write.

CREATE TABLE feedback_vote (
    id       BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    port     INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
    lang     TEXT    NOT NULL CHECK (length(lang) BETWEEN 2 AND 3 AND lang = lower(lang)),
    reaction TEXT    NOT NULL CHECK (reaction IN ('unhelpful', 'neutral', 'helpful')),
    -- UTC, ISO 8601 with milliseconds, e.g. 2026-11-23T10:15:30.123Z (sorts as text)
    voted_at TEXT    NOT NULL CHECK (length(voted_at) = 24 AND substr(voted_at, 24, 1) = 'Z')
);

CREATE TABLE feedback_count (
    port      INTEGER PRIMARY KEY CHECK (port BETWEEN 0 AND 65535),
    unhelpful BIGINT  NOT NULL DEFAULT 0,
    neutral   BIGINT  NOT NULL DEFAULT 0,
    helpful   BIGINT  NOT NULL DEFAULT 0
);

CREATE FUNCTION feedback_vote_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feedback_count (port, unhelpful, neutral, helpful)
    VALUES (NEW.port, (NEW.reaction = 'unhelpful')::int, (NEW.reaction = 'neutral')::int,
            (NEW.reaction = 'helpful')::int)
    ON CONFLICT (port) DO UPDATE SET
        unhelpful = feedback_count.unhelpful + excluded.unhelpful,
        neutral = feedback_count.neutral + excluded.neutral,
        helpful = feedback_count.helpful + excluded.helpful;
    RETURN NEW;
END;
$$;

CREATE TRIGGER feedback_vote_counted AFTER INSERT ON feedback_vote
    FOR EACH ROW EXECUTE FUNCTION feedback_vote_count();
