CREATE SCHEMA directory;

-- A public body or service provider attached to an administrative unit. Names and owners change (in 2025 child affairs
-- moved from the labour offices to health), so an agency has validity dates and may point to the one that replaced it.
CREATE TABLE directory.agency (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind           TEXT NOT NULL,
  name           TEXT NOT NULL,
  unit_id        BIGINT NOT NULL REFERENCES geography.unit (id),
  province_code  TEXT,
  address        TEXT,
  phone          TEXT,
  email          TEXT,
  valid_from     DATE,
  valid_to       DATE,
  replaced_by_id BIGINT REFERENCES directory.agency (id),
  version        INT NOT NULL DEFAULT 0,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
);
CREATE INDEX agency_unit_idx ON directory.agency (unit_id);
CREATE INDEX agency_kind_idx ON directory.agency (kind);
CREATE INDEX agency_name_trgm_idx ON directory.agency USING gin (public.vn_fold(name) gin_trgm_ops);
