-- Periodic reporting: what each unit owes whom and when (obligations), the reports, their annex figures, and the
-- standing rules that make obligations besides the plans' reporting regimes.
CREATE SCHEMA reporting;

-- Reports every unit of a level owes, whatever plan is in force: data an administrator edits.
--   recipient: PROVINCE (the province's child-protection office), COUNCIL (the unit's own People's Council, the
--   report reviewed by the unit's chairman), NATION (the ministry).
CREATE TABLE reporting.standing_rule (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  kind           TEXT NOT NULL,
  title          TEXT NOT NULL,
  reporter_level TEXT NOT NULL CHECK (reporter_level IN ('COMMUNE', 'PROVINCE')),
  recipient      TEXT NOT NULL CHECK (recipient IN ('PROVINCE', 'COUNCIL', 'NATION')),
  -- the period reported on (HALF_YEAR 1 or 2, QUARTER 1-4, YEAR 0) and its deadline in the same year
  period_kind    TEXT NOT NULL CHECK (period_kind IN ('YEAR', 'HALF_YEAR', 'QUARTER')),
  period_number  INT NOT NULL,
  due_month      INT NOT NULL CHECK (due_month BETWEEN 1 AND 12),
  due_day        INT NOT NULL CHECK (due_day BETWEEN 1 AND 31),
  annexes        TEXT[] NOT NULL DEFAULT '{}',
  basis          TEXT,
  active         BOOLEAN NOT NULL DEFAULT TRUE,
  version        INT NOT NULL DEFAULT 0
);

INSERT INTO reporting.standing_rule (code, kind, title, reporter_level, recipient, period_kind, period_number, due_month,
       due_day, annexes, basis) VALUES
  ('COMMUNE_H1', 'HALF_YEAR', 'Báo cáo 6 tháng đầu năm về công tác trẻ em', 'COMMUNE', 'PROVINCE', 'HALF_YEAR', 1, 6, 20,
   '{CHILDREN,SPECIAL,ABUSE,SECTORS}', 'Chế độ báo cáo định kỳ của tỉnh (mặc định; quản trị viên sửa theo văn bản của tỉnh)'),
  ('COMMUNE_H2', 'HALF_YEAR', 'Báo cáo 6 tháng cuối năm về công tác trẻ em', 'COMMUNE', 'PROVINCE', 'HALF_YEAR', 2, 12, 20,
   '{CHILDREN,SPECIAL,ABUSE,SECTORS}', 'Chế độ báo cáo định kỳ của tỉnh (mặc định; quản trị viên sửa theo văn bản của tỉnh)'),
  ('COMMUNE_COUNCIL', 'ANNUAL', 'Báo cáo Hội đồng nhân dân xã về việc thực hiện quyền trẻ em', 'COMMUNE', 'COUNCIL', 'YEAR',
   0, 11, 30, '{CHILDREN,SPECIAL,ABUSE}', 'Luật Trẻ em 2016, Điều 90 khoản 3 (hằng năm; thời hạn mặc định trước kỳ họp cuối năm)'),
  ('PROVINCE_H1', 'HALF_YEAR', 'Báo cáo 6 tháng đầu năm về công tác trẻ em của tỉnh', 'PROVINCE', 'NATION', 'HALF_YEAR', 1,
   6, 30, '{CHILDREN,SPECIAL,ABUSE,SECTORS}', 'Chế độ báo cáo của Bộ Y tế (mặc định; quản trị viên sửa theo văn bản của Bộ)'),
  ('PROVINCE_H2', 'HALF_YEAR', 'Báo cáo 6 tháng cuối năm về công tác trẻ em của tỉnh', 'PROVINCE', 'NATION', 'HALF_YEAR', 2,
   12, 31, '{CHILDREN,SPECIAL,ABUSE,SECTORS}', 'Chế độ báo cáo của Bộ Y tế (mặc định; quản trị viên sửa theo văn bản của Bộ)');

-- What a unit owes: made from a standing rule or a plan's reporting regime, once per unit and period.
CREATE TABLE reporting.obligation (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- STANDING:<rule code> or PLAN:<reporting rule id>
  source            TEXT NOT NULL,
  plan_id           BIGINT,
  kind              TEXT NOT NULL,
  title             TEXT NOT NULL,
  reporter_unit_id  BIGINT NOT NULL REFERENCES geography.unit (id),
  reporter_name     TEXT NOT NULL,
  recipient_unit_id BIGINT NOT NULL REFERENCES geography.unit (id),
  recipient_name    TEXT NOT NULL,
  period            TEXT NOT NULL,
  due_on            DATE NOT NULL,
  annexes           TEXT[] NOT NULL DEFAULT '{}',
  basis             TEXT,
  province_code     TEXT,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (source, reporter_unit_id, period)
);
CREATE INDEX obligation_reporter_idx ON reporting.obligation (reporter_unit_id, due_on);
CREATE INDEX obligation_recipient_idx ON reporting.obligation (recipient_unit_id, due_on);
CREATE INDEX obligation_due_idx ON reporting.obligation (due_on);

CREATE TABLE reporting.report (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  obligation_id     BIGINT NOT NULL UNIQUE REFERENCES reporting.obligation (id),
  status            TEXT NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
  number            TEXT,
  results           TEXT,
  limitations       TEXT,
  causes            TEXT,
  proposals         TEXT,
  signer_name       TEXT,
  signer_title      TEXT,
  created_by        TEXT NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  submitted_at      TIMESTAMPTZ,
  first_submitted_at TIMESTAMPTZ,
  submitted_by      TEXT,
  returned_at       TIMESTAMPTZ,
  returned_by       TEXT,
  return_comment    TEXT,
  accepted_at       TIMESTAMPTZ,
  accepted_by       TEXT,
  version           INT NOT NULL DEFAULT 0
);

-- The figures of a report's annexes: one row per annex, indicator and unit (the reporting unit and each subdivision).
-- COMPUTED and ENTERED figures come from the indicators module and are refreshed while the report is a draft;
-- REPORTED ones are the accepted report of a subdivision; the reporting unit's hand-entered figures are ENTERED.
CREATE TABLE reporting.annex_figure (
  report_id      BIGINT NOT NULL REFERENCES reporting.report (id) ON DELETE CASCADE,
  annex          TEXT NOT NULL,
  indicator_code TEXT NOT NULL,
  unit_id        BIGINT NOT NULL REFERENCES geography.unit (id),
  value          NUMERIC,
  origin         TEXT NOT NULL CHECK (origin IN ('COMPUTED', 'ENTERED', 'REPORTED', 'SUMMED', 'MISSING')),
  PRIMARY KEY (report_id, annex, indicator_code, unit_id)
);

CREATE TABLE reporting.report_event (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id BIGINT NOT NULL REFERENCES reporting.report (id) ON DELETE CASCADE,
  action    TEXT NOT NULL,
  at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  actor     TEXT NOT NULL,
  comment   TEXT
);
CREATE INDEX report_event_report_idx ON reporting.report_event (report_id, at);

-- Reminders sent, once each.
CREATE TABLE reporting.reminder (
  obligation_id BIGINT NOT NULL REFERENCES reporting.obligation (id),
  kind          TEXT NOT NULL CHECK (kind IN ('APPROACHING', 'OVERDUE')),
  sent_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (obligation_id, kind)
);
