-- A task whose lead agency ended with nobody recorded as taking over its duties (the district offices abolished on
-- 01/07/2025) has no owner: a person who manages the plan gives it the agency that now carries it, or closes it with
-- the reason. Either decision is kept with who took it.
ALTER TABLE planning.task ADD COLUMN carried_by_agency_id BIGINT REFERENCES directory.agency (id);
ALTER TABLE planning.task ADD COLUMN closed_on DATE;
ALTER TABLE planning.task ADD COLUMN closure_reason TEXT;
ALTER TABLE planning.task ADD COLUMN decided_by BIGINT;
ALTER TABLE planning.task ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE planning.task ADD CONSTRAINT task_closure_ck CHECK ((closed_on IS NULL) = (closure_reason IS NULL));
CREATE INDEX task_carried_by_idx ON planning.task (carried_by_agency_id) WHERE carried_by_agency_id IS NOT NULL;
