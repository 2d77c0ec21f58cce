package dev.portolan.web;

import dev.portolan.core.StoreException;
import dev.portolan.store.FeedbackCounts;
import dev.portolan.store.FeedbackStore;
import dev.portolan.store.Vote;

/**
 * Where readers' reactions to pages go: the two operations the server needs of the feedback
 * store. {@link #of(FeedbackStore)} adapts the SQLite store; tests also substitute a failing one.
 * Implementations are safe to call from many threads.
 */
public interface FeedbackLog {

    /** Records one vote. */
    void record(Vote vote) throws StoreException;

    /** The votes on one port's pages, in all languages. */
    FeedbackCounts counts(int port) throws StoreException;

    /** The votes of a feedback store; closing the store stays the caller's job. */
    static FeedbackLog of(FeedbackStore store) {
        return new FeedbackLog() {
            @Override
            public void record(Vote vote) throws StoreException {
                store.record(vote);
            }

            @Override
            public FeedbackCounts counts(int port) throws StoreException {
                return store.counts(port);
            }
        };
    }
}
