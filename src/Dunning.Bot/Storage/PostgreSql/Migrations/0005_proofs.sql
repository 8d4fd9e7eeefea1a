-- Proofs of payment the debtors sent: the record (JSONB) and, unless Uploads:Folder keeps files on disk, the file itself.

CREATE TABLE proofs (
    id          text   PRIMARY KEY,
    debtor_id   text   NOT NULL,
    received_at bigint NOT NULL,
    record      jsonb  NOT NULL,
    content     bytea
);
CREATE INDEX proofs_debtor_id ON proofs (debtor_id, received_at);
