-- Local store, schema version 3. One statement per ';'-terminated block.
-- The serial number stays unique among active instruments for everything the user does here
-- (the store checks it before every write), but no longer by a UNIQUE index: sync may bring a
-- server record whose serial a local record not yet accepted by the server also holds (its
-- create is refused there). Both are kept and shown, the refusal says why, and the user
-- resolves it; a unique index made the whole page fail and sync stay stuck instead.
DROP INDEX instrument_active_serial;
CREATE INDEX instrument_active_serial ON instrument(serial_no)
    WHERE lifecycle = 'active' AND deleted = 0;
