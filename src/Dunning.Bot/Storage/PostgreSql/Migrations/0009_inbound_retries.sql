-- Retried deliveries run no second turn, across hosts: the primary keys below accept an inbound activity once (the insert
-- is ON CONFLICT DO NOTHING in the turn's transaction, so a turn that fails records nothing and a concurrent retry waits
-- for the first turn's commit, then finds it).

-- Direct Line: the client's id of each posted activity (channelData.clientActivityID, else its id) and the sequence its
-- echo got in the conversation's log; kept for the conversation's last WebChat:RetryWindow activities.
CREATE TABLE webchat_client_ids (
    conversation_id text   NOT NULL REFERENCES webchat_conversations (id) ON DELETE CASCADE,
    client_id       text   NOT NULL,
    seq             bigint NOT NULL,
    PRIMARY KEY (conversation_id, client_id)
);
CREATE INDEX webchat_client_ids_seq ON webchat_client_ids (conversation_id, seq);

-- Bot Framework (Teams): each processed activity by a hash of channel, conversation and activity id, with the HTTP status
-- its first delivery got; kept for Teams:DeduplicationWindow.
CREATE TABLE teams_deliveries (
    key    text    PRIMARY KEY,
    status integer NOT NULL,
    at     bigint  NOT NULL
);
CREATE INDEX teams_deliveries_at ON teams_deliveries (at);
