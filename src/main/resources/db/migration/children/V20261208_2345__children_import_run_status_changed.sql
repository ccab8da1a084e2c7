-- When an import last changed status. An import left RECEIVED, CHECKING or COMMITTING by an instance that died (a
-- kill -9, a power cut) is given up after a while by ChildImports.giveUpAbandoned, unless an instance still works on
-- it. A trigger stamps it, so that the previous release's status changes stamp it too during a rolling upgrade
-- (decision 0015: expand); the default stamps existing rows and the previous release's inserts.
ALTER TABLE children.import_run ADD COLUMN status_changed_at TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE FUNCTION children.import_run_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.status_changed_at := now();
  RETURN NEW;
END
$$;

CREATE TRIGGER import_run_status_changed BEFORE UPDATE OF status ON children.import_run
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION children.import_run_status_changed();
