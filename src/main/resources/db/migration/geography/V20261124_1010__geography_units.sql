CREATE SCHEMA geography;

-- An administrative unit as it existed between valid_from and valid_to (inclusive; NULL = open). The same official code
-- may be reused by a later unit (after the 2025 reform most new communes took the code of one of the old ones), never by
-- two units at the same date.
CREATE TABLE geography.unit (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code          TEXT NOT NULL,
  level         TEXT NOT NULL CHECK (level IN ('NATION', 'PROVINCE', 'DISTRICT', 'COMMUNE')),
  name          TEXT NOT NULL,
  full_name     TEXT NOT NULL,
  name_en       TEXT,
  parent_id     BIGINT REFERENCES geography.unit (id),
  province_code TEXT,
  valid_from    DATE,
  valid_to      DATE,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to),
  CONSTRAINT unit_code_once_per_date EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);
CREATE UNIQUE INDEX unit_code_valid_from_key ON geography.unit (code, (COALESCE(valid_from, '-infinity'::date)));
CREATE INDEX unit_parent_idx ON geography.unit (parent_id);
CREATE INDEX unit_name_trgm_idx ON geography.unit USING gin (public.vn_fold(name) gin_trgm_ops);

-- Lineage of the 2025 reform (and any later change): the predecessor's area went wholly (FULL) or in part (PARTIAL) to
-- the successor.
CREATE TABLE geography.succession (
  predecessor_id BIGINT NOT NULL REFERENCES geography.unit (id),
  successor_id   BIGINT NOT NULL REFERENCES geography.unit (id),
  kind           TEXT NOT NULL CHECK (kind IN ('FULL', 'PARTIAL')),
  effective_on   DATE NOT NULL,
  PRIMARY KEY (predecessor_id, successor_id)
);
CREATE INDEX succession_successor_idx ON geography.succession (successor_id);

-- Every unit a root unit answers for: its descendants at any date, and the units it fully continues with theirs.
-- Rebuilt after every change of units; it is what the jurisdiction filter joins on.
CREATE TABLE geography.unit_reach (
  root_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  PRIMARY KEY (root_id, unit_id)
);
CREATE INDEX unit_reach_unit_idx ON geography.unit_reach (unit_id);

INSERT INTO geography.unit (code, level, name, full_name, name_en)
VALUES ('VN', 'NATION', 'Việt Nam', 'Nước Cộng hòa xã hội chủ nghĩa Việt Nam', 'Viet Nam');
INSERT INTO geography.unit_reach (root_id, unit_id) SELECT id, id FROM geography.unit;
