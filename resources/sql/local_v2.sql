-- Local store, schema version 2: sync state (issue 4). One statement per ';'-terminated block.

-- The record as the server had it before the change (JSON; '{}' for a create). For the
-- oldest pending entry of a record this is the base of the three-way merge on 412
-- (sync.md §15); later entries of the same record are based on the earlier ones.
ALTER TABLE outbox ADD COLUMN base TEXT NOT NULL DEFAULT '{}';
-- Entries waiting for their turn are 'pending'; 'rejected' (other 4xx) and 'conflict' (412
-- not merged silently) stay visible on the 同步状态 screen until retried or discarded.
CREATE INDEX outbox_state ON outbox(state, seq);

-- sync.md §15: a field changed on both sides. One row per record: the server's record
-- (theirs, with its rev or deleted flag), the local record (mine) and the base both started
-- from. fields is a JSON array of the field names that differ on both sides. The local
-- record keeps the server's values until the user keeps mine (a new upsert on server_rev).
CREATE TABLE conflict (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    collection TEXT NOT NULL,
    record_id TEXT NOT NULL,
    fields TEXT NOT NULL,
    mine TEXT NOT NULL,
    theirs TEXT NOT NULL,
    base TEXT NOT NULL,
    server_rev INTEGER NOT NULL DEFAULT 0,
    server_deleted INTEGER NOT NULL DEFAULT 0,
    local_deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (collection, record_id)
);

-- Verification records are server-made and read-only (domain.md §3); pulled by sync and
-- listed by 未匹配检定记录处理 when matched_instrument_id is empty;
-- data keeps the whole wire record.
CREATE TABLE verification_record (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    certificate_no TEXT NOT NULL DEFAULT '',
    serial_no TEXT NOT NULL DEFAULT '',
    instrument_name TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    institution TEXT NOT NULL DEFAULT '',
    verified_at TEXT,
    valid_until TEXT,
    result TEXT NOT NULL DEFAULT '',
    certificate TEXT NOT NULL DEFAULT '',
    matched_instrument_id TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX verification_record_serial ON verification_record(serial_no);
CREATE INDEX verification_record_matched ON verification_record(matched_instrument_id);

-- Records of collections this client has no table for yet (a later issue adds one): kept
-- whole so that nothing pulled is lost and a later migration can move them into place.
CREATE TABLE remote_record (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL,
    PRIMARY KEY (collection, id)
);

-- The enterprise (read-only here; from the legal-person account) and its contacts; the
-- liaison (is_liaison = 1) is asked for after login when missing (domain.md §8).
CREATE TABLE enterprise (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    uscc TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE contact (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    district TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    is_liaison INTEGER NOT NULL DEFAULT 0
);
