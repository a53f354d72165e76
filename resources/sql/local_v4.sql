-- Local store, schema version 4. One statement per ';'-terminated block.

-- An outbox entry may take its payload from an audit line instead of holding it. The audit
-- line of a create is {"created": payload} (models/store/audit.h), the payload's own bytes, so
-- an import held every record three times (the row, the payload, the audit line), the outbox
-- and the audit a third of the database each. payload_audit names that line (audit.id, which
-- is never rewritten or deleted) and payload is then ''; NULL for every other entry.
-- outbox::entryColumns() reads either form, so nothing that reads entries sees a difference.
ALTER TABLE outbox ADD COLUMN payload_audit INTEGER;
