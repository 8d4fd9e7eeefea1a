-- Shared by every host: staff accounts (so a person signs in on any host), the audit log, and the web chat's token
-- signing keys (so a token one host issued is valid on the others).

CREATE TABLE staff_accounts (
    user_name text    PRIMARY KEY,
    version   integer NOT NULL,
    doc       jsonb   NOT NULL
);

-- Append-only; seq keeps the order of writes (entries of one instant keep theirs).
CREATE TABLE audit_log (
    seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        bigint NOT NULL,
    debtor_id text,
    doc       jsonb  NOT NULL
);
CREATE INDEX audit_log_debtor ON audit_log (debtor_id, seq);

CREATE TABLE signing_keys (
    key_id text  PRIMARY KEY,
    key    bytea NOT NULL
);
