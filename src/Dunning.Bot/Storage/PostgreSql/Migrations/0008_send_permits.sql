-- Send budgets shared by every host (Coordination:ShareSendLimits): one row per permit of a bucket, e.g. the 30 of
-- Telegram's "telegram:bot:<id>". A host takes a free permit (free_at passed) before a send, holding it until
-- free_at = now + Coordination:SendPermitHold, and returns it after the answer: free again one window later. A permit
-- its host never returned (it died mid-send) frees itself when the hold ends. Times are the database's clock, the one
-- clock every host shares.
CREATE TABLE dunning_send_permits (
    bucket  text        NOT NULL,
    permit  integer     NOT NULL,
    free_at timestamptz NOT NULL,
    holder  uuid,
    PRIMARY KEY (bucket, permit)
);
-- The free permit taken first, and when the next one frees.
CREATE INDEX dunning_send_permits_free ON dunning_send_permits (bucket, free_at);
