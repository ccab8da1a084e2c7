-- Nghị định 56/2017 Art. 28 gives the case worker 5 working days to draft the plan and SUBMIT it to the commune
-- chairman; the chairman's approval (Mẫu 05) is a step of its own, whose time the decree does not fix. Until now one
-- deadline required the plan APPROVED within the 5 days. A case now keeps both: plan_due_at is the submission's
-- deadline, met by the first submission of the cycle (plan_submitted_at); approval_due_at is the chairman's, counted
-- from the last submission, null while no plan awaits a decision. The first plan's are kept for the statistics.
ALTER TABLE casework.child_case
  ADD COLUMN plan_submitted_at       TIMESTAMPTZ,
  ADD COLUMN approval_due_at         TIMESTAMPTZ,
  ADD COLUMN first_plan_submitted_at TIMESTAMPTZ,
  ADD COLUMN first_approval_due_at   TIMESTAMPTZ;

-- The working days a province gives the chairman to decide. 2 is an assumption, shown as such on the deadline page:
-- the decree fixes none, and provinces publish 7 working days for the whole procedure (5 to submit, 2 to decide).
ALTER TABLE casework.deadline_rule
  ADD COLUMN approval_working_days INT NOT NULL DEFAULT 2 CHECK (approval_working_days BETWEEN 1 AND 30);

-- The cases already recorded: submissions are read from their steps. A plan submitted before this change keeps, as
-- the chairman's deadline, the one deadline the case was held to (plan_due_at), or four calendar days after its
-- submission when it came later (the working-day calendar is not at hand in SQL; four days never count fewer than
-- two working days outside Tết), so that no case becomes overdue by the change.
WITH submitted AS (
  SELECT s.case_id, s.cycle, min(s.taken_at) AS first_at, max(s.taken_at) AS last_at
  FROM casework.case_step s WHERE s.step = 'SUBMIT_PLAN'
  GROUP BY s.case_id, s.cycle
)
UPDATE casework.child_case c
SET plan_submitted_at = s.first_at,
    approval_due_at = CASE WHEN c.stage = 'AWAITING_APPROVAL' OR c.plan_approved_at IS NOT NULL
                           THEN GREATEST(c.plan_due_at,
                                  ((s.last_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 4 + TIME '23:59:59')
                                    AT TIME ZONE 'Asia/Ho_Chi_Minh') END
FROM submitted s WHERE s.case_id = c.id AND s.cycle = c.cycle;

UPDATE casework.child_case c
SET first_plan_submitted_at = (SELECT min(s.taken_at) FROM casework.case_step s
                               WHERE s.case_id = c.id AND s.step = 'SUBMIT_PLAN'),
    first_approval_due_at = CASE WHEN c.first_plan_approved_at IS NOT NULL THEN c.first_plan_due_at END;

-- The next deadline and alert of the open cases under the new rule (decision 0012: CaseFiles keeps them from here on).
WITH open_deadline AS (
  SELECT c.id, d.kind, d.due_at, d.notice
  FROM casework.child_case c
  CROSS JOIN LATERAL (VALUES
    ('EMERGENCY', CASE WHEN c.emergency_taken_at IS NULL AND c.emergency_required IS DISTINCT FROM FALSE
                       THEN c.emergency_due_at END, INTERVAL '3 hours'),
    ('PLAN', CASE WHEN c.plan_submitted_at IS NULL THEN c.plan_due_at END, INTERVAL '1 day'),
    ('APPROVAL', CASE WHEN c.plan_approved_at IS NULL THEN c.approval_due_at END, INTERVAL '1 day'),
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
UPDATE casework.child_case c
SET next_due_at = n.due_at, next_alert_at = n.alert_at
FROM casework.child_case o LEFT JOIN next n ON n.id = o.id
WHERE o.id = c.id AND o.closed_at IS NULL;
