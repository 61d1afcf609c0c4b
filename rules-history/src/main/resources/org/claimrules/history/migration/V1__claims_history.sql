-- The claims history: for each scored claim, the sessions that count for its member's later claims.
-- It holds no more than the rules need: the member ID, service dates and codes (region, intent,
-- levels, family, procedure code), the claim ID, the ruleset version and the disposition.
-- No names, birth dates, diagnoses or charges.

-- One row per member: the row every writer of the member locks, so that two claims of one member
-- are recorded one after the other (across threads and across processes sharing the database).
CREATE TABLE history_member (
    member_id     VARCHAR(255) NOT NULL PRIMARY KEY,
    last_recorded TIMESTAMP    NOT NULL
);

-- One row per claim ID: a claim sent again replaces its row and its sessions.
CREATE TABLE history_claim (
    claim_id        VARCHAR(100) NOT NULL PRIMARY KEY,
    member_id       VARCHAR(255) NOT NULL REFERENCES history_member (member_id),
    ruleset_version VARCHAR(1000) NOT NULL,
    disposition     VARCHAR(16)  NOT NULL,
    recorded_at     TIMESTAMP    NOT NULL
);
CREATE INDEX history_claim_member ON history_claim (member_id);

-- The sessions a claim adds to its member's history (lines not denied or returned).
CREATE TABLE history_session (
    claim_id       VARCHAR(100) NOT NULL REFERENCES history_claim (claim_id),
    seq            INTEGER      NOT NULL,
    service_date   DATE         NOT NULL,
    region         VARCHAR(32)  NOT NULL,
    intent         VARCHAR(32)  NOT NULL,
    levels         VARCHAR(100000) NOT NULL,
    family         VARCHAR(1000),
    procedure_code VARCHAR(1000),
    PRIMARY KEY (claim_id, seq)
);
