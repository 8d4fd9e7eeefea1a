-- The channels' own state, shared by every host: Telegram's inbox of updates and inline buttons, Teams' trusted
-- serviceUrls, the web chat's Direct Line conversations and activity logs, the e-mail channel's tokens, messages and
-- IMAP checkpoints, and small "latest wins" values (polling offset, owner chats, e-mail threads) in channel_state.

-- An update_id is accepted once across hosts: the insert is ON CONFLICT DO NOTHING and its row count says whether it was
-- new. A handled update keeps its row (json dropped) to recognise redeliveries.
CREATE TABLE telegram_updates (
    update_id bigint PRIMARY KEY,
    state     text   NOT NULL CHECK (state IN ('pending', 'done')),
    json      text,
    at        bigint NOT NULL
);
CREATE INDEX telegram_updates_pending ON telegram_updates (update_id) WHERE state = 'pending';
CREATE INDEX telegram_updates_done ON telegram_updates (at) WHERE state = 'done';

CREATE TABLE telegram_buttons (
    id         text   PRIMARY KEY,
    chat_id    bigint NOT NULL,
    keyboard   text   NOT NULL,
    expires_at bigint NOT NULL,
    doc        jsonb  NOT NULL
);
CREATE INDEX telegram_buttons_keyboard ON telegram_buttons (keyboard);
CREATE INDEX telegram_buttons_expires_at ON telegram_buttons (expires_at);

-- Small values whose latest write wins, by key: 'telegram:offset', 'telegram:owner', 'teams:owner',
-- 'email:checkpoint:<folder>', 'email:thread:<debtor>' (debtor_id set, so erasing the debtor finds it).
CREATE TABLE channel_state (
    key       text    PRIMARY KEY,
    version   integer NOT NULL,
    debtor_id text,
    doc       jsonb   NOT NULL
);
CREATE INDEX channel_state_debtor_id ON channel_state (debtor_id) WHERE debtor_id IS NOT NULL;

CREATE TABLE teams_service_urls (
    url        text   PRIMARY KEY,
    first_seen bigint NOT NULL
);

-- last_seq is the conversation's activity counter: an append takes the next numbers with UPDATE … RETURNING inside its
-- transaction, so the row lock orders appends of one conversation across hosts until they commit (and a rolled-back
-- append gives its numbers back). Activities keep the JSON exactly as the client will read it (text, not jsonb, which
-- would reorder its members).
CREATE TABLE webchat_conversations (
    id         text   PRIMARY KEY,
    user_id    text   NOT NULL,
    created_at bigint NOT NULL,
    last_seq   bigint NOT NULL DEFAULT 0
);
CREATE INDEX webchat_conversations_created_at ON webchat_conversations (created_at);

CREATE TABLE webchat_activities (
    conversation_id text   NOT NULL REFERENCES webchat_conversations (id) ON DELETE CASCADE,
    seq             bigint NOT NULL,
    json            text   NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);

CREATE TABLE email_tokens (
    debtor_id text PRIMARY KEY,
    token     text NOT NULL
);
CREATE UNIQUE INDEX email_tokens_token_key ON email_tokens (token);

CREATE TABLE email_sent (
    message_id text   PRIMARY KEY,
    debtor_id  text   NOT NULL,
    subject    text   NOT NULL,
    at         bigint NOT NULL,
    outbox_key text
);
CREATE INDEX email_sent_debtor_id ON email_sent (debtor_id, at);

CREATE TABLE email_received (
    message_id text   PRIMARY KEY,
    debtor_id  text   NOT NULL,
    subject    text   NOT NULL,
    at         bigint NOT NULL
);
CREATE INDEX email_received_debtor_id ON email_received (debtor_id, at);

-- An inbound message (by Message-ID or UID key) is handled once across hosts: insert ON CONFLICT DO NOTHING.
CREATE TABLE email_inbound (
    key     text   PRIMARY KEY,
    outcome text   NOT NULL,
    at      bigint NOT NULL
);
