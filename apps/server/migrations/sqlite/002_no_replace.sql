-- `INSERT OR REPLACE` deletes the row it collides with without firing DELETE triggers (unless
-- recursive_triggers is on), which let a writer rewrite a record past the append-only triggers above.
-- Refuse any insert that collides with a stored record; an answer text that is already stored is kept
-- as it is (its key is its SHA-256, so an equal insert changes nothing and a different one is refused).
CREATE TRIGGER audit_records_no_replace BEFORE INSERT ON audit_records
WHEN EXISTS (SELECT 1 FROM audit_records WHERE seq = NEW.seq OR id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_responses_no_replace BEFORE INSERT ON audit_responses
WHEN EXISTS (SELECT 1 FROM audit_responses WHERE hash = NEW.hash)
BEGIN SELECT RAISE(IGNORE); END;
