-- Dunning.Bot's documents. Each table keeps the whole entity as JSONB (doc) beside real columns for what is queried or
-- must be unique; version is the optimistic-concurrency counter (an update names the version it read). Times that are
-- compared or ordered are UTC ticks (bigint): exact to the tick like the entities, unlike timestamptz (microseconds).

CREATE TABLE debtors (
    id          text    PRIMARY KEY,
    version     integer NOT NULL,
    access_code text    NOT NULL,
    link_token  text    NOT NULL,
    doc         jsonb   NOT NULL
);
CREATE UNIQUE INDEX debtors_access_code_key ON debtors (access_code);
CREATE UNIQUE INDEX debtors_link_token_key ON debtors (link_token);

CREATE TABLE invoices (
    number    text    PRIMARY KEY,
    version   integer NOT NULL,
    debtor_id text    NOT NULL,
    doc       jsonb   NOT NULL
);
CREATE INDEX invoices_debtor_id ON invoices (debtor_id);

CREATE TABLE cases (
    debtor_id        text    PRIMARY KEY,
    version          integer NOT NULL,
    next_action_at   bigint,
    doc              jsonb   NOT NULL
);
CREATE INDEX cases_next_action_at ON cases (next_action_at) WHERE next_action_at IS NOT NULL;

CREATE TABLE agreements (
    id        text    PRIMARY KEY,
    version   integer NOT NULL,
    debtor_id text    NOT NULL,
    state     text    NOT NULL,
    doc       jsonb   NOT NULL
);
CREATE INDEX agreements_debtor_id ON agreements (debtor_id);
CREATE INDEX agreements_state ON agreements (state);

CREATE TABLE escalations (
    id        text    PRIMARY KEY,
    version   integer NOT NULL,
    debtor_id text    NOT NULL,
    state     text    NOT NULL,
    doc       jsonb   NOT NULL
);
CREATE INDEX escalations_debtor_id ON escalations (debtor_id);
CREATE INDEX escalations_state ON escalations (state);

CREATE TABLE conversations (
    key       text    PRIMARY KEY,
    version   integer NOT NULL,
    debtor_id text,
    handoff   text    NOT NULL,
    doc       jsonb   NOT NULL
);
CREATE INDEX conversations_debtor_id ON conversations (debtor_id);
CREATE INDEX conversations_handed_off ON conversations (handoff) WHERE handoff <> 'Bot';

-- Append-only; seq keeps the order of appends (entries with the same time come back in that order).
CREATE TABLE transcripts (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_key text   NOT NULL,
    debtor_id        text,
    at               bigint NOT NULL,
    doc              jsonb  NOT NULL
);
CREATE INDEX transcripts_conversation ON transcripts (conversation_key, seq);
CREATE INDEX transcripts_debtor ON transcripts (debtor_id, seq);

-- due_at: a pending entry is due at its next attempt, a sending one when its lease ends, a finished one never (null).
CREATE TABLE outbox (
    id           text    PRIMARY KEY,
    version      integer NOT NULL,
    key          text    NOT NULL,
    debtor_id    text    NOT NULL,
    created_at   bigint  NOT NULL,
    due_at       bigint,
    lease_id     text,
    awaiting_in  text,
    fallback_due bigint,
    doc          jsonb   NOT NULL
);
CREATE UNIQUE INDEX outbox_key_key ON outbox (key);
CREATE INDEX outbox_due_at ON outbox (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX outbox_debtor_id ON outbox (debtor_id);
CREATE INDEX outbox_awaiting_in ON outbox (awaiting_in) WHERE awaiting_in IS NOT NULL;
CREATE INDEX outbox_fallback_due ON outbox (fallback_due) WHERE fallback_due IS NOT NULL;

-- The conversation engine's state (dialog stacks, memory): opaque UTF-8 JSON with an eTag per write.
CREATE TABLE bot_state (
    key  text  PRIMARY KEY,
    etag text  NOT NULL,
    data bytea NOT NULL
);
