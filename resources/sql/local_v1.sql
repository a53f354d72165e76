-- Local store, schema version 1. One statement per ';'-terminated block.
-- Synced records carry id (UUID text), rev (server revision, 0 = never synced),
-- updated_at (ISO UTC) and deleted (tombstone). Dates are ISO yyyy-MM-dd text so that
-- ordering and range filters work on indexes.

CREATE TABLE instrument (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    serial_no TEXT NOT NULL,
    name TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    measuring_range TEXT NOT NULL DEFAULT '',
    accuracy_class TEXT NOT NULL DEFAULT '',
    manufacturer TEXT NOT NULL DEFAULT '',
    production_date TEXT,
    user_unit TEXT NOT NULL DEFAULT '',
    install_location TEXT NOT NULL DEFAULT '',
    division_code TEXT NOT NULL DEFAULT '',
    install_date TEXT,
    status TEXT NOT NULL DEFAULT 'inUse',
    verification_period_months INTEGER NOT NULL DEFAULT 0,
    verification_result TEXT NOT NULL DEFAULT 'none',
    last_verification_date TEXT,
    valid_until TEXT,
    last_institution TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL DEFAULT '',
    remarks TEXT NOT NULL DEFAULT '',
    lifecycle TEXT NOT NULL DEFAULT 'active',
    removed_at TEXT
);
-- serialNo is unique per enterprise among active instruments (domain.md §3).
CREATE UNIQUE INDEX instrument_active_serial ON instrument(serial_no)
    WHERE lifecycle = 'active' AND deleted = 0;
CREATE INDEX instrument_lifecycle_serial ON instrument(lifecycle, serial_no);
CREATE INDEX instrument_lifecycle_valid ON instrument(lifecycle, valid_until);
CREATE INDEX instrument_lifecycle_name ON instrument(lifecycle, name);
CREATE INDEX instrument_site ON instrument(site_id);
-- Counting by warning level groups on these raw columns (a few thousand groups for 100,000
-- instruments) and applies the rule in C++: index-only, no per-row date arithmetic.
CREATE INDEX instrument_warning ON instrument(lifecycle, status, verification_result, valid_until)
    WHERE deleted = 0;

CREATE TABLE site (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'other',
    station_code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    division_code TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    platform TEXT NOT NULL DEFAULT '',
    operator TEXT NOT NULL DEFAULT '',
    operating_status TEXT NOT NULL DEFAULT '',
    pile_count INTEGER NOT NULL DEFAULT 0,
    gun_count INTEGER NOT NULL DEFAULT 0
);

-- sync.md §9: every local change, in order. seq keeps the order; op_id is never regenerated.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    collection TEXT NOT NULL,
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('upsert', 'delete', 'command')),
    command TEXT NOT NULL DEFAULT '',
    base_rev INTEGER NOT NULL DEFAULT 0,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try_at TEXT,
    state TEXT NOT NULL DEFAULT 'pending',
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_record ON outbox(collection, record_id);

-- Local audit trail: who changed what, when, old -> new (JSON object of [old, new] pairs).
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    collection TEXT NOT NULL,
    record_id TEXT NOT NULL,
    action TEXT NOT NULL,
    changes TEXT NOT NULL
);
CREATE INDEX audit_record ON audit(collection, record_id);

-- Small key/value state: sync cursor, epoch, account, calendar overrides.
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
