CREATE SCHEMA planning;

-- A plan, submission or decision of a People's Committee (or one of its offices). The issuing unit is the unit as it was
-- on the issue date: the seed plans belong to districts abolished in 2025 and stay attached to them.
CREATE TABLE planning.plan (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key                TEXT NOT NULL UNIQUE,
  kind               TEXT NOT NULL CHECK (kind IN ('PLAN', 'SUBMISSION', 'DECISION')),
  number             TEXT,
  issued_on          DATE,
  title              TEXT NOT NULL,
  year_from          INT NOT NULL,
  year_to            INT,
  status             TEXT NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'CLOSED')),
  issuer_unit_id     BIGINT NOT NULL REFERENCES geography.unit (id),
  issuer_agency_id   BIGINT REFERENCES directory.agency (id),
  province_code      TEXT,
  submission_number  TEXT,
  submission_date    DATE,
  submission_title   TEXT,
  source_file        TEXT,
  summary            TEXT,
  original_text      TEXT,
  imported_by        BIGINT,
  imported_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  version            INT NOT NULL DEFAULT 0,
  CHECK (year_to IS NULL OR year_from <= year_to)
);
CREATE INDEX plan_issuer_unit_idx ON planning.plan (issuer_unit_id);
CREATE INDEX plan_number_idx ON planning.plan (number, issued_on);

-- The laws, decisions and higher plans a plan rests on. A reference marked "implements" links the plan to the higher
-- plan with that number and date once both are in the system, whichever was loaded first.
CREATE TABLE planning.plan_reference (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id     BIGINT NOT NULL REFERENCES planning.plan (id) ON DELETE CASCADE,
  position    INT NOT NULL,
  kind        TEXT NOT NULL,
  number      TEXT,
  issued_on   DATE,
  issuer      TEXT,
  title       TEXT,
  implements  BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX plan_reference_plan_idx ON planning.plan_reference (plan_id);
CREATE INDEX plan_reference_implements_idx ON planning.plan_reference (number, issued_on) WHERE implements;

CREATE TABLE planning.objective (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id    BIGINT NOT NULL REFERENCES planning.plan (id) ON DELETE CASCADE,
  position   INT NOT NULL,
  number     TEXT,
  kind       TEXT NOT NULL CHECK (kind IN ('GENERAL', 'SPECIFIC')),
  statement  TEXT NOT NULL
);
CREATE INDEX objective_plan_idx ON planning.objective (plan_id);

-- A measurable target ("Chỉ tiêu 9"). A target that names several quantities holds them as parts (parent_id).
CREATE TABLE planning.target (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id         BIGINT NOT NULL REFERENCES planning.plan (id) ON DELETE CASCADE,
  objective_id    BIGINT NOT NULL REFERENCES planning.objective (id) ON DELETE CASCADE,
  parent_id       BIGINT REFERENCES planning.target (id) ON DELETE CASCADE,
  position        INT NOT NULL,
  code            TEXT NOT NULL,
  statement       TEXT NOT NULL,
  measure         TEXT NOT NULL CHECK (measure IN ('PERCENT', 'COUNT', 'PER_1000', 'PER_100000', 'VND', 'OTHER', 'QUALITATIVE')),
  direction       TEXT CHECK (direction IN ('AT_LEAST', 'AT_MOST', 'KEEP_AT')),
  baseline_value  NUMERIC,
  baseline_year   INT,
  unit_id         BIGINT NOT NULL REFERENCES geography.unit (id),
  indicator_code  TEXT,
  CHECK (measure = 'QUALITATIVE' OR direction IS NOT NULL)
);
CREATE INDEX target_plan_idx ON planning.target (plan_id);
CREATE UNIQUE INDEX target_code_uq ON planning.target (plan_id, code);

CREATE TABLE planning.target_value (
  target_id  BIGINT NOT NULL REFERENCES planning.target (id) ON DELETE CASCADE,
  year       INT NOT NULL,
  value      NUMERIC NOT NULL,
  PRIMARY KEY (target_id, year)
);

-- What was achieved, as entered by the lead agency or an officer (or, later, computed from an indicator).
CREATE TABLE planning.achievement (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id    BIGINT NOT NULL REFERENCES planning.target (id) ON DELETE CASCADE,
  as_of        DATE NOT NULL,
  value        NUMERIC,
  assessment   TEXT CHECK (assessment IN ('ON_TRACK', 'AT_RISK', 'OFF_TRACK')),
  note         TEXT,
  recorded_by  BIGINT NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (value IS NOT NULL OR assessment IS NOT NULL)
);
CREATE INDEX achievement_target_idx ON planning.achievement (target_id, as_of DESC, id DESC);

CREATE TABLE planning.task (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id           BIGINT NOT NULL REFERENCES planning.plan (id) ON DELETE CASCADE,
  position          INT NOT NULL,
  number            TEXT,
  section           TEXT,
  statement         TEXT NOT NULL,
  lead_agency_id    BIGINT REFERENCES directory.agency (id),
  timeframe_kind    TEXT NOT NULL CHECK (timeframe_kind IN ('CONTINUOUS', 'YEAR', 'QUARTER', 'DEADLINE', 'PLAN_PERIOD')),
  timeframe_year    INT,
  timeframe_quarter INT CHECK (timeframe_quarter BETWEEN 1 AND 4),
  due_on            DATE,
  timeframe_text    TEXT,
  expected_result   TEXT
);
CREATE INDEX task_plan_idx ON planning.task (plan_id);
CREATE INDEX task_lead_idx ON planning.task (lead_agency_id);

CREATE TABLE planning.task_partner (
  task_id    BIGINT NOT NULL REFERENCES planning.task (id) ON DELETE CASCADE,
  agency_id  BIGINT NOT NULL REFERENCES directory.agency (id),
  position   INT NOT NULL,
  PRIMARY KEY (task_id, agency_id)
);
CREATE INDEX task_partner_agency_idx ON planning.task_partner (agency_id);

-- A lower plan's task answering a task of a plan it implements, named by that plan's number and date and the task's
-- number, so the link holds whichever plan was loaded first.
CREATE TABLE planning.task_answer (
  task_id             BIGINT NOT NULL REFERENCES planning.task (id) ON DELETE CASCADE,
  higher_plan_number  TEXT NOT NULL,
  higher_plan_date    DATE,
  higher_task_number  TEXT NOT NULL,
  PRIMARY KEY (task_id, higher_plan_number, higher_task_number)
);
CREATE INDEX task_answer_higher_idx ON planning.task_answer (higher_plan_number, higher_task_number);

CREATE TABLE planning.reporting_rule (
  id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id              BIGINT NOT NULL REFERENCES planning.plan (id) ON DELETE CASCADE,
  position             INT NOT NULL,
  kind                 TEXT NOT NULL CHECK (kind IN ('HALF_YEAR', 'ANNUAL', 'SUMMARY', 'QUARTERLY', 'MONTHLY', 'AD_HOC', 'FINAL')),
  reporter_agency_id   BIGINT REFERENCES directory.agency (id),
  recipient_agency_id  BIGINT REFERENCES directory.agency (id),
  period_from          INT,
  period_to            INT,
  period_half          INT CHECK (period_half BETWEEN 1 AND 2),
  period_quarter       INT CHECK (period_quarter BETWEEN 1 AND 4),
  period_month         INT CHECK (period_month BETWEEN 1 AND 12),
  due_on               DATE,
  annexes              TEXT[] NOT NULL DEFAULT '{}',
  text                 TEXT
);
CREATE INDEX reporting_rule_plan_idx ON planning.reporting_rule (plan_id);

-- Progress on a task for a reporting period: one report by the lead agency and one contribution per partner agency.
CREATE TABLE planning.progress (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id      BIGINT NOT NULL REFERENCES planning.task (id) ON DELETE CASCADE,
  period       TEXT NOT NULL,
  period_end   DATE NOT NULL,
  agency_id    BIGINT NOT NULL REFERENCES directory.agency (id),
  role         TEXT NOT NULL CHECK (role IN ('LEAD', 'PARTNER')),
  status       TEXT NOT NULL CHECK (status IN ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'DONE', 'OVERDUE')),
  done         TEXT,
  figures      TEXT,
  recorded_by  BIGINT NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  version      INT NOT NULL DEFAULT 0,
  UNIQUE (task_id, period, agency_id)
);
CREATE INDEX progress_task_idx ON planning.progress (task_id, period_end DESC);

CREATE TABLE planning.evidence (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  progress_id   BIGINT NOT NULL REFERENCES planning.progress (id) ON DELETE CASCADE,
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size_bytes    BIGINT NOT NULL,
  sha256        TEXT NOT NULL,
  content       BYTEA NOT NULL,
  uploaded_by   BIGINT NOT NULL,
  uploaded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX evidence_progress_idx ON planning.evidence (progress_id);
