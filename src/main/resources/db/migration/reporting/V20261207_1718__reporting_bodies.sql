-- Obligations name the body that reports and the body that receives (a People's Committee, one of its agencies, its
-- People's Council, or the ministry), say whether their due date came from the source or was assumed (and by which
-- rule), let the receiving office set it, and are withdrawn, not deleted, once a report was started on one that the
-- sources no longer state.

-- the rows the earlier rules made (units only, duplicates, phantoms) are made again from the sources at the next
-- start; those an office already started a report on are kept and withdrawn if the sources no longer state them
ALTER TABLE reporting.obligation
  ADD COLUMN reporter_agency_id         BIGINT,
  ADD COLUMN reporter_acting_agency_id  BIGINT,
  -- whether the unit's officers act for the body (its People's Committee, its child-affairs office); otherwise the
  -- focal points of the acting agency do
  ADD COLUMN reporter_by_officers       BOOLEAN NOT NULL DEFAULT TRUE,
  ADD COLUMN recipient_kind             TEXT NOT NULL DEFAULT 'COMMITTEE'
      CHECK (recipient_kind IN ('COMMITTEE', 'AGENCY', 'COUNCIL', 'MINISTRY')),
  ADD COLUMN recipient_agency_id        BIGINT,
  ADD COLUMN recipient_acting_agency_id BIGINT,
  ADD COLUMN recipient_by_officers      BOOLEAN NOT NULL DEFAULT TRUE,
  ADD COLUMN period_end                 DATE,
  ADD COLUMN due_assumed                BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN due_rule                   TEXT,
  ADD COLUMN due_set_by                 TEXT,
  ADD COLUMN due_set_at                 TIMESTAMPTZ,
  ADD COLUMN withdrawn_at               TIMESTAMPTZ,
  ADD COLUMN withdrawn_reason           TEXT,
  ADD COLUMN version                    INT NOT NULL DEFAULT 0;

UPDATE reporting.obligation SET recipient_kind = 'MINISTRY' WHERE source LIKE 'STANDING:PROVINCE%';
UPDATE reporting.obligation SET recipient_kind = 'COUNCIL' WHERE source = 'STANDING:COMMUNE_COUNCIL';
UPDATE reporting.obligation SET withdrawn_at = now(), withdrawn_reason = 'Lập lại theo quy tắc mới'
WHERE id IN (SELECT obligation_id FROM reporting.report);
DELETE FROM reporting.reminder WHERE obligation_id IN (SELECT id FROM reporting.obligation WHERE withdrawn_at IS NULL);
DELETE FROM reporting.obligation WHERE withdrawn_at IS NULL;

ALTER TABLE reporting.obligation DROP CONSTRAINT obligation_source_reporter_unit_id_period_key;
-- one obligation per reporting body, receiving body and period, whichever rules state it (a commune's annual report to
-- its council is due under the Law on Children and may be repeated by a plan)
CREATE UNIQUE INDEX obligation_body_period_key ON reporting.obligation (reporter_unit_id, COALESCE(reporter_agency_id, 0),
  recipient_kind, recipient_unit_id, COALESCE(recipient_agency_id, 0), period) WHERE withdrawn_at IS NULL;
CREATE INDEX obligation_reporter_agency_idx ON reporting.obligation (reporter_acting_agency_id) WHERE reporter_acting_agency_id IS NOT NULL;
CREATE INDEX obligation_recipient_agency_idx ON reporting.obligation (recipient_acting_agency_id) WHERE recipient_acting_agency_id IS NOT NULL;

-- standing rules: a unit reports to the unit above it in the tree of the period (a commune of 2025-H1 to its district,
-- a district to its province; a commune of the two-level tree to its province)
ALTER TABLE reporting.standing_rule DROP CONSTRAINT standing_rule_reporter_level_check;
ALTER TABLE reporting.standing_rule ADD CONSTRAINT standing_rule_reporter_level_check
  CHECK (reporter_level IN ('COMMUNE', 'DISTRICT', 'PROVINCE'));
ALTER TABLE reporting.standing_rule DROP CONSTRAINT standing_rule_recipient_check;
UPDATE reporting.standing_rule SET recipient = 'PARENT' WHERE recipient = 'PROVINCE';
ALTER TABLE reporting.standing_rule ADD CONSTRAINT standing_rule_recipient_check
  CHECK (recipient IN ('PARENT', 'COUNCIL', 'NATION'));
-- whether the rule's due date comes from a document (an administrator who enters the province's own regime says so)
ALTER TABLE reporting.standing_rule ADD COLUMN due_from_document BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE reporting.standing_rule SET title = 'Báo cáo 6 tháng đầu năm về công tác trẻ em',
  basis = 'Chế độ báo cáo định kỳ về công tác trẻ em (mặc định; quản trị viên sửa theo văn bản của tỉnh)'
WHERE code = 'COMMUNE_H1';
UPDATE reporting.standing_rule SET
  basis = 'Chế độ báo cáo định kỳ về công tác trẻ em (mặc định; quản trị viên sửa theo văn bản của tỉnh)'
WHERE code = 'COMMUNE_H2';
INSERT INTO reporting.standing_rule (code, kind, title, reporter_level, recipient, period_kind, period_number, due_month,
       due_day, annexes, basis) VALUES
  ('DISTRICT_H1', 'HALF_YEAR', 'Báo cáo 6 tháng đầu năm về công tác trẻ em', 'DISTRICT', 'PARENT', 'HALF_YEAR', 1, 6, 25,
   '{CHILDREN,SPECIAL,ABUSE,SECTORS}', 'Chế độ báo cáo định kỳ về công tác trẻ em (mặc định; quản trị viên sửa theo văn bản của tỉnh)'),
  ('DISTRICT_H2', 'HALF_YEAR', 'Báo cáo 6 tháng cuối năm về công tác trẻ em', 'DISTRICT', 'PARENT', 'HALF_YEAR', 2, 12, 25,
   '{CHILDREN,SPECIAL,ABUSE,SECTORS}', 'Chế độ báo cáo định kỳ về công tác trẻ em (mặc định; quản trị viên sửa theo văn bản của tỉnh)');
