-- Bank import: the accounts learned per payer (IBAN -> debtor) and the bookings waiting for a person's review.

CREATE TABLE payer_accounts (
    iban       text   NOT NULL,
    debtor_id  text   NOT NULL,
    learned_at bigint NOT NULL,
    PRIMARY KEY (iban, debtor_id)
);

-- item: the booking as imported (JSONB); resolution: null while it waits, then who decided what (JSONB).
CREATE TABLE bank_review (
    key         text   PRIMARY KEY,
    received_at bigint NOT NULL,
    item        jsonb  NOT NULL,
    resolution  jsonb
);
CREATE INDEX bank_review_open ON bank_review (received_at, key) WHERE resolution IS NULL;
