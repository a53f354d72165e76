-- jiliang-server schema, version 1. Runs on SQLite and PostgreSQL: @BLOB@ becomes BLOB or
-- BYTEA, nothing else differs. Times are milliseconds since the epoch (UTC) in BIGINT
-- columns unless named *_date; record payloads are JSON text.

-- Small key/value state: the epoch, the cursor secret, settings.
CREATE TABLE server_meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE enterprises (
    id TEXT PRIMARY KEY NOT NULL,
    uscc TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- sync.md §1: one row per enterprise, bumped inside every write transaction. Its row lock
-- orders the commits, so change numbers become visible in increasing order. `horizon` is
-- the highest change number of a purged tombstone: older cursors get 410.
CREATE TABLE enterprise_counters (
    enterprise_id TEXT PRIMARY KEY NOT NULL REFERENCES enterprises(id),
    seq BIGINT NOT NULL DEFAULT 0,
    horizon BIGINT NOT NULL DEFAULT 0
);

-- Legal-person accounts: the login is the enterprise's unified social credit code.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
    login TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    password_changed_at BIGINT NOT NULL
);

CREATE TABLE oauth_codes (
    code_hash TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL,
    enterprise_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    family_id TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);

-- Access and refresh tokens, stored as SHA-256 of the token. A refresh token is used once;
-- all tokens of one login share a family, revoked together when a used one comes back.
CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    enterprise_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    family_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tokens_family ON tokens(family_id);
CREATE INDEX tokens_expiry ON tokens(expires_at);

CREATE TABLE admin_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);

-- Every synced record of every collection. `seq` is the change number of its last change
-- (the changes feed reads this table); a delete keeps the row as a tombstone. `match_key`
-- and `flag` are per-collection helpers: for instruments the normalised serial and
-- "active", for verification records the normalised serial and "unmatched".
CREATE TABLE records (
    enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    rev BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    data TEXT NOT NULL,
    match_key TEXT NOT NULL DEFAULT '',
    flag INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (enterprise_id, collection, id)
);
CREATE INDEX records_feed ON records(enterprise_id, seq);
CREATE INDEX records_match ON records(enterprise_id, collection, match_key);
-- domain.md §3: a serial number is unique per enterprise among active instruments.
CREATE UNIQUE INDEX records_active_serial ON records(enterprise_id, match_key)
    WHERE collection = 'instruments' AND flag = 1 AND deleted = 0;

-- sync.md §10–11c: (enterprise, key) → the first response. A claim is committed on its own
-- before the work starts, so a duplicate on another instance sees it in flight.
CREATE TABLE idempotency_keys (
    enterprise_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL,
    status INTEGER NOT NULL DEFAULT 0,
    response TEXT NOT NULL DEFAULT '',
    claimed_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (enterprise_id, key)
);
CREATE INDEX idempotency_expiry ON idempotency_keys(expires_at);

-- Files by SHA-256, per enterprise (another enterprise's hash answers 404), in chunks of at
-- most 4 MB so that neither upload nor download holds a whole file in one statement.
CREATE TABLE files (
    enterprise_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    received BIGINT NOT NULL DEFAULT 0,
    mime TEXT NOT NULL DEFAULT '',
    complete INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (enterprise_id, sha256)
);
CREATE TABLE file_chunks (
    enterprise_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    offset_bytes BIGINT NOT NULL,
    data @BLOB@ NOT NULL,
    PRIMARY KEY (enterprise_id, sha256, offset_bytes)
);

-- Reference data shared by all enterprises (institutions, categories, calendar,
-- thresholds, settings), one JSON document per name.
CREATE TABLE reference_data (
    name TEXT PRIMARY KEY NOT NULL,
    data TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
