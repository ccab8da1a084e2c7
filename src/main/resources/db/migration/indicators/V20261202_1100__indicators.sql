CREATE SCHEMA indicators;

-- The catalogue: data an administrator extends. An indicator is COMPUTED from records (a measure the code provides,
-- optionally one cell of it), ENTERED by offices for a unit and period, or a RATIO of two others times a factor.
-- Rows from the seed file (origin SEED) are updated when the file changes; rows an administrator added or edited
-- (origin ADMIN) are left alone.
CREATE TABLE indicators.indicator (
  code               TEXT PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_.-]*$'),
  domain             TEXT NOT NULL,
  position           INT NOT NULL DEFAULT 1000,
  name               TEXT NOT NULL,
  name_en            TEXT NOT NULL,
  definition         TEXT,
  definition_en      TEXT,
  unit               TEXT NOT NULL CHECK (unit IN ('COUNT', 'PERCENT', 'PER_1000', 'PER_100000', 'VND', 'OTHER')),
  method             TEXT NOT NULL CHECK (method IN ('COMPUTED', 'ENTERED', 'RATIO')),
  measure            TEXT,
  filter_dimension   TEXT,
  filter_value       TEXT,
  numerator          TEXT,
  denominator        TEXT,
  factor             NUMERIC,
  entry_min          NUMERIC,
  entry_max          NUMERIC,
  entry_required     BOOLEAN NOT NULL DEFAULT false,
  entry_dimension    TEXT,
  sums_up            BOOLEAN NOT NULL DEFAULT false,
  source             TEXT,
  circular_code      TEXT,
  origin             TEXT NOT NULL CHECK (origin IN ('SEED', 'ADMIN')),
  active             BOOLEAN NOT NULL DEFAULT true,
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by         BIGINT,
  version            INT NOT NULL DEFAULT 0,
  CHECK (method <> 'COMPUTED' OR measure IS NOT NULL),
  CHECK (method <> 'RATIO' OR (numerator IS NOT NULL AND denominator IS NOT NULL AND factor IS NOT NULL)),
  CHECK (entry_min IS NULL OR entry_max IS NULL OR entry_min <= entry_max)
);

-- A figure an office entered for a unit and a period (optionally for one value of a dimension). No row means "not
-- reported", which is not 0. Locked once a report that used it is accepted.
CREATE TABLE indicators.entered_value (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_code  TEXT NOT NULL REFERENCES indicators.indicator (code),
  unit_id         BIGINT NOT NULL REFERENCES geography.unit (id),
  period          TEXT NOT NULL,
  period_end      DATE NOT NULL,
  dimension       TEXT NOT NULL DEFAULT '',
  dim_value       TEXT NOT NULL DEFAULT '',
  value           NUMERIC NOT NULL,
  note            TEXT,
  province_code   TEXT,
  entered_by      BIGINT NOT NULL,
  entered_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  locked_at       TIMESTAMPTZ,
  locked_by       BIGINT,
  locked_for      TEXT,
  version         INT NOT NULL DEFAULT 0,
  UNIQUE (indicator_code, period, unit_id, dimension, dim_value)
);
CREATE INDEX entered_value_unit_idx ON indicators.entered_value (unit_id, period);

-- Every change of an entered figure: who, when, the value before and after.
CREATE TABLE indicators.entered_value_change (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_code  TEXT NOT NULL,
  unit_id         BIGINT NOT NULL,
  period          TEXT NOT NULL,
  dimension       TEXT NOT NULL DEFAULT '',
  dim_value       TEXT NOT NULL DEFAULT '',
  action          TEXT NOT NULL CHECK (action IN ('ENTERED', 'CORRECTED', 'CLEARED', 'LOCKED', 'UNLOCKED')),
  old_value       NUMERIC,
  new_value       NUMERIC,
  note            TEXT,
  changed_by      BIGINT,
  changed_by_name TEXT NOT NULL,
  changed_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX entered_value_change_key_idx ON indicators.entered_value_change (indicator_code, unit_id, period, changed_at DESC);

-- The tallies: for every unit that counts a record (every root of geography.unit_reach over the record's unit), the
-- sum of what the records contribute, by measure, one dimension at a time (dimension '' is the total) and bucket
-- (see Buckets: months yyyyMM, quarters yyyy2q, halves yyyy3h, years yyyy00; stocks as deltas by month). Kept by
-- the events of the source modules; a recount rebuilds it from the records.
CREATE TABLE indicators.tally (
  measure    TEXT NOT NULL,
  unit_id    BIGINT NOT NULL,
  dimension  TEXT NOT NULL,
  dim_value  TEXT NOT NULL,
  bucket     INT NOT NULL,
  value      BIGINT NOT NULL,
  CONSTRAINT tally_pkey PRIMARY KEY (measure, unit_id, dimension, dim_value, bucket)
);

-- The facts each record contributed from, as its source module's read API returned them, so that a change of the
-- record subtracts exactly what it added before.
CREATE TABLE indicators.record_facts (
  source      TEXT NOT NULL,
  record_id   BIGINT NOT NULL,
  facts       JSONB,
  PRIMARY KEY (source, record_id)
);

-- Each full recount: when, why, how many records and rows, how long.
CREATE TABLE indicators.recount (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reason       TEXT NOT NULL,
  requested_by TEXT,
  started_at   TIMESTAMPTZ NOT NULL,
  finished_at  TIMESTAMPTZ NOT NULL,
  records      BIGINT NOT NULL,
  tally_rows   BIGINT NOT NULL,
  took_ms      BIGINT NOT NULL
);
