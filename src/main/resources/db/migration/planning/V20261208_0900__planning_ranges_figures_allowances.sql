-- Format vongtay-plan/2 (docs/plan-format.md).

-- A target year may give a range ("tăng 5-8%", Thọ Xuân 2024 target 3.1-b): value is its lower bound, upper_value its
-- upper one.
ALTER TABLE planning.target_value ADD COLUMN upper_value NUMERIC;
ALTER TABLE planning.target_value ADD CONSTRAINT target_value_range_ck CHECK (upper_value IS NULL OR upper_value >= value);

-- A target that is a change over a year ("so với năm 2023"): the year the change is measured against.
ALTER TABLE planning.target ADD COLUMN base_year INT CHECK (base_year BETWEEN 1990 AND 2100);

-- The figures a plan states about the situation it starts from (Bình Long 2022, section A.I: 15.988 children under 16,
-- 118 in special circumstances, ...), as the document gives them: a stock at the end of a year, or a sum over years.
CREATE TABLE planning.plan_figure (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id         BIGINT NOT NULL REFERENCES planning.plan (id) ON DELETE CASCADE,
  position        INT NOT NULL,
  statement       TEXT NOT NULL,
  value           NUMERIC NOT NULL,
  measure         TEXT NOT NULL CHECK (measure IN ('PERCENT', 'COUNT', 'PER_1000', 'PER_100000', 'VND', 'OTHER')),
  year_from       INT,
  year_to         INT NOT NULL,
  unit_id         BIGINT NOT NULL REFERENCES geography.unit (id),
  indicator_code  TEXT,
  note            TEXT,
  CHECK (year_from IS NULL OR year_from <= year_to)
);
CREATE INDEX plan_figure_plan_idx ON planning.plan_figure (plan_id);
CREATE INDEX plan_figure_indicator_idx ON planning.plan_figure (indicator_code, unit_id) WHERE indicator_code IS NOT NULL;

-- Allowances a plan grants (Bình Long 2022, D.2: 0,125 of the base salary a month to each hamlet collaborator):
-- either a coefficient of a statutory base, whose amount changes with it, or a fixed amount in đồng.
CREATE TABLE planning.plan_allowance (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id      BIGINT NOT NULL REFERENCES planning.plan (id) ON DELETE CASCADE,
  position     INT NOT NULL,
  recipient    TEXT NOT NULL,
  coefficient  NUMERIC,
  basis        TEXT CHECK (basis IN ('BASE_SALARY', 'SOCIAL_ASSISTANCE_STANDARD')),
  amount       NUMERIC,
  period       TEXT NOT NULL CHECK (period IN ('MONTH', 'YEAR', 'ONCE')),
  text         TEXT,
  CHECK ((coefficient IS NOT NULL AND basis IS NOT NULL AND amount IS NULL)
         OR (coefficient IS NULL AND basis IS NULL AND amount IS NOT NULL))
);
CREATE INDEX plan_allowance_plan_idx ON planning.plan_allowance (plan_id);
