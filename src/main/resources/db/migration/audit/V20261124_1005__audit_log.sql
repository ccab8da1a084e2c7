CREATE SCHEMA audit;

-- Who did or read what, when and from where. Rows are only ever added: the trigger refuses changes and deletions.
CREATE TABLE audit.entry (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  actor          TEXT,
  action         TEXT NOT NULL,
  subject_type   TEXT,
  subject_id     TEXT,
  unit_id        BIGINT,
  client_address TEXT,
  details        TEXT
);
CREATE INDEX entry_occurred_at_idx ON audit.entry (occurred_at DESC);
CREATE INDEX entry_actor_idx ON audit.entry (actor, occurred_at DESC);
CREATE INDEX entry_subject_idx ON audit.entry (subject_type, subject_id);

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit.entry is append-only';
END $$;

CREATE TRIGGER entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
