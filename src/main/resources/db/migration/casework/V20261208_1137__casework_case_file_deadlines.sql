-- The next deadline of a case and the next alert the deadline watch owes it, stored with the case by CaseFiles as
-- CaseFile computes them, so that lists of due and overdue work and the watch read an indexed column instead of
-- re-deriving the deadline rules in SQL (decision 0012).
ALTER TABLE casework.child_case
  ADD COLUMN next_due_at   TIMESTAMPTZ,
  ADD COLUMN next_alert_at TIMESTAMPTZ;

-- Once, for the cases already recorded, the rules of CaseFile as they stand (a deadline is still to be met while the
-- case is open and the work not done; the watch announces it 3 hours (emergency) or a day (plan, review) before and
-- reports it missed once past). From here on CaseFiles writes both columns with every case it stores.
WITH open_deadline AS (
  SELECT c.id, d.kind, d.due_at, d.notice
  FROM casework.child_case c
  CROSS JOIN LATERAL (VALUES
    ('EMERGENCY', CASE WHEN c.emergency_taken_at IS NULL AND c.emergency_required IS DISTINCT FROM FALSE
                       THEN c.emergency_due_at END, INTERVAL '3 hours'),
    ('PLAN', CASE WHEN c.plan_approved_at IS NULL THEN c.plan_due_at END, INTERVAL '1 day'),
    ('REVIEW', CASE WHEN c.review_due_on IS NOT NULL AND c.reviewed_at IS NULL
                    THEN (c.review_due_on + TIME '23:59:59') AT TIME ZONE 'Asia/Ho_Chi_Minh' END, INTERVAL '1 day')
  ) AS d (kind, due_at, notice)
  WHERE c.closed_at IS NULL AND d.due_at IS NOT NULL
), next AS (
  SELECT d.id, min(d.due_at) AS due_at,
         min(CASE WHEN EXISTS (SELECT 1 FROM casework.deadline_alert a WHERE a.case_id = c.id AND a.cycle = c.cycle
                                 AND a.deadline = d.kind AND a.kind = 'BREACHED') THEN NULL
                  WHEN EXISTS (SELECT 1 FROM casework.deadline_alert a WHERE a.case_id = c.id AND a.cycle = c.cycle
                                 AND a.deadline = d.kind AND a.kind = 'APPROACHING') THEN d.due_at
                  ELSE d.due_at - d.notice END) AS alert_at
  FROM open_deadline d JOIN casework.child_case c ON c.id = d.id
  GROUP BY d.id
)
UPDATE casework.child_case c SET next_due_at = n.due_at, next_alert_at = n.alert_at FROM next n WHERE n.id = c.id;

-- lists of a jurisdiction's due work, and the cases the watch owes an alert
CREATE INDEX child_case_next_due_idx ON casework.child_case (unit_id, next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX child_case_next_alert_idx ON casework.child_case (next_alert_at) WHERE next_alert_at IS NOT NULL;

-- the watch no longer scans the deadline columns themselves
DROP INDEX casework.child_case_plan_due_idx;
DROP INDEX casework.child_case_emergency_due_idx;
